package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.connector.FixtureCounts;
import io.github.imagebuildersql.connector.MisbehavingEndpoint;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** sync into a real PostgreSQL, run as a user or cron runs it, with the database's contents as the evidence. */
class SyncIT {
    /** The role and regions of the bundled demo estate. */
    private static final String DEMO_ROLE = "ImageBuilderInventoryRole";
    private static final String DEMO_REGIONS = "us-east-1,eu-west-1,ap-southeast-2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PIPELINES = "imagebuilder_image_pipeline";
    /** The pipelines of the sample estate's organisation: what a first sync adds. */
    private static final long ORGANISATION = FixtureCounts.samplePipelines();

    /** The sample estate; the org's accounts are 111…, 222… and 333… (444… is suspended). */
    private static ObjectNode estate() throws IOException {
        try (InputStream in = Fixture.class.getResourceAsStream(Fixture.SAMPLE_ESTATE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static ArrayNode pipelines(ObjectNode estate, String account, String region) {
        return (ArrayNode) estate.path("accounts").path(account).path("regions").path(region).path("imagePipelines");
    }

    private static ObjectNode pipeline(ObjectNode estate, String account, String region, String name) {
        for (JsonNode p : pipelines(estate, account, region)) {
            if (p.path("name").asText().equals(name)) {
                return (ObjectNode) p;
            }
        }
        throw new AssertionError("no pipeline " + name);
    }

    private static void remove(ObjectNode estate, String account, String region, String name) {
        for (Iterator<JsonNode> it = pipelines(estate, account, region).iterator(); it.hasNext(); ) {
            if (it.next().path("name").asText().equals(name)) {
                it.remove();
                return;
            }
        }
        throw new AssertionError("no pipeline " + name);
    }

    /** The estate a day later: one pipeline added, one removed, one disabled; and 333…/ap-southeast-2 forbidden. */
    private static ObjectNode nextDay() throws IOException {
        ObjectNode next = estate();
        ObjectNode added = pipeline(next, "111111111111", "us-east-1", "bastion-hardened").deepCopy();
        added.put("name", "bastion-hardened-v2");
        added.put("arn", "arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/bastion-hardened-v2");
        added.put("status", "ENABLED");
        pipelines(next, "111111111111", "us-east-1").add(added);
        remove(next, "222222222222", "eu-west-1", "settlement-batch");
        pipeline(next, "111111111111", "us-east-1", "ci-runner-al2023").put("status", "DISABLED");
        // Inside the forbidden partition, a removal that sync must not see: it cannot tell.
        remove(next, "333333333333", "ap-southeast-2", "dbt-runner-container");
        ((ObjectNode) next.path("accounts").path("333333333333").path("regions").path("ap-southeast-2"))
                .put("error", "ForbiddenException");
        return next;
    }

    private static Emulator emulator(ObjectNode estate) throws IOException {
        // Through bytes: in the shaded jar the emulator's Jackson is relocated.
        return Emulator.start(Fixture.parse(new java.io.ByteArrayInputStream(JSON.writeValueAsBytes(estate)), "test estate"));
    }

    private static Map<String, String> credentials(Emulator emulator) {
        return Map.of("AWS_ACCESS_KEY_ID", emulator.fixture().credentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", emulator.fixture().credentials().secretAccessKey(), "AWS_REGION", "us-east-1");
    }

    /** The inventory tables a sync made in a schema: neither their histories nor sync_runs. */
    private static List<String> syncedTables(String schema) throws Exception {
        return rows("select table_name::text from information_schema.tables where table_schema = '" + schema
                + "' and table_name not like '%\\_history' and table_name <> 'sync_runs' order by 1").stream()
                .map(row -> row.get(0)).sorted().toList();
    }

    /** The demo's organisation and regions, unless {@code extra} names its own accounts or regions. */
    private static String[] syncArgs(Emulator emulator, String schema, String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--endpoint", emulator.endpoint().toString(),
                "--roleName", DEMO_ROLE, "--to", Postgres.url(), "--schema", schema));
        if (!List.of(extra).contains("--accounts")) {
            args.addAll(List.of("--accounts", "org"));
        }
        if (!List.of(extra).contains("--regions")) {
            args.addAll(List.of("--regions", DEMO_REGIONS));
        }
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static Jar.Result sync(ObjectNode estate, String schema, String... extra) throws IOException {
        try (Emulator emulator = emulator(estate)) {
            return Jar.run(List.of(), credentials(emulator), null, syncArgs(emulator, schema, extra));
        }
    }

    private static List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = Postgres.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static String one(String sql) throws SQLException {
        List<List<String>> rows = rows(sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0).get(0);
    }

    /** Every row of the schema's tables, as text, for "nothing changed" assertions. */
    private static List<List<String>> everything(String schema) throws SQLException {
        List<List<String>> all = new ArrayList<>();
        for (String t : List.of(PIPELINES, PIPELINES + "_history", "imagebuilder_workflow", "imagebuilder_workflow_history")) {
            all.addAll(rows("select '" + t + "', t::text from " + schema + "." + t + " t order by t::text"));
        }
        return all;
    }

    private static List<List<String>> pipelinesWithHistory(String schema) throws SQLException {
        return rows("select t::text from " + schema + "." + PIPELINES + " t union all select h::text from " + schema + "."
                + PIPELINES + "_history h order by 1");
    }

    /** (name, status, account, region) of the org's pipelines in an estate. */
    private static TreeSet<String> expectedPipelines(ObjectNode estate) {
        TreeSet<String> expected = new TreeSet<>();
        estate.path("accounts").fields().forEachRemaining(a -> {
            if (a.getValue().path("status").asText().equals("ACTIVE")) {
                a.getValue().path("regions").fields().forEachRemaining(r -> {
                    for (JsonNode p : r.getValue().path("imagePipelines")) {
                        expected.add(p.path("name").asText() + "|" + p.path("status").asText() + "|" + a.getKey() + "|"
                                + r.getKey());
                    }
                });
            }
        });
        return expected;
    }

    private static TreeSet<String> syncedPipelines(String schema, String where) throws SQLException {
        TreeSet<String> synced = new TreeSet<>();
        for (List<String> r : rows("select name || '|' || status || '|' || account_id || '|' || region from " + schema
                + "." + PIPELINES + " " + where)) {
            synced.add(r.get(0));
        }
        return synced;
    }

    @Test
    void firstSyncCopiesEveryRowWithTypedColumnsAndOpensOneVersionEach() throws Exception {
        ObjectNode estate = estate();
        Jar.Result r;
        try (Emulator emulator = emulator(estate)) {
            r = Jar.run(List.of(), credentials(emulator), null, syncArgs(emulator, "first"));
            assertEquals(FixtureCounts.pages(Fixture.sampleEstate(), Fixture.IMAGE_PIPELINES, List.of(DEMO_REGIONS.split(","))),
                    emulator.stats().total("ListImagePipelines"), "one scan; reading the columns scans nothing");
            assertEquals(0, emulator.stats().total("GetImagePipeline"));
        }
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        long workflows = Long.parseLong(one("select count(*) from first.imagebuilder_workflow"));
        assertTrue(workflows > 0);
        List<String> summary = r.out().lines().toList();
        assertTrue(summary.contains(PIPELINES + ": " + ORGANISATION + " added, 0 removed, 0 changed, 0 unchanged"), r.out());
        assertTrue(summary.contains("imagebuilder_workflow: " + workflows + " added, 0 removed, 0 changed, 0 unchanged"),
                r.out());
        assertTrue(summary.stream().allMatch(l -> l.matches("imagebuilder_\\w+: \\d+ added, 0 removed, 0 changed, 0 unchanged")),
                r.out());
        assertEquals(syncedTables("first"), summary.stream().map(l -> l.substring(0, l.indexOf(':'))).sorted().toList(),
                "one summary line per table synced, and every table of the driver synced");

        assertEquals(expectedPipelines(estate), syncedPipelines("first", ""));
        assertEquals(List.of(List.of("2023-03-14T09:12:44.120Z", "platform", "Europe/Dublin", "true", "0",
                        "timestamp with time zone", "jsonb", "jsonb", "boolean", "integer")),
                rows("select to_char(date_created at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                        + "tags ->> 'team', schedule ->> 'timezone', enhanced_image_metadata_enabled::text, "
                        + "consecutive_failures::text, pg_typeof(date_created)::text, pg_typeof(tags)::text, "
                        + "pg_typeof(schedule)::text, pg_typeof(enhanced_image_metadata_enabled)::text, "
                        + "pg_typeof(consecutive_failures)::text from first." + PIPELINES + " where name = 'ci-runner-al2023'"));
        assertNull(one("select date_next_run from first." + PIPELINES + " where name = 'bastion-hardened'"), "NULL stays NULL");
        assertEquals(String.valueOf(ORGANISATION), one("select count(*) from first." + PIPELINES
                + "_history where _valid_to is null"));
        assertEquals("0", one("select count(*) from first." + PIPELINES + "_history h join first." + PIPELINES
                + " t using (_key) where (h.name, h.status, h.tags) is distinct from (t.name, t.status, t.tags)"));
        assertEquals(String.valueOf(workflows), one("select count(*) from first.imagebuilder_workflow_history"));
        assertEquals(List.of(List.of("1", "ok", String.valueOf(ORGANISATION), "[]")), rows("select id, status, tables -> '" + PIPELINES
                + "' ->> 'added', skipped_partitions::text from first.sync_runs"));
    }

    @Test
    void secondSyncRecordsChangesAndKeepsTheForbiddenPartitionAsItWas() throws Exception {
        ObjectNode before = estate();
        assertEquals(0, sync(before, "second").exit());
        String firstFrom = one("select max(_valid_from) from second." + PIPELINES + "_history");

        Jar.Result r = sync(nextDay(), "second", "--onError", "skip");
        assertEquals(3, r.exit(), r.err());
        long unchanged = ORGANISATION - pipelines(before, "333333333333", "ap-southeast-2").size() - 1 - 1;
        assertTrue(r.out().lines().toList().contains(PIPELINES + ": 1 added, 1 removed, 1 changed, " + unchanged
                + " unchanged"), r.out());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("warning: ") && l.contains("333333333333")
                && l.contains("ap-southeast-2")), r.err());
        assertTrue(r.err().contains("warning: the sync is partial"), r.err());

        TreeSet<String> expected = expectedPipelines(before);
        expected.remove("settlement-batch|ENABLED|222222222222|eu-west-1");
        expected.remove("ci-runner-al2023|ENABLED|111111111111|us-east-1");
        expected.add("ci-runner-al2023|DISABLED|111111111111|us-east-1");
        expected.add("bastion-hardened-v2|ENABLED|111111111111|us-east-1");
        assertEquals(expected, syncedPipelines("second", ""), "the skipped partition's rows are all still there");

        String secondFrom = one("select max(_valid_from) from second." + PIPELINES + "_history");
        assertEquals("t", one("select '" + secondFrom + "'::timestamptz > '" + firstFrom + "'::timestamptz"));
        assertEquals(List.of(List.of("ENABLED", firstFrom, secondFrom), Arrays.asList("DISABLED", secondFrom, null)),
                rows("select status, _valid_from::text, _valid_to::text from second." + PIPELINES
                        + "_history where name = 'ci-runner-al2023' order by _valid_from"));
        assertEquals(List.of(List.of(firstFrom, secondFrom)), rows("select _valid_from::text, _valid_to::text from second."
                + PIPELINES + "_history where name = 'settlement-batch'"));
        assertEquals(List.of(List.of(secondFrom)), rows("select _valid_from::text from second." + PIPELINES
                + "_history where name = 'bastion-hardened-v2' and _valid_to is null"));
        assertEquals(List.of(List.of("airflow-worker", firstFrom), List.of("dbt-runner-container", firstFrom)),
                rows("select name, _valid_from::text from second." + PIPELINES + "_history where region = 'ap-southeast-2' "
                        + "and _valid_to is null order by name"), "the skipped partition's history is untouched");
        assertEquals(String.valueOf(ORGANISATION + 1 + 1), one("select count(*) from second." + PIPELINES + "_history"),
                "the first sync's versions, the added pipeline's and the changed one's");

        List<List<String>> runs = rows("select status, tables -> '" + PIPELINES + "' ->> 'added', tables -> '" + PIPELINES
                + "' ->> 'removed', tables -> '" + PIPELINES + "' ->> 'changed', tables -> '" + PIPELINES
                + "' ->> 'unchanged', tables -> '" + PIPELINES + "' ->> 'rows', "
                + "jsonb_array_length(skipped_partitions)::text, finished_at >= started_at from second.sync_runs order by id");
        String all = String.valueOf(ORGANISATION);
        // Amazon's tables are listed once per region with the first account's credentials, never in account 333's.
        long perAccount = syncedTables("second").stream()
                .filter(t -> Tables.definition(t).partitioning() == TableDefinition.Partitioning.ACCOUNT_AND_REGION).count();
        assertEquals(List.of(List.of("ok", all, "0", "0", "0", all, "0", "t"), List.of("partial", "1", "1", "1",
                String.valueOf(unchanged), String.valueOf(unchanged + 1 + 1), String.valueOf(perAccount), "t")), runs,
                "the partition is skipped in every table listed per account");
        assertTrue(one("select skipped_partitions ->> 0 from second.sync_runs where id = 2").contains("ForbiddenException"));
        theDocumentedQueriesAnswer("second");
    }

    /**
     * A sync compares only within what it scanned: a narrower one (one region, one table; then one account) neither
     * removes nor closes the history of the rows outside it, and sync_runs says what it covered.
     */
    @Test
    void aNarrowerSyncComparesOnlyWithinItsScopeAndRecordsIt() throws Exception {
        ObjectNode before = estate();
        assertEquals(0, sync(before, "narrow", "--table", PIPELINES).exit());
        ObjectNode next = estate();
        remove(next, "222222222222", "eu-west-1", "settlement-batch");
        remove(next, "111111111111", "us-east-1", "ci-runner-al2023");
        long inEuWest1 = expectedPipelines(before).stream().filter(p -> p.endsWith("|eu-west-1")).count();

        Jar.Result r = sync(next, "narrow", "--regions", "eu-west-1", "--table", PIPELINES);
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(PIPELINES + ": 0 added, 1 removed, 0 changed, " + (inEuWest1 - 1) + " unchanged"),
                r.out().lines().toList());
        TreeSet<String> expected = expectedPipelines(before);
        expected.remove("settlement-batch|ENABLED|222222222222|eu-west-1");
        assertEquals(expected, syncedPipelines("narrow", ""), "us-east-1's removal is outside the scope: not seen");
        assertEquals(List.of(Arrays.asList("ci-runner-al2023", null)), rows("select name, _valid_to::text from narrow."
                + PIPELINES + "_history where name = 'ci-runner-al2023'"), "its history still open");
        assertEquals("{\"tables\": [\"" + PIPELINES + "\"], \"regions\": [\"eu-west-1\"], \"accounts\": [\"111111111111\", "
                + "\"222222222222\", \"333333333333\"], \"organization\": true}",
                one("select scope::text from narrow.sync_runs where id = 2"));

        r = sync(next, "narrow", "--accounts", "111111111111", "--table", PIPELINES);
        assertEquals(0, r.exit(), r.err());
        long of111 = expectedPipelines(before).stream().filter(p -> p.contains("|111111111111|")).count();
        assertEquals(List.of(PIPELINES + ": 0 added, 1 removed, 0 changed, " + (of111 - 1) + " unchanged"),
                r.out().lines().toList());
        expected.remove("ci-runner-al2023|ENABLED|111111111111|us-east-1");
        assertEquals(expected, syncedPipelines("narrow", ""));
        assertEquals("[\"111111111111\"] false", one("select (scope -> 'accounts')::text || ' ' || (scope ->> 'organization') "
                + "from narrow.sync_runs where id = 3"));
    }

