package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What BI tools, pools and Spark do with a JDBC connection, through plain java.sql. */
class JdbcClientTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(Fixture.sampleEstate());
        c = aws.connect("accounts=org", "roleName=" + EmulatedAws.ROLE, "regions=us-east-1");
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    private static final String PIPELINE = "select tags from imagebuilder_image_pipeline where name = 'ci-runner-al2023'";
    private static final Map<String, String> TAGS = Map.of("team", "platform", "cost center", "cc-1001",
            "aws:cloudformation:stack-name", "ci-imaging");

    @Test
    void tagsAreJsonTextToJdbcAndAMapToSql() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PIPELINE)) {
            assertEquals(Types.VARCHAR, rs.getMetaData().getColumnType(1));
            assertEquals("VARCHAR", rs.getMetaData().getColumnTypeName(1));
            assertEquals(String.class.getName(), rs.getMetaData().getColumnClassName(1));
            assertTrue(rs.next());
            JsonNode json = SdkJson.MAPPER.readTree(rs.getString(1));
            assertEquals(TAGS, SdkJson.MAPPER.convertValue(json, Map.class));
            assertEquals(rs.getString(1), rs.getObject(1));
            assertEquals(rs.getString(1), rs.getObject(1, String.class));
            assertEquals(TAGS, rs.getObject("tags", Map.class));
        }
        assertEquals(List.of("platform"), EmulatedAws.column(c,
                "select tags['team'] from imagebuilder_image_pipeline where name = 'ci-runner-al2023'"));
        String cast = (String) EmulatedAws.column(c, "select cast(tags as varchar) from imagebuilder_image_pipeline "
                + "where name = 'ci-runner-al2023'").get(0);
        assertEquals(TAGS, SdkJson.MAPPER.readValue(cast, Map.class));
        try (ResultSet rs = c.getMetaData().getColumns(null, "aws", "imagebuilder_image_pipeline", "tags")) {
            assertTrue(rs.next());
            assertEquals(Types.VARCHAR, rs.getInt("DATA_TYPE"));
            assertEquals("VARCHAR", rs.getString("TYPE_NAME"));
        }
    }

    @Test
    void transactionsAreAutoCommitAndCommitAndRollbackSucceed() throws Exception {
        assertTrue(c.getAutoCommit());
        c.commit();
        c.rollback();
        c.setAutoCommit(false);
        assertFalse(c.getAutoCommit());
        c.commit();
        c.rollback();
        c.setAutoCommit(true);
        assertTrue(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertTrue(c.isReadOnly());
    }

    @Test
    void clientInfoIsKept() throws Exception {
        c.setClientInfo("ApplicationName", "DataGrip");
        assertEquals("DataGrip", c.getClientInfo("ApplicationName"));
        assertEquals("DataGrip", c.getClientInfo().getProperty("ApplicationName"));
    }

    @Test
    void preparedStatementMaxRowsLimitsTheRows() throws Exception {
        try (PreparedStatement p = c.prepareStatement("select name from imagebuilder_image_pipeline")) {
            p.setMaxRows(2);
            int n = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            assertEquals(2, n);
        }
    }

    @Test
    void parametersAreConvertedToTheirColumnsTypes() throws Exception {
        try (PreparedStatement p = c.prepareStatement(
                "select name from imagebuilder_image_pipeline where consecutive_failures = ? and date_created < ?")) {
            p.setString(1, "5");
            p.setString(2, "2030-01-01 00:00:00");
            assertEquals(List.of("spark-emr-custom"), EmulatedAws.rows(p.executeQuery()).stream().map(r -> r.get(0)).toList());
            p.setObject(1, 5L);
            p.setObject(2, java.time.LocalDateTime.of(2030, 1, 1, 0, 0));
            assertEquals(1, EmulatedAws.rows(p.executeQuery()).size());
            SQLException e = assertThrows(SQLException.class, () -> p.setString(1, "five"));
            assertEquals("parameter 1: 'five' is not a whole number", e.getMessage());
        }
    }

    @Test
    void writesAreRefusedWithOneLine() throws Exception {
        for (String sql : List.of("insert into imagebuilder_image_pipeline (name) values ('x')",
                "  /* tool */ UPDATE imagebuilder_workflow set name = 'x'", "delete from imagebuilder_workflow")) {
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().startsWith("the imagebuilder-sql driver is read-only"), e.getMessage());
                assertEquals("25006", e.getSQLState());
            }
            SQLException e = assertThrows(SQLException.class, () -> c.prepareStatement(sql));
            assertEquals("25006", e.getSQLState());
        }
    }

    @Test
    void everyKindOfStatementThatWritesIsRefusedAndNothingElse() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>(); // the statement, and the keyword its refusal names
        refused.put("upsert into imagebuilder_workflow (name) values ('x')", "UPSERT");
        refused.put("merge into imagebuilder_workflow w using imagebuilder_workflow v on w.name = v.name "
                + "when matched then update set name = 'x'", "MERGE");
        refused.put("call f(1)", "CALL");
        refused.put("alter session set x = 1", "ALTER");
        refused.put("reset x", "RESET");
        refused.put("explain plan for delete from imagebuilder_workflow", "DELETE");
        // Calcite's grammar has no DDL: refused by its first keyword, not reported as a syntax error
        refused.put("-- a tool's comment\ncreate table t (a int)", "CREATE");
        refused.put("drop table imagebuilder_workflow", "DROP");
        refused.put("truncate table imagebuilder_workflow", "TRUNCATE");
        refused.put("alter table imagebuilder_workflow add column x int", "ALTER");
        aws.stats().reset();
        for (Map.Entry<String, String> r : refused.entrySet()) {
            try (Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(r.getKey()));
                assertEquals("the imagebuilder-sql driver is read-only: " + r.getValue() + " is not supported; "
                        + "only queries (SELECT, VALUES, EXPLAIN) are", e.getMessage());
                assertEquals("25006", e.getSQLState());
            }
        }
        assertEquals(0, aws.stats().totalRequests());
        assertEquals(List.of("delete"), EmulatedAws.column(c, "select 'delete' as \"insert\" from imagebuilder_workflow "
                + "where name = 'drop table x' union select 'delete' from (values (1))"), "words are not statements");
        try (Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("selectt 1"));
            assertNotEquals("25006", e.getSQLState(), "a typo is not a write");
        }
    }

    @Test
    void sparksSchemaProbeMakesNoCalls() throws Exception {
        aws.stats().reset();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM aws.imagebuilder_image_pipeline WHERE 1=0")) {
            assertFalse(rs.next());
            assertEquals(Tables.definition("imagebuilder_image_pipeline").columns().size(),
                    rs.getMetaData().getColumnCount());
        }
        assertEquals(0, aws.stats().totalRequests());
    }

    @Test
    void aSparkPartitionsStatementListsItsAccountOnce() throws Exception {
        aws.stats().reset();
        try (PreparedStatement p = c.prepareStatement("SELECT \"account_id\",\"region\",\"name\" FROM "
                + "aws.imagebuilder_image_pipeline  WHERE (account_id = '111111111111')", ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            p.setFetchSize(0);
            p.setQueryTimeout(0);
            assertEquals(aws.emulator().fixture().account("111111111111").region("us-east-1").imagePipelines().size(),
                    EmulatedAws.rows(p.executeQuery()).size());
        }
        assertEquals(1, aws.stats().inPartition("111111111111", "us-east-1", "ListImagePipelines"));
        assertEquals(1, aws.stats().total("ListImagePipelines"), "no other account");
    }

    @Test
    void aQueryTimeoutThroughTheMetaDatasConnectionIsStillAnSqlTimeoutException() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        assertTrue(md.getConnection() == c);
        try (EmulatedAws slow = EmulatedAws.start(Fixture.sampleEstate(),
                EmulatorOptions.defaults().withLatency(Duration.ofSeconds(3)));
                Connection sc = slow.connect("regions=us-east-1");
                Statement s = sc.getMetaData().getConnection().createStatement()) {
            assertTrue(s.getConnection() == sc);
            s.setQueryTimeout(1);
            SQLTimeoutException e = assertThrows(SQLTimeoutException.class,
                    () -> EmulatedAws.rows(s.executeQuery("select name from imagebuilder_image_pipeline")));
            assertEquals("HYT00", e.getSQLState());
        }
    }
}
