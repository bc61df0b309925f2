package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * planCache: a statement run again by a new connection (a new process, for a cron job) runs the plan an
 * earlier one compiled, without being parsed or planned, and answers exactly as a freshly planned one does:
 * the same rows, the same column metadata, the same API calls.
 */
class PlanCacheTest {
    static final String[] ORG = {"accounts=org", "roleName=" + EmulatedAws.ROLE, "regions=us-east-1,eu-west-1,ap-southeast-2"};
    static final List<String> STATEMENTS = List.of(
            "select account_id, region, count(*) as pipelines from imagebuilder_image_pipeline "
                    + "group by account_id, region order by 1, 2",
            "select name, status, tags, date_created, enhanced_image_metadata_enabled from imagebuilder_image_pipeline "
                    + "where account_id = '222222222222' and region = 'us-east-1' order by name",
            "select arn from imagebuilder_image_pipeline where status in ('ENABLED', 'DISABLED') and name like '%a%' "
                    + "order by arn",
            "select name, version from imagebuilder_workflow where type = 'BUILD' and version like '1.%' order by 1, 2",
            "select name, cast(tags as varchar) from imagebuilder_image_pipeline where tags['env'] = 'prod' order by 1, 2",
            "select count(*) from imagebuilder_image_pipeline where region = 'eu-west-1'");

    static EmulatedAws aws;

    @TempDir
    Path plans;

