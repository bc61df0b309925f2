package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.connector.FixtureCounts;
import io.github.imagebuildersql.connector.MisbehavingEndpoint;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of the jar, as a user types it, exit statuses included. */
class CommandLineIT {
    static final String BY_NAME = "select name, description, date_created, date_next_run, tags, schedule, "
            + "enhanced_image_metadata_enabled, consecutive_failures from imagebuilder_image_pipeline "
            + "where account_id = '111111111111' order by name";
    static final long BY_NAME_ROWS = FixtureCounts.objects(Fixture.sampleEstate(), Fixture.IMAGE_PIPELINES, "111111111111");

    @Test
    void queryDemoPrintsRealRowsAsAnAlignedTable() {
        Jar.Result r = Jar.run("query", "--demo", "select account_id, region, name from imagebuilder_image_pipeline order by 1, 2, 3");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("account_id   | region         | name", lines.get(0));
        assertTrue(lines.get(1).matches("-+-\\+-+-+\\+-+"), lines.get(1));
        assertEquals("111111111111 | us-east-1      | bastion-hardened", lines.get(2));
        assertEquals("(" + FixtureCounts.samplePipelines() + " rows)", lines.get(lines.size() - 1));
        assertEquals("", r.err());
    }

    @Test
    void aQueryRunAgainByANewProcessRunsThePlanTheFirstRunKeptLoadingOnlyItsTable(@TempDir Path home) throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", home.toString());
        String sql = "select arn, name, tags from imagebuilder_image_pipeline where account_id = '222222222222' order by arn";
        Path plans = home.resolve("imagebuilder-sql").resolve("plans");
        Jar.Result planned = Jar.run(List.of(), env, null, "query", "--demo", "--format", "csv", sql);
        assertEquals(0, planned.exit(), planned.err());
        List<Path> kept;
        try (var files = Files.list(plans)) {
            kept = files.filter(f -> f.toString().endsWith(".plan")).toList();
        }
        assertEquals(1, kept.size(), "one plan, kept in the cache directory: " + kept);
        byte[] entry = Files.readAllBytes(kept.get(0));
        var written = Files.getLastModifiedTime(kept.get(0));
        Path classes = home.resolve("classes.log");
        Jar.Result again = Jar.run(List.of("-Xlog:class+load:file=" + classes),
                Map.of("XDG_CACHE_HOME", home.toString(), Launcher.SWITCH, "off"), null,
                "query", "--demo", "--format", "csv", sql);
        assertEquals(0, again.exit(), again.err());
        assertEquals(planned.out(), again.out());
        assertEquals(written, Files.getLastModifiedTime(kept.get(0)), "read, not planned and written again");
        assertTrue(java.util.Arrays.equals(entry, Files.readAllBytes(kept.get(0))));
        String loaded = Files.readString(classes);
        Matcher table = Pattern.compile("\\.core\\.table\\.(\\w+Table) source").matcher(loaded);
        List<String> defined = table.results().map(m -> m.group(1)).toList();
        assertEquals(List.of("ImagePipelineTable"), defined, "the kept plan's process defines only the table it reads");
        // A dynamic proxy's class is generated when first used: tens of milliseconds of CPU each in a new JVM.
        assertEquals(List.of(), loaded.lines().filter(l -> l.contains("source: __dynamic_proxy__")).toList(),
                "the command line and the JDBC layer are classes, not proxies");
        Jar.Result off = Jar.run(List.of(), env, null, "query", "--demo", "--format", "csv", "--planCache", "off",
                sql + "\n");
        assertEquals(0, off.exit(), off.err());
        assertEquals(planned.out(), off.out());
        try (var files = Files.list(plans)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".plan")).count(), "--planCache off keeps nothing");
        }
    }

    /**
     * An alias comes back byte for byte as written, every way a statement runs: recording the class archive in a
     * fresh cache, mapping it, from the plan a run kept, after the same statement spelled {@code Y, X} was kept
     * (plans are keyed by the exact text), planned afresh with --planCache off, and in one JVM. Issue 31.8
     * reported {@code Y,x} for {@code 1 as y, 2 as x}: the bytes were {@code y,x}, shown by a console that
     * capitalises the first character of a command's output ({@code echo y,x} shows as {@code Y,x} there too).
     */
    @Test
    void aliasesComeBackAsWrittenEveryWayAStatementRuns(@TempDir Path home) {
        String lower = "select 1 as y, 2 as x from imagebuilder_image_pipeline limit 1";
        String upper = lower.replace("as y", "as Y").replace("as x", "as X");
        Map<String, String> cache = Map.of("XDG_CACHE_HOME", home.toString());
        assertEquals("Y,X", header(cache, upper), "a fresh cache: the run that records the archive");
        assertEquals("y,x", header(cache, lower), "planned, beside the kept plan of the upper-case spelling");
        assertEquals("y,x", header(cache, lower), "its own kept plan");
        assertEquals("y,x", header(cache, lower, "--planCache", "off"), "planned afresh");
        assertEquals("y,x", header(Map.of("XDG_CACHE_HOME", home.toString(), Launcher.SWITCH, "off"), lower),
                "in one JVM");
    }

    private static String header(Map<String, String> env, String sql, String... options) {
        List<String> args = new ArrayList<>(List.of("query", "--demo", "--format", "csv"));
        args.addAll(List.of(options));
        args.add(sql);
        Jar.Result r = Jar.run(List.of(), env, null, args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return r.out().lines().findFirst().orElseThrow();
    }

    @Test
    void csvIsRfc4180WithAHeaderAndEmptyNulls() throws Exception {
        Jar.Result r = Jar.run("query", "--demo", "--format", "csv", BY_NAME);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\r\n"), "RFC 4180 line ends");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.out())).getRecords();
        assertEquals(BY_NAME_ROWS, rows.size());
        CSVRecord bastion = rows.get(0);
        assertEquals("bastion-hardened", bastion.get("name"));
        assertEquals("", bastion.get("date_next_run"), "NULL is an empty field");
        assertEquals("2022-11-30T22:01:05Z", bastion.get("date_created"));
        CSVRecord windows = rows.get(rows.size() - 1);
        assertEquals("Windows build agent — MSVC, .NET 8, \"Git for Windows\"", windows.get("description"));
        assertEquals("{\"team\":\"platform\",\"cost center\":\"cc-1001\",\"os\":\"windows\"}", windows.get("tags"));
        assertEquals("false", windows.get("enhanced_image_metadata_enabled"));
        assertEquals("2", windows.get("consecutive_failures"));
    }

    @Test
    void jsonIsJsonLinesWithNestedMapsAndJsonColumnsAndNulls() throws Exception {
        Jar.Result r = Jar.run("query", "--demo", "--format", "json", BY_NAME);
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(BY_NAME_ROWS, lines.size());
        assertTrue(lines.stream().allMatch(line -> line.startsWith("{") && line.endsWith("}")), r.out());
        JsonNode al2023 = new ObjectMapper().readTree(lines.get(1));
        assertEquals("ci-runner-al2023", al2023.get("name").asText());
        assertEquals("platform", al2023.get("tags").get("team").asText());
        assertEquals("Europe/Dublin", al2023.get("schedule").get("timezone").asText());
        assertEquals("2023-03-14T09:12:44.120Z", al2023.get("date_created").asText());
        assertTrue(al2023.get("enhanced_image_metadata_enabled").isBoolean());
        assertTrue(al2023.get("consecutive_failures").isInt());
        assertTrue(new ObjectMapper().readTree(lines.get(0)).get("date_next_run").isNull());
    }

    @Test
    void timestampsAreUtcOnAMachineInLosAngeles() {
        Jar.Result r = Jar.run(List.of("-Duser.timezone=America/Los_Angeles"), Map.of("TZ", "America/Los_Angeles"),
                null, "query", "--demo", "--format", "csv",
                "select date_created, extract(hour from date_created) as h from imagebuilder_image_pipeline "
                        + "where name = 'ci-runner-al2023'");
        assertEquals(0, r.exit(), r.err());
        assertEquals("2023-03-14T09:12:44.120Z,9", r.out().lines().toList().get(1), "09:12 UTC, not 02:12 in LA");
    }

    @Test
    void everyCommandHasHelpListingTheConnectionProperties() {
        for (String[] help : List.of(new String[] {"--help"}, new String[] {"query", "--help"},
                new String[] {"export", "--help"}, new String[] {"shell", "--help"}, new String[] {"help", "export"})) {
            Jar.Result r = Jar.run(help);
            assertEquals(0, r.exit(), String.join(" ", help) + ": " + r.err());
            assertTrue(r.out().contains("Usage:"), r.out());
        }
        String query = Jar.run("query", "--help").out();
        for (String option : List.of("--url", "--demo", "--verbose", "--format", "--regions", "--accounts", "--roleName",
                "--externalId", "--profile", "--endpoint", "--maxConcurrency", "--onError", "--ignoreErrorCodes")) {
            assertTrue(query.contains(option), option);
        }
        assertTrue(Jar.run("--version").out().startsWith("imagebuilder-sql "));
    }

    @Test
    void badInputIsOneLineAndStatusTwo() {
        for (String[] args : List.of(
                new String[] {"query", "--demo", "select nme from imagebuilder_image_pipeline"},
                new String[] {"query", "--demo", "selec name"},
                new String[] {"query", "--demo", "insert into imagebuilder_workflow (name) values ('x')"},
                new String[] {"query", "--regions", "us-east-7", "select 1"},
                new String[] {"query", "--demo", "--maxConcurrency", "x", "select 1"},
                new String[] {"query", "--demo", "--format", "xml", "select 1"},
                new String[] {"query", "--url", "jdbc:mysql://x", "select 1"},
                new String[] {"frobnicate"})) {
            Jar.Result r = Jar.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("imagebuilder-sql: "), r.err());
            assertTrue(r.errLines().size() <= 2 && !r.err().contains("\tat "), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void dataSyntaxAndSettingErrorsAreOneLineNamingTheProblemAndStatusTwo(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none");
        Map<String, String> noCredentials = Map.of("AWS_CONFIG_FILE", none.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                none.toString(), "AWS_EC2_METADATA_DISABLED", "true", "AWS_REGION", "us-east-1");
        Map<List<String>, String> expected = new java.util.LinkedHashMap<>();
        expected.put(List.of("query", "--demo", "select 1/0 from imagebuilder_image_pipeline"),
                "imagebuilder-sql: division by zero");
        expected.put(List.of("query", "--demo", "select name from imagebuilder_image_pipeline where consecutive_failures = 'abc'"),
                "imagebuilder-sql: cannot convert \"abc\" to a number (a text value compared with, or cast to, a number)");
        expected.put(List.of("query", "--demo", "selec name from imagebuilder_image_pipeline"), "imagebuilder-sql: SQL syntax "
                + "error at line 1, column 1: 'selec' does not start a statement; a query starts with SELECT, VALUES, WITH or EXPLAIN");
        expected.put(List.of("query", "--demo", "--region", "eu-west-1", "select 1"),
                "imagebuilder-sql: unknown option '--region'; did you mean --regions?");
        expected.put(List.of("query", "--endpoint", "http://127.0.0.1:1", "select name from imagebuilder_image_pipeline"),
                "imagebuilder-sql: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a "
                        + "profile (AWS_PROFILE, or the property profile), or run 'aws sso login'; demo=true (--demo) needs none");
        expected.put(List.of("query", "--profile", "nosuch", "--endpoint", "http://127.0.0.1:1",
                "select name from imagebuilder_image_pipeline"), "imagebuilder-sql: profile 'nosuch' has no credentials in "
                + "the AWS config and credentials files: check its name ('aws configure list-profiles'), or run 'aws sso "
                + "login --profile nosuch'");
        expected.put(List.of("export", "--demo", "--table", "imagebuilder_workflow", "--out", "/sys/workflows.csv"),
                "imagebuilder-sql: permission denied: cannot write in /sys; choose a directory you can write to");
        for (Map.Entry<List<String>, String> e : expected.entrySet()) {
            Jar.Result r = Jar.run(List.of(), noCredentials, null, e.getKey().toArray(String[]::new));
            assertEquals(2, r.exit(), e.getKey() + ": " + r.err());
            assertEquals(e.getValue(), r.errLines().get(0), e.getKey().toString());
            assertTrue(r.errLines().size() <= 2 && !r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void oneTrailingSemicolonIsAcceptedInTheArgumentAndInAFile(@TempDir Path dir) throws Exception {
        String sql = "select name from imagebuilder_workflow order by name";
        Jar.Result plain = Jar.run("query", "--demo", "--format", "csv", sql);
        assertEquals(0, plain.exit(), plain.err());
        Jar.Result argument = Jar.run("query", "--demo", "--format", "csv", sql + ";");
        assertEquals(plain.out(), argument.out(), argument.err());
        Path file = dir.resolve("q.sql");
        Files.writeString(file, "-- workflows\n" + sql + ";\n");
        Jar.Result fromFile = Jar.run("query", "--demo", "--format", "csv", "--file", file.toString());
        assertEquals(plain.out(), fromFile.out(), fromFile.err());
    }

    @Test
    void helpExamplesAreWholeCommandsAndTheTableMarksAValueItCuts() throws Exception {
        for (String command : List.of("query", "export", "sync")) {
            List<String> lines = Jar.run(command, "--help").out().lines().toList();
            int example = lines.indexOf(lines.stream().filter(l -> l.startsWith("Example")).findFirst().orElseThrow());
            for (String line : lines.subList(example + 1, lines.size())) {
                assertTrue(line.startsWith("  "), command + ": an example line broken by the help's wrapping: " + line);
            }
        }
        Jar.Result r = Jar.run("query", "--demo", "select data from imagebuilder_workflow where data is not null limit 1");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("…"), r.out());
        assertEquals("(values longer than 80 characters are cut, marked …; --format csv or json prints them whole)",
                r.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void theShellShowsUtcTimestampsAndWhatItIsConnectedTo(@TempDir Path dir) {
        Jar.Result r = Jar.run(List.of(), Map.of("TZ", "America/New_York"), "select date_created from "
                + "imagebuilder_image_pipeline where name = 'ci-runner-al2023';\n!quit\n", "shell", "--demo",
                "--history", dir.resolve("history").toString());
        assertEquals(0, r.exit(), r.err());
        Jar.Result query = Jar.run("query", "--demo", "--format", "csv", "select date_created from "
                + "imagebuilder_image_pipeline where name = 'ci-runner-al2023'");
        String instant = query.out().lines().toList().get(1); // 2023-03-14T09:12:44.120Z
        assertTrue(r.out().contains(instant.replace('T', ' ')), instant + " in " + r.out());
        assertTrue(r.out().contains("jdbc:imagebuilder:demo=true>"), r.out());
        assertFalse(r.out().contains("imagebuilder-session"), r.out());
    }

    @Test
    void aParameterMarkerIsRefusedRatherThanReadAsNull() {
        Jar.Result r = Jar.run("query", "--demo", "select name from imagebuilder_image_pipeline where name = ?");
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("imagebuilder-sql: the statement has a parameter marker (?), which a command cannot bind; "
                + "write the value into the SQL"), r.errLines());
        assertEquals("", r.out());
    }

    @Test
    void anAwsFailureIsStatusThreeNamingTheAccountAndTheStackTraceIsForVerbose() {
        String[] args = {"query", "--demo", "--accounts", "111111111111,444444444444", "--roleName",
                "ImageBuilderInventoryRole", "select name from imagebuilder_image_pipeline"};
        Jar.Result r = Jar.run(args);
        assertEquals(3, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("444444444444") && r.err().contains("AccessDenied"), r.err());

        List<String> verbose = new ArrayList<>(List.of(args));
        verbose.add(1, "--verbose");
        assertTrue(Jar.run(verbose.toArray(String[]::new)).err().contains("\tat "));
    }

    @Test
    void verboseFailuresShowNoSecret() {
        String externalId = "xid-Cl1-S3cr3t-0042";
        String secretKey = Fixture.sampleEstate().credentials().secretAccessKey();
        for (String[] args : List.of(
                new String[] {"query", "--demo", "--verbose", "--accounts", "444444444444", "--roleName", "ImageBuilderInventoryRole",
                        "--externalId", externalId, "select name from imagebuilder_image_pipeline"},
                new String[] {"query", "--demo", "--verbose", "--accounts", "222222222222,444444444444", "--roleName",
                        "ImageBuilderInventoryRole", "--externalId", externalId, "--onError", "skip", "select name from imagebuilder_image_pipeline"},
                new String[] {"query", "--demo", "--verbose", "--externalId", externalId + " bad", "select 1"},
                new String[] {"query", "--demo", "--verbose", "--externalId", externalId, "select nme from imagebuilder_workflow"})) {
            Jar.Result r = Jar.run(args);
            assertTrue(r.exit() != 0, String.join(" ", args));
            for (String secret : List.of(externalId, secretKey)) {
                assertFalse(r.out().contains(secret) || r.err().contains(secret), "a secret in: " + r.err());
            }
        }
    }

    /** The external ID can come from the environment, as PGPASSWORD does, off every command line; it is never echoed. */
    @Test
    void anExternalIdFromTheEnvironmentIsUsedAndNeverEchoed() throws Exception {
        String externalId = "xid-Env-S3cr3t-0077";
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Fixture.class.getResourceAsStream(Fixture.SAMPLE_ESTATE));
        ((ObjectNode) json.path("accounts").path("222222222222")).put("externalId", externalId);
        int pipelines = json.path("accounts").path("222222222222").path("regions").path("us-east-1").path("imagePipelines")
                .size();
        Fixture estate = Fixture.parse(new java.io.ByteArrayInputStream(new ObjectMapper().writeValueAsBytes(json)), "test");
        try (Emulator emulator = Emulator.start(estate)) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("AWS_ACCESS_KEY_ID", estate.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", estate.credentials().secretAccessKey(), "AWS_REGION", "us-east-1"));
            String[] args = {"query", "--endpoint", emulator.endpoint().toString(), "--accounts", "222222222222",
                    "--roleName", "ImageBuilderInventoryRole", "--regions", "us-east-1", "--format", "csv",
                    "select count(*) from imagebuilder_image_pipeline"};
            Jar.Result without = Jar.run(List.of(), env, null, args);
            assertEquals(3, without.exit(), "the role requires the external ID: " + without.err());
            env.put("IMAGEBUILDER_SQL_EXTERNAL_ID", externalId);
            Jar.Result with = Jar.run(List.of(), env, null, args);
            assertEquals(0, with.exit(), with.err());
            assertEquals(String.valueOf(pipelines), with.out().lines().toList().get(1));
        }
        Jar.Result mistyped = Jar.run("query", "--url", "jdbc:imagebuilder;externalId=" + externalId, "select 1");
        assertEquals(2, mistyped.exit(), mistyped.err());
        assertEquals(List.of("imagebuilder-sql: --url must start with jdbc:imagebuilder:, got 'jdbc:imagebuilder;externalId=…'"),
                mistyped.errLines());
    }

    @Test
    void anInListCalciteCannotCompileIsStatusTwoAndOneLine() {
        String in = java.util.stream.IntStream.rangeClosed(1, 5_000).mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(","));
        Jar.Result r = Jar.run("query", "--demo", "select name from imagebuilder_image_pipeline where consecutive_failures in ("
                + in + ") or name = 'x'");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("imagebuilder-sql: an IN list of 5000 values that the scan cannot apply itself"),
                r.err());
    }

    @Test
    void anStsIdentityWithoutAnAccountIsStatusThree() {
        try (MisbehavingEndpoint sts = MisbehavingEndpoint.start(q -> MisbehavingEndpoint.Answer.of(200, "text/xml",
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "</GetCallerIdentityResult></GetCallerIdentityResponse>"))) {
            Jar.Result r = Jar.run(List.of(), Map.of("AWS_ACCESS_KEY_ID", "AKIAEMULATORBASE0001", "AWS_SECRET_ACCESS_KEY",
                    "emulator/base/secret/key/0000000000000001"), null, "query", "--endpoint", sts.endpoint().toString(),
                    "--regions", "us-east-1", "select name from imagebuilder_image_pipeline");
            assertEquals(3, r.exit(), r.err());
            assertEquals(List.of("imagebuilder-sql: STS GetCallerIdentity answered without an account ID, so the account to "
                    + "scan is unknown; check that endpoint " + sts.endpoint() + " is AWS STS"), r.errLines());
        }
    }

    /**
     * An answer that is not the API's (a proxy's HTML page, status 200) is named for what it is, once, not retried
     * into a timeout; --verbose shows the parser's exception.
     */
    @Test
    void anUnreadableAnswerSaysWhatWasWrongAndVerboseShowsTheParseError() {
        try (MisbehavingEndpoint aws = MisbehavingEndpoint.start(q -> q.operation().equals("GetCallerIdentity")
                ? MisbehavingEndpoint.callerIdentity()
                : MisbehavingEndpoint.Answer.of(200, "text/html", "<html><body>Sign in to the proxy</body></html>"))) {
            Jar.Result r = Jar.run(List.of(), Map.of("AWS_ACCESS_KEY_ID", "AKIAEMULATORBASE0001", "AWS_SECRET_ACCESS_KEY",
                    "emulator/base/secret/key/0000000000000001"), null, "query", "--verbose", "--endpoint",
                    aws.endpoint().toString(), "--regions", "us-east-1", "select name from imagebuilder_image_pipeline");
            assertEquals(3, r.exit(), r.err());
            assertTrue(r.errLines().get(0).startsWith("imagebuilder-sql: imagebuilder_image_pipeline: account 111111111111 "
                    + "region us-east-1: ListImagePipelines failed: UnreadableAnswer: the answer is not what the API sends "
                    + "(Unexpected character ('<'"), r.err());
            assertTrue(r.err().contains("Caused by: software.amazon.awssdk.thirdparty.jackson.core.JsonParseException: "
                    + "Unexpected character ('<'"), r.err());
            assertEquals(1, aws.calls("/ListImagePipelines"), "asking again would not mend it");
        }
    }

    /** AWS's text quoting the signed request's session token is printed redacted, stack trace included. */
    @Test
    void verboseOutputRedactsTheCredentialsAnAwsAnswerQuotes() {
        String token = "IQoJb3JpZ2luX2VjEJr" + "Q2xpU2Vzc2lvblRva2VuMTIzNDU2Nzg5MGFiY2RlZg".repeat(6) + "Zz9==";
        try (MisbehavingEndpoint aws = MisbehavingEndpoint.quotingTheSignedRequest()) {
            Jar.Result r = Jar.run(List.of(), Map.of("AWS_ACCESS_KEY_ID", "AKIAEMULATORBASE0001", "AWS_SECRET_ACCESS_KEY",
                    "emulator/base/secret/key/0000000000000001", "AWS_SESSION_TOKEN", token), null, "query", "--verbose",
                    "--endpoint", aws.endpoint().toString(), "--regions", "us-east-1",
                    "select name from imagebuilder_image_pipeline");
            assertEquals(3, r.exit(), r.err());
            assertTrue(r.err().contains("\tat ") && r.err().contains("x-amz-security-token:(redacted)"), r.err());
            for (String secret : List.of(token, "AKIAEMULATORBASE0001")) {
                assertFalse(r.out().contains(secret) || r.err().contains(secret), "a credential in: " + r.err());
            }
        }
    }

    @Test
    void aSkippedPartitionIsAWarningAndStatusThree() {
        Jar.Result r = Jar.run("query", "--demo", "--accounts", "111111111111,444444444444", "--roleName", "ImageBuilderInventoryRole",
                "--onError", "skip", "--format", "csv", "select name from imagebuilder_image_pipeline order by name");
        assertEquals(3, r.exit(), r.err());
        assertEquals(1 + FixtureCounts.objects(Fixture.sampleEstate(), Fixture.IMAGE_PIPELINES, "111111111111"),
                r.out().lines().count(), "header and the other account's pipelines");
        assertTrue(r.err().contains("warning: partition skipped") && r.err().contains("444444444444"), r.err());
    }

    @Test
    void exportReplacesTheFileOnlyOnSuccess(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pipelines.csv");
        Jar.Result ok = Jar.run("export", "--demo", "--table", "imagebuilder_image_pipeline", "--out", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertEquals("", ok.err(), "silent when not on a terminal");
        List<String> good = Files.readAllLines(out);
        assertEquals(1 + FixtureCounts.samplePipelines(), good.size(), "header and every pipeline");
        assertTrue(good.get(0).startsWith("_key,account_id,arn,"));

        Jar.Result partial = Jar.run("export", "--demo", "--accounts", "111111111111,444444444444", "--roleName", "ImageBuilderInventoryRole",
                "--onError", "skip", "--table", "imagebuilder_image_pipeline", "--out", out.toString());
        assertEquals(3, partial.exit(), partial.err());
        assertTrue(partial.err().contains("left as it was"), partial.err());
        Jar.Result failed = Jar.run("export", "--demo", "--accounts", "444444444444", "--roleName", "ImageBuilderInventoryRole",
                "--table", "imagebuilder_image_pipeline", "--out", out.toString());
        assertEquals(3, failed.exit(), failed.err());
        assertEquals(good, Files.readAllLines(out), "the previous good export is untouched");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
    }

    /**
     * An export killed with SIGKILL leaves its unfinished {@code .NAME.PID.N.partial}; the next export to the same
     * file removes those whose process is gone, and leaves those of a live process and of other files.
     */
    @Test
    void anExportRemovesTheUnfinishedFilesOfItsKilledPredecessors(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pipelines.csv");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path killed = Files.writeString(dir.resolve(".pipelines.csv." + gone.pid() + ".123.partial"), "cut short");
        Path older = Files.writeString(dir.resolve(".pipelines.csv.8046385527384728.partial"), "an older name");
        Path running = Files.writeString(dir.resolve(".pipelines.csv." + ProcessHandle.current().pid() + ".456.partial"),
                "being written");
        Path otherFile = Files.writeString(dir.resolve(".images.csv." + gone.pid() + ".789.partial"), "another output's");
        Jar.Result r = Jar.run("export", "--demo", "--table", "imagebuilder_image_pipeline", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(killed), "its process is gone");
        assertFalse(Files.exists(older), "no process has that number");
        assertTrue(Files.exists(running), "its process is alive");
        assertTrue(Files.exists(otherFile), "another file's");
        assertEquals(1 + FixtureCounts.samplePipelines(), Files.readAllLines(out).size());
    }

    @Test
    void exportJsonLinesOfAQueryWithProgressWhenAsked(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("wf.jsonl");
        Jar.Result r = Jar.run("export", "--demo", "--format", "jsonl", "--progress", "--out", out.toString(),
                "select arn, data from imagebuilder_workflow order by arn");
        assertEquals(0, r.exit(), r.err());
        long workflows = FixtureCounts.inActiveAccounts(Fixture.sampleEstate(), Fixture.WORKFLOWS);
        assertEquals(workflows, Files.readAllLines(out).size());
        assertTrue(r.err().contains("partitions"), r.err());
        assertTrue(r.err().contains("wrote " + workflows + " rows"), r.err());
    }

    /**
     * Ctrl-C while an export shows its progress line: the terminal signals every process of the foreground group
     * (both JVMs of {@code java -jar}), the line is ended so that the shell's prompt starts on a line of its own, and
     * the status is the one documented for an interruption.
     */
    @Test
    void ctrlCEndsTheProgressLineAndTheStatusSaysInterrupted(@TempDir Path dir) throws Exception {
        Fixture estate = Fixture.sampleEstate();
        // One request at a time, each a second long: the export is still scanning when its first partition is done.
        try (Emulator emulator = Emulator.start(estate, EmulatorOptions.defaults().withLatency(Duration.ofSeconds(1)))) {
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", estate.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", estate.credentials().secretAccessKey(), "AWS_REGION", "us-east-1");
            Path out = dir.resolve("pipelines.csv");
            Process p = Jar.start(List.of(), env, "export", "--endpoint", emulator.endpoint().toString(), "--accounts",
                    "org", "--roleName", "ImageBuilderInventoryRole", "--maxConcurrency", "1", "--progress",
                    "--table", "imagebuilder_image_pipeline", "--out", out.toString());
            p.getOutputStream().close();
            InputStream err = p.getErrorStream();
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            while (!shown.toString(StandardCharsets.UTF_8).contains(" partitions")) {
                int b = err.read();
                assertTrue(b >= 0, "the export ended before it showed progress: " + shown);
                shown.write(b);
            }
            String progress = shown.toString(StandardCharsets.UTF_8);
            assertTrue(progress.startsWith("\r") && !progress.contains("\n"), "a progress line, not ended: " + progress);

            List<String> pids = Stream.concat(Stream.of(p.toHandle()), p.descendants())
                    .map(h -> String.valueOf(h.pid())).toList();
            assertEquals(2, pids.size(), "java -jar and its second JVM: " + pids);
            List<String> kill = new ArrayList<>(List.of("kill", "-INT"));
            kill.addAll(pids);
            assertEquals(0, new ProcessBuilder(kill).inheritIO().start().waitFor());
            shown.write(err.readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));

            String stderr = shown.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCode.INTERRUPTED, p.exitValue(), stderr);
            assertTrue(stderr.endsWith("\n"), "stderr ends its last line: " + stderr.replace("\r", "\\r"));
            String afterProgress = stderr.substring(stderr.lastIndexOf(" partitions") + " partitions".length());
            assertEquals("\n", afterProgress, "the progress line is ended and nothing follows it");
            assertFalse(Files.exists(out), "an interrupted export writes no file");
        }
    }

    @Test
    void shellRunsStatementsFromStandardInput(@TempDir Path dir) {
        Jar.Result r = Jar.run(List.of(), Map.of(), "!tables\nselect count(*) as n from imagebuilder_workflow;\n!quit\n",
                "shell", "--demo", "--history", dir.resolve("history").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("imagebuilder_image_pipeline") && r.out().contains("imagebuilder_workflow"), r.out());
        long workflows = FixtureCounts.inActiveAccounts(Fixture.sampleEstate(), Fixture.WORKFLOWS);
        assertTrue(r.out().matches("(?s).*\\|\\s+" + workflows + "\\s+\\|.*"), r.out());
    }

    @Test
    void realCredentialsFromTheEnvironmentOrAProfileAgainstAnEndpoint(@TempDir Path dir) throws Exception {
        Fixture estate = Fixture.sampleEstate();
        try (Emulator emulator = Emulator.start(estate)) {
            Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", estate.credentials().accessKeyId(),
                    "AWS_SECRET_ACCESS_KEY", estate.credentials().secretAccessKey(), "AWS_REGION", "us-east-1");
            Jar.Result r = Jar.run(List.of(), env, null, "query", "--endpoint", emulator.endpoint().toString(),
                    "--format", "csv", "select count(*) from imagebuilder_image_pipeline");
            assertEquals(0, r.exit(), r.err());
            assertEquals(String.valueOf(FixtureCounts.objects(estate, Fixture.IMAGE_PIPELINES, "111111111111", "us-east-1")),
                    r.out().lines().toList().get(1), "the caller's own account in its default region");

            Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "[inventory]\naws_access_key_id = " + estate.credentials().accessKeyId()
                    + "\naws_secret_access_key = " + estate.credentials().secretAccessKey() + "\n");
            Path config = dir.resolve("config");
            Files.writeString(config, "[profile inventory]\nregion = eu-west-1\n");
            Map<String, String> profileEnv = Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                    "AWS_CONFIG_FILE", config.toString());
            Jar.Result p = Jar.run(List.of(), profileEnv, null, "query", "--url",
                    "jdbc:imagebuilder:endpoint=" + emulator.endpoint() + ";accounts=org;roleName=" + "ImageBuilderInventoryRole",
                    "--profile", "inventory", "--format", "csv",
                    "select distinct region from imagebuilder_image_pipeline order by 1");
            assertEquals(0, p.exit(), p.err());
            assertEquals(List.of("region", "eu-west-1"), p.out().lines().toList(), "the profile's region is the default");
            assertFalse(emulator.stats().total("AssumeRole") == 0);
        }
    }
}