    @Test
    void anOrganisationThatListsNoAccountFailsTheSyncAndRemovesNothing() throws Exception {
        assertEquals(0, sync(estate(), "emptyorg").exit());
        List<List<String>> before = everything("emptyorg");
        ObjectNode empty = estate();
        empty.put("emptyOrganization", true);
        Jar.Result r = sync(empty, "emptyorg");
        assertEquals(3, r.exit(), r.err());
        assertEquals(List.of("imagebuilder-sql: Organizations ListAccounts (accounts=org) answered with no ACTIVE account; "
                + "nothing was scanned. Run as the organisation's management account or a delegated administrator, or "
                + "list the accounts (accounts=111111111111,...)"), r.errLines());
        assertEquals(before, everything("emptyorg"));
        assertEquals(List.of(List.of("failed", "t")), rows("select status, message like '%no ACTIVE account%' "
                + "from emptyorg.sync_runs where id = 2"));
    }

    @Test
    void aSyncThatWouldRemoveMoreThanHalfOfATableWritesNothingUnlessAllowed() throws Exception {
        assertTrue(ORGANISATION > TableSync.MASS_DELETE_MIN_ROWS, "the estate is large enough for the guard to apply");
        assertEquals(0, sync(estate(), "mass", "--table", PIPELINES).exit());
        List<List<String>> before = pipelinesWithHistory("mass");
        ObjectNode gone = estate();
        gone.path("accounts").forEach(a -> a.path("regions").forEach(region -> ((ObjectNode) region).putArray("imagePipelines")));

        Jar.Result refused = sync(gone, "mass", "--table", PIPELINES);
        assertEquals(2, refused.exit(), refused.err());
        assertEquals(List.of("imagebuilder-sql: " + PIPELINES + ": this sync would remove " + ORGANISATION + " of the "
                + ORGANISATION + " rows it holds in the accounts and regions scanned, more than half; nothing was written. "
                + "If they are really gone, sync again with --allow-mass-delete"), refused.errLines());
        assertEquals(before, pipelinesWithHistory("mass"));
        assertEquals("failed", one("select status from mass.sync_runs where id = 2"));

        Jar.Result allowed = sync(gone, "mass", "--table", PIPELINES, "--allow-mass-delete");
        assertEquals(0, allowed.exit(), allowed.err());
        assertEquals(List.of(PIPELINES + ": 0 added, " + ORGANISATION + " removed, 0 changed, 0 unchanged"),
                allowed.out().lines().toList());
        assertEquals("0", one("select count(*) from mass." + PIPELINES));
        assertEquals("0", one("select count(*) from mass." + PIPELINES + "_history where _valid_to is null"));
    }