    @BeforeAll
    static void start() {
        aws = EmulatedAws.start(Fixture.sampleEstate());
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    /** One statement's run on a new connection: its answer, its API calls, and whether Calcite parsed it. */
    record Run(List<List<Object>> rows, List<String> columns, long calls, int parses) {}

    Run run(String sql, String planCache) throws SQLException {
        List<Object> parsed = new ArrayList<>();
        long before = aws.stats().totalRequests();
        try (Connection c = aws.connect(with(planCache));
                Hook.Closeable parses = Hook.PARSE_TREE.addThread((Consumer<Object[]>) parsed::add);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return new Run(rows(rs), columns(rs.getMetaData()), aws.stats().totalRequests() - before, parsed.size());
        }
    }

    static String[] with(String planCache) {
        String[] properties = new String[ORG.length + 1];
        System.arraycopy(ORG, 0, properties, 0, ORG.length);
        properties[ORG.length] = "planCache=" + planCache;
        return properties;
    }

    static List<String> columns(ResultSetMetaData md) throws SQLException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            out.add(md.getColumnLabel(i) + " " + md.getColumnType(i) + " " + md.getColumnTypeName(i) + " "
                    + md.getColumnClassName(i) + " " + md.isNullable(i) + " " + md.getTableName(i));
        }
        return out;
    }

    @Test
    void aStatementRunAgainIsAnsweredByItsKeptPlanExactlyAsWhenPlanned() throws Exception {
        for (String sql : STATEMENTS) {
            Run planned = run(sql, "off");
            Run kept = run(sql, plans.toString());
            Run reused = run(sql, plans.toString());
            assertEquals(1, planned.parses());
            assertEquals(1, kept.parses(), "the first run plans the statement and keeps its plan");
            assertEquals(0, reused.parses(), "a run of the same statement reads the kept plan: " + sql);
            assertTrue(planned.rows().size() > 0, sql);
            for (Run r : List.of(kept, reused)) {
                assertEquals(planned.rows(), r.rows(), sql);
                assertEquals(planned.columns(), r.columns(), sql);
                assertEquals(planned.calls(), r.calls(), "the same API calls, pushdown included: " + sql);
            }
        }
        assertEquals(STATEMENTS.size(), entries().size());
    }

    @Test
    void aKeptPlanTakesNewParameterValuesAndPushesThemDown() throws Exception {
        String sql = "select name from imagebuilder_image_pipeline where account_id = ? and region = ? order by name";
        List<List<Object>> first = prepared(sql, "222222222222", "us-east-1");
        List<List<Object>> expected = rowsOf("select name from imagebuilder_image_pipeline where account_id = '222222222222' "
                + "and region = 'eu-west-1' order by name");
        aws.stats().reset();
        List<Object> parsed = new ArrayList<>();
        List<List<Object>> other;
        try (Hook.Closeable parses = Hook.PARSE_TREE.addThread((Consumer<Object[]>) parsed::add)) {
            other = prepared(sql, "222222222222", "eu-west-1");
        }
        assertEquals(0, parsed.size(), "the kept plan");
        assertEquals(expected, other);
        assertTrue(!first.equals(other) && !other.isEmpty());
        assertEquals(1, aws.stats().total("ListImagePipelines"), "only the partition the parameters name is listed");
        assertEquals(1, aws.stats().inPartition("222222222222", "eu-west-1", "ListImagePipelines"));
    }

    List<List<Object>> prepared(String sql, String account, String region) throws SQLException {
        try (Connection c = aws.connect(with(plans.toString())); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, account);
            ps.setString(2, region);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        }
    }

    List<List<Object>> rowsOf(String sql) throws SQLException {
        return run(sql, "off").rows();
    }

    @Test
    void aDamagedEntryIsPlannedAgainAndReplaced() throws Exception {
        String sql = STATEMENTS.get(1);
        Run planned = run(sql, plans.toString());
        for (Path entry : entries()) {
            byte[] bytes = Files.readAllBytes(entry);
            Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        Run afterDamage = run(sql, plans.toString());
        assertEquals(1, afterDamage.parses(), "a cut entry is not trusted");
        assertEquals(planned.rows(), afterDamage.rows());
        assertEquals(0, run(sql, plans.toString()).parses(), "it was replaced by a whole one");
    }

    @Test
    void anEntryNeverAnswersAnotherStatement() throws Exception {
        String a = STATEMENTS.get(0);
        String b = STATEMENTS.get(5);
        Run aPlanned = run(a, plans.toString());
        List<Path> before = entries();
        Run bPlanned = run(b, plans.toString());
        Path aEntry = before.get(0);
        Path bEntry = entries().stream().filter(p -> !p.equals(aEntry)).findFirst().orElseThrow();
        // each entry now sits where the other statement looks
        Path swap = plans.resolve("swap");
        Files.move(aEntry, swap);
        Files.move(bEntry, aEntry);
        Files.move(swap, bEntry);
        Run aAgain = run(a, plans.toString());
        Run bAgain = run(b, plans.toString());
        assertEquals(aPlanned.rows(), aAgain.rows());
        assertEquals(bPlanned.rows(), bAgain.rows());
        assertEquals(1, aAgain.parses(), "the entry holds another statement's text, so it is planned again");
        assertEquals(1, bAgain.parses());
    }

    @Test
    void onlyQueriesAreKeptAndALongInListTravelsWithItsScan() throws Exception {
        run("explain plan for " + STATEMENTS.get(0), plans.toString());
        assertEquals(List.of(), entries(), "EXPLAIN is not kept");
        String arns = IntStream.range(0, 400).mapToObj(i -> "'arn:aws:imagebuilder:us-east-1:222222222222:image-pipeline/p" + i + "'")
                .collect(Collectors.joining(", "));
        String sql = "select name from imagebuilder_image_pipeline where arn in (" + arns + ", (select min(arn) from "
                + "imagebuilder_image_pipeline where account_id = '222222222222' and region = 'us-east-1')) order by 1";
        Run planned = run(sql, plans.toString());
        Run reused = run(sql, plans.toString());
        assertEquals(1, planned.rows().size(), "the one ARN of the list that exists");
        assertEquals(1, entries().size(), "the scan's 400 values are part of its description, which is kept");
        assertEquals(0, reused.parses());
        assertEquals(planned.rows(), reused.rows());
        assertEquals(planned.calls(), reused.calls());
    }

    /**
     * What an entry holds is run as code, so an entry changed by anyone but this driver is planned afresh and
     * replaced, never run: here the kept scan's account is rewritten, which, run, would answer another account.
     */
    @Test
    void aTamperedEntryIsPlannedAfreshNeverRun() throws Exception {
        String sql = STATEMENTS.get(1);
        Run planned = run(sql, plans.toString());
        Path entry = entries().get(0);
        byte[] bytes = Files.readAllBytes(entry);
        byte[] account = "222222222222".getBytes(StandardCharsets.UTF_8);
        int inSql = indexOf(bytes, account, 0);
        int inScan = indexOf(bytes, account, inSql + 1);
        assertTrue(inSql >= 0 && inScan > inSql, "the scan's description holds the account, after the statement's text");
        System.arraycopy("111111111111".getBytes(StandardCharsets.UTF_8), 0, bytes, inScan, account.length);
        Files.write(entry, bytes);

        Run afterTampering = run(sql, plans.toString());
        assertEquals(1, afterTampering.parses(), "the tampered entry is not loaded");
        assertEquals(planned.rows(), afterTampering.rows(), "the statement's own answer, not another account's");
        assertTrue(!rowsOf(sql.replace("222222222222", "111111111111")).equals(planned.rows()));
        assertEquals(0, run(sql, plans.toString()).parses(), "it was replaced by an entry this driver signed");
    }

    @Test
    void aDirectoryOthersMayWriteIsNeitherReadNorWritten() throws Exception {
        String sql = STATEMENTS.get(5);
        Run planned = run(sql, plans.toString());
        Path entry = entries().get(0);
        for (String mode : List.of("rwxrwx---", "rwx---rwx")) {
            Files.setPosixFilePermissions(plans, PosixFilePermissions.fromString(mode));
            FileTime written = Files.getLastModifiedTime(entry);
            Run r = run(STATEMENTS.get(0), plans.toString());
            Run again = run(sql, plans.toString());
            assertEquals(1, again.parses(), "a directory that is " + mode + " is not trusted");
            assertEquals(planned.rows(), again.rows());
            assertEquals(1, r.parses());
            assertEquals(List.of(entry), entries(), "nothing is written into it");
            assertEquals(written, Files.getLastModifiedTime(entry));
        }
        Files.setPosixFilePermissions(plans, PosixFilePermissions.fromString("rwx------"));
        assertEquals(0, run(sql, plans.toString()).parses(), "the user's private directory is trusted again");
    }

    @Test
    void entriesAndKeysThatAreNotTheUsersOwnPrivateFilesAreNotTrusted() throws Exception {
        String sql = STATEMENTS.get(5);
        Run planned = run(sql, plans.toString());
        Path entry = entries().get(0);
        Path key = plans.resolve("key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(entry));
        for (Path file : List.of(entry, key)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            Run r = run(sql, plans.toString());
            assertEquals(1, r.parses(), file.getFileName() + " readable by others is not trusted");
            assertEquals(planned.rows(), r.rows());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        assertEquals(0, run(sql, plans.toString()).parses());

        assumeTrue(System.getProperty("user.name").equals("root"), "giving a file away takes root");
        int nobody = 65534;
        for (Path owned : List.of(entries().get(0), key, plans)) {
            int own = (Integer) Files.getAttribute(owned, "unix:uid");
            Files.setAttribute(owned, "unix:uid", nobody);
            Run r = run(sql, plans.toString());
            assertEquals(1, r.parses(), owned.getFileName() + " owned by someone else is not trusted");
            assertEquals(planned.rows(), r.rows());
            Files.setAttribute(owned, "unix:uid", own);
        }
    }

    static int indexOf(byte[] bytes, byte[] what, int from) {
        for (int i = from; i + what.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aCacheThatCannotBeWrittenCostsOnlyThePlanning() throws Exception {
        Path notADirectory = Files.writeString(plans.resolve("file"), "x");
        Run planned = run(STATEMENTS.get(0), "off");
        Run r = run(STATEMENTS.get(0), notADirectory.toString());
        assertEquals(planned.rows(), r.rows());
        Run again = run(STATEMENTS.get(0), notADirectory.toString());
        assertEquals(1, again.parses());
        assertEquals("x", Files.readString(notADirectory));
    }

    @Test
    void pastFiveHundredEntriesTheOldestGo() throws Exception {
        List<Path> old = new ArrayList<>();
        for (int i = 0; i < 510; i++) {
            Path p = Files.writeString(plans.resolve("old" + i + ".plan"), "from an earlier build");
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000L + i * 1000L));
            old.add(p);
        }
        String sql = STATEMENTS.get(5);
        run(sql, plans.toString());
        List<Path> left = entries();
        assertEquals(500, left.size());
        assertTrue(Collections.disjoint(left, old.subList(0, 11)), "the eleven oldest were removed");
        assertEquals(0, run(sql, plans.toString()).parses(), "the new entry stays");
    }

    List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(plans)) {
            return files.filter(f -> f.toString().endsWith(".plan")).sorted().toList();
        }
    }
}