    /** Pages that overlap list some pipelines twice; each is one row, not a duplicate key in PostgreSQL. */
    @Test
    void overlappingPagesAreSyncedAsOneRowPerPipeline() throws Exception {
        ObjectNode estate = estate();
        ObjectNode template = pipeline(estate, "111111111111", "us-east-1", "bastion-hardened");
        for (int i = 0; i < 30; i++) {
            ObjectNode copy = template.deepCopy();
            copy.put("name", "fleet-" + i);
            copy.put("arn", "arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/fleet-" + i);
            pipelines(estate, "111111111111", "us-east-1").add(copy);
        }
        ((ObjectNode) estate.path("accounts").path("111111111111").path("regions").path("us-east-1"))
                .put("corrupt", "overlapping-pages");
        Jar.Result r = sync(estate, "overlapping", "--table", PIPELINES);
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(PIPELINES + ": " + (ORGANISATION + 30) + " added, 0 removed, 0 changed, 0 unchanged"),
                r.out().lines().toList());
        assertEquals(expectedPipelines(estate), syncedPipelines("overlapping", ""));
    }

    /** The history queries of docs/postgresql-history.md, run on the database the second sync left. */
    private static void theDocumentedQueriesAnswer(String schema) throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "postgresql-history.md"));
        int at = doc.indexOf("```sql", doc.indexOf("## The questions people run"));
        List<String> queries = List.of(doc.substring(at + 6, doc.indexOf("```", at + 6)).split(";"))
                .stream().filter(q -> !q.isBlank()).map(q -> q.replace("imagebuilder.", schema + ".")).toList();
        assertEquals(4, queries.size());
        List<List<String>> changes = rows(queries.get(0));
        for (String change : List.of("bastion-hardened-v2|created|null|ENABLED", "settlement-batch|deleted|ENABLED|null",
                "ci-runner-al2023|changed|ENABLED|DISABLED")) {
            String[] c = change.split("\\|");
            assertTrue(changes.stream().anyMatch(r -> r.get(0).endsWith("/" + c[0]) && r.get(1).equals(c[1])
                    && String.valueOf(r.get(2)).equals(c[2]) && String.valueOf(r.get(3)).equals(c[3])), change + " in " + changes);
        }
        assertEquals(List.of("ENABLED", "DISABLED"), rows(queries.get(1)).stream().map(r -> r.get(2)).toList());
        List<List<String>> onDate = rows(queries.get(2).replace("timestamptz '2026-11-01 00:00Z'", "now()"));
        assertEquals(ORGANISATION, onDate.size(), "as of now: the current inventory, the skipped partition's rows included");
        assertTrue(onDate.contains(Arrays.asList("111111111111", "us-east-1", "ci-runner-al2023", "DISABLED",
                "cron(30 1 * * ? *)")), onDate.toString());
        assertEquals("partial", rows(queries.get(3)).get(0).get(2));
    }

    @Test
    void aFailingPartitionWithOnErrorFailWritesNothingAndSaysSoInSyncRuns() throws Exception {
        assertEquals(0, sync(estate(), "failing").exit());
        List<List<String>> before = everything("failing");

        Jar.Result r = sync(nextDay(), "failing");
        assertEquals(3, r.exit(), r.err());
        assertEquals("", r.out(), "no summary: nothing was synced");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("333333333333") && r.err().contains("ForbiddenException"), r.err());
        assertEquals(before, everything("failing"));
        List<List<String>> runs = rows("select status, message is not null, finished_at is not null, tables is null "
                + "from failing.sync_runs order by id");
        assertEquals(List.of(List.of("ok", "f", "t", "f"), List.of("failed", "t", "t", "t")), runs);
        assertTrue(one("select message from failing.sync_runs where id = 2").contains("ForbiddenException"));
    }

    /**
     * AWS's text quoting the signed request (session token included) reaches sync_runs, as the failed run's message
     * and as a partial run's skipped partitions, with the credentials taken out.
     */
    @Test
    void syncRunsStoresAwsTextWithoutTheCredentialsItQuotes() throws Exception {
        String token = "IQoJb3JpZ2luX2VjEJr" + "U3luY1J1bnNTZXNzaW9uVG9rZW4xMjM0NTY3ODkw".repeat(6) + "Qq7==";
        Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAEMULATORBASE0001", "AWS_SECRET_ACCESS_KEY",
                "emulator/base/secret/key/0000000000000001", "AWS_SESSION_TOKEN", token, "AWS_REGION", "us-east-1");
        try (MisbehavingEndpoint aws = MisbehavingEndpoint.quotingTheSignedRequest()) {
            List<String> args = List.of("sync", "--endpoint", aws.endpoint().toString(), "--regions", "us-east-1",
                    "--table", PIPELINES, "--to", Postgres.url(), "--schema", "quoted");
            Jar.Result failed = Jar.run(List.of(), env, null, args.toArray(String[]::new));
            assertEquals(3, failed.exit(), failed.err());
            List<String> skipArgs = new ArrayList<>(args);
            skipArgs.addAll(List.of("--onError", "skip"));
            Jar.Result partial = Jar.run(List.of(), env, null, skipArgs.toArray(String[]::new));
            assertEquals(3, partial.exit(), partial.err());
            assertTrue(aws.requests().stream().anyMatch(r -> token.equals(r.header("X-Amz-Security-Token"))),
                    "the token was sent, and so quoted back");
            for (Jar.Result r : List.of(failed, partial)) {
                assertTrue(r.err().contains("InvalidSignatureException"), r.err());
                assertFalse(r.err().contains(token) || r.out().contains(token), r.err());
            }
        }
        List<List<String>> runs = rows("select status, coalesce(message, skipped_partitions::text) from quoted.sync_runs "
                + "order by id");
        assertEquals(List.of("failed", "partial"), runs.stream().map(r -> r.get(0)).toList());
        for (List<String> run : runs) {
            assertTrue(run.get(1).contains("InvalidSignatureException") && run.get(1).contains("x-amz-security-token:"
                    + "(redacted)"), run.get(1));
            for (String secret : List.of(token, "AKIAEMULATORBASE0001")) {
                assertFalse(run.get(1).contains(secret), "a credential in sync_runs: " + run.get(1));
            }
        }
    }

    /**
     * The test holds a SHARE lock on the current table, which lets readers in and keeps writers out: the
     * sync, having written the history, waits in its transaction; pg_locks says when.
     */
    private static Process syncHeldAtTheLock(Emulator emulator, String schema, Connection locker) throws Exception {
        locker.setAutoCommit(false);
        try (Statement s = locker.createStatement()) {
            s.execute("lock table " + schema + "." + PIPELINES + " in share mode");
        }
        Process p = Jar.start(List.of(), credentials(emulator), syncArgs(emulator, schema, "--onError", "skip"));
        awaitSyncBlockedOn(schema + "." + PIPELINES, p);
        return p;
    }

    private static void awaitSyncBlockedOn(String relation, Process sync) throws SQLException {
        awaitCount("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and "
                + "l.relation = '" + relation + "'::regclass and a.application_name = 'imagebuilder-sql sync'",
                n -> n > 0, sync, "the sync waits for " + relation);
    }

    /**
     * Asks PostgreSQL a count, every 20 ms for up to two minutes, until the answer is the one wanted (and fails
     * if the sync, when given, ends first). In autocommit: within one transaction pg_stat_activity would be a
     * snapshot.
     */
    private static void awaitCount(String sql, java.util.function.IntPredicate wanted, Process sync, String until)
            throws SQLException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (Connection c = Postgres.connect()) {
            while (System.nanoTime() < deadline) {
                assertTrue(sync == null || sync.isAlive(), "the sync ended before " + until);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    if (wanted.test(rs.getInt(1))) {
                        return;
                    }
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L); // polling a condition, not a guess
            }
        }
        throw new AssertionError("timed out before " + until);
    }

    @Test
    void aReaderDuringASyncSeesThePreviousStateThenTheNewOne() throws Exception {
        assertEquals(0, sync(estate(), "reading").exit());
        List<List<String>> before = everything("reading");
        try (Emulator emulator = emulator(nextDay()); Connection locker = Postgres.connect()) {
            Process p = syncHeldAtTheLock(emulator, "reading", locker);
            assertEquals(before, everything("reading"), "a reader sees the previous state, history included");
            assertEquals(List.of(List.of("ok"), List.of("running")), rows("select status from reading.sync_runs order by id"));
            Jar.Result concurrent = Jar.run(List.of(), credentials(emulator), null, syncArgs(emulator, "reading"));
            assertEquals(2, concurrent.exit(), concurrent.err());
            assertTrue(concurrent.err().contains("another sync into schema reading is running"), concurrent.err());
            locker.commit();
            Jar.Result r = Jar.finish(p, null);
            assertEquals(3, r.exit(), r.err());
        }
        assertTrue(syncedPipelines("reading", "").contains("bastion-hardened-v2|ENABLED|111111111111|us-east-1"));
        assertEquals(List.of(List.of("ok"), List.of("partial"), List.of("failed")),
                rows("select status from reading.sync_runs order by id"));
    }

    @Test
    void anInterruptedSyncLeavesTheDatabaseAsItWasAndItsRunFailed() throws Exception {
        assertEquals(0, sync(estate(), "interrupted").exit());
        List<List<String>> before = everything("interrupted");
        try (Emulator emulator = emulator(nextDay()); Connection locker = Postgres.connect()) {
            Process p = syncHeldAtTheLock(emulator, "interrupted", locker);
            p.destroy(); // SIGTERM, as from kill or a cron timeout
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(143, p.exitValue(), "128 + SIGTERM: the JVM ran its shutdown hooks and exited");
            locker.commit();
        }
        assertEquals(before, everything("interrupted"));
        assertEquals(List.of(Arrays.asList("ok", null), List.of("failed", "interrupted")),
                rows("select status, message from interrupted.sync_runs order by id"));
    }

    @Test
    void aKilledSyncWritesNothingItsRunStaysRunningAndTheNextSyncRuns() throws Exception {
        assertEquals(0, sync(estate(), "killed").exit());
        List<List<String>> before = everything("killed");
        try (Emulator emulator = emulator(nextDay()); Connection locker = Postgres.connect()) {
            Process p = syncHeldAtTheLock(emulator, "killed", locker);
            ProcessHandle second = p.children().findFirst().orElseThrow(() -> new AssertionError("no second JVM"));
            p.destroyForcibly(); // SIGKILL: the first JVM can neither pass it on nor run a shutdown hook
            assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
            second.onExit().get(120, java.util.concurrent.TimeUnit.SECONDS);
            locker.commit();
            // PostgreSQL notices a killed client when it next writes to it: a backend that was waiting for a lock
            // ends once it has the lock and its statement is done.
            awaitCount("select count(*) from pg_stat_activity where application_name = 'imagebuilder-sql sync'",
                    n -> n == 0, null, "the killed sync's connection ended");
            assertEquals(before, everything("killed"), "the killed sync's transaction died with it");
            assertEquals(List.of(List.of("ok", "finished"), List.of("running", "unfinished")), rows("select status, "
                    + "case when finished_at is null then 'unfinished' else 'finished' end from killed.sync_runs order by id"));
            Jar.Result next = Jar.run(List.of(), credentials(emulator), null, syncArgs(emulator, "killed", "--onError",
                    "skip"));
            assertEquals(3, next.exit(), "partial: the fixture forbids a partition; " + next.err());
        }
        assertTrue(syncedPipelines("killed", "").contains("bastion-hardened-v2|ENABLED|111111111111|us-east-1"));
        assertEquals(List.of(List.of("ok"), List.of("running"), List.of("partial")),
                rows("select status from killed.sync_runs order by id"));
    }

    @Test
    void aColumnTheTargetLacksIsAddedAndFilled() throws Exception {
        ObjectNode estate = estate();
        assertEquals(0, sync(estate, "evolving").exit());
        // As if the first sync had been made by a version without the description column.
        try (Connection c = Postgres.connect(); Statement s = c.createStatement()) {
            s.execute("alter table evolving." + PIPELINES + " drop column description");
            s.execute("alter table evolving." + PIPELINES + "_history drop column description");
        }
        Jar.Result r = sync(estate, "evolving");
        assertEquals(0, r.exit(), r.err());
        long described = Long.parseLong(one("select count(*) from evolving." + PIPELINES + " where description is not null"));
        assertTrue(described > 0);
        assertTrue(r.out().lines().toList().contains(PIPELINES + ": 0 added, 0 removed, " + described + " changed, "
                + (ORGANISATION - described) + " unchanged"), r.out());
        assertEquals("GitHub Actions runner image, Amazon Linux 2023", one("select description from evolving." + PIPELINES
                + " where name = 'ci-runner-al2023'"));
        assertEquals("text", one("select data_type from information_schema.columns where table_schema = 'evolving' "
                + "and table_name = '" + PIPELINES + "_history' and column_name = 'description'"));
    }

    @Test
    void badTargetsAreOneLineAndStatusTwoAndThePasswordIsNeverShown() throws Exception {
        String wrong = Postgres.url().replace(Postgres.PASSWORD, "Wr0ng-pw-4419");
        try (Connection c = Postgres.connect(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists someone_elses"); // owned by postgres: sync may not create in it
        }
        try (Emulator emulator = emulator(estate())) {
            for (String[] args : List.of(
                    replace(syncArgs(emulator, "bad"), Postgres.url(), wrong),
                    replace(syncArgs(emulator, "bad"), Postgres.url(), "jdbc:mysql://localhost/x?password=Wr0ng-pw-4419"),
                    syncArgs(emulator, "Bad-Schema"),
                    syncArgs(emulator, "someone_elses"),
                    syncArgs(emulator, "bad", "--table", "imagebuilder_nothing"))) {
                Jar.Result r = Jar.run(List.of(), credentials(emulator), null, args);
                assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
                assertTrue(r.err().startsWith("imagebuilder-sql: ") && r.errLines().size() == 1, r.err());
                for (String secret : List.of(Postgres.PASSWORD, "Wr0ng-pw-4419")) {
                    assertFalse(r.out().contains(secret) || r.err().contains(secret), r.err());
                }
            }
            Jar.Result verbose = Jar.run(List.of(), credentials(emulator), null,
                    replace(syncArgs(emulator, "bad", "--verbose"), Postgres.url(), wrong));
            assertEquals(2, verbose.exit(), verbose.err());
            assertTrue(verbose.err().contains("password authentication failed"), verbose.err());
            assertFalse(verbose.err().contains("Wr0ng-pw-4419") || verbose.out().contains("Wr0ng-pw-4419"), verbose.err());
            // The password from PGPASSWORD, as in the documented crontab.
            Map<String, String> env = new java.util.HashMap<>(credentials(emulator));
            env.put("PGPASSWORD", Postgres.PASSWORD);
            Jar.Result ok = Jar.run(List.of(), env, null, replace(syncArgs(emulator, "verbose", "--verbose",
                    "--table", PIPELINES), Postgres.url(), Postgres.url().replace("&password=" + Postgres.PASSWORD, "")));
            assertEquals(0, ok.exit(), ok.err());
            assertFalse(ok.out().contains(Postgres.PASSWORD) || ok.err().contains(Postgres.PASSWORD), ok.err());
            assertEquals(List.of(PIPELINES + ": " + ORGANISATION + " added, 0 removed, 0 changed, 0 unchanged"),
                    ok.out().lines().toList());
        }
        assertNotNull(one("select to_regclass('verbose." + PIPELINES + "')"));
        assertNull(one("select to_regclass('verbose.imagebuilder_workflow')"), "--table syncs only that table");
    }

    @Test
    void syncHasHelpWithItsOptionsAndTheConnectionProperties() {
        Jar.Result r = Jar.run("sync", "--help");
        assertEquals(0, r.exit(), r.err());
        for (String option : List.of("--to", "--schema", "--table", "--accounts", "--regions", "--onError", "PGPASSWORD")) {
            assertTrue(r.out().contains(option), option);
        }
        assertFalse(r.out().contains("--load"), "the benchmark's switch is hidden");
    }

    private static String[] replace(String[] args, String from, String to) {
        return java.util.Arrays.stream(args).map(a -> a.equals(from) ? to : a).toArray(String[]::new);
    }
}
