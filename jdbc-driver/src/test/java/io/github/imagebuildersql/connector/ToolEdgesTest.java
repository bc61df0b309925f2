package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.core.config.OnError;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What DBeaver, Tableau, SchemaCrawler and a newcomer trip on (issue 31): each answered as JDBC says. */
class ToolEdgesTest {
    static EmulatedAws aws;
    static Connection c;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(Fixture.sampleEstate());
        url = aws.url("regions=us-east-1", "externalId=xid-S3cr3t");
        c = DriverManager.getConnection(url);
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    @Test
    void aScrollableStatementIsDowngradedWithAWarningAndEveryErrorHasAMessageAndAState() throws Exception {
        c.clearWarnings();
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
                ResultSet rs = s.executeQuery("select name from imagebuilder_workflow")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            SQLWarning w = c.getWarnings();
            assertNotNull(w, "the downgrade is a warning on the connection");
            assertTrue(w.getMessage().contains("forward-only"), w.getMessage());
            SQLException e = assertThrows(SQLException.class, rs::beforeFirst);
            assertEquals("0A000", e.getSQLState());
            assertTrue(e.getMessage().contains("forward-only"), e.getMessage());
        }
        c.clearWarnings();
        try (PreparedStatement p = c.prepareStatement("select name from imagebuilder_workflow where name = ?")) {
            SQLException e = assertThrows(SQLException.class, p::executeQuery);
            assertEquals("07001", e.getSQLState());
            assertFalse(e.getMessage().contains("exception while executing query"), e.getMessage());
        }
        Connection closed = DriverManager.getConnection(aws.url("regions=us-east-1"));
        closed.close();
        SQLException e = assertThrows(SQLException.class, closed::createStatement);
        assertEquals("08003", e.getSQLState());
        assertEquals("the connection is closed", e.getMessage());
    }

    @Test
    void theKeyIsNotNullTimestampsHaveMillisecondsAndMetadataTypesAreStandard() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        Set<String> typeNames = new LinkedHashSet<>();
        try (ResultSet rs = md.getTypeInfo()) {
            while (rs.next()) {
                typeNames.add(rs.getString("TYPE_NAME"));
                assertTrue(rs.getInt("DATA_TYPE") != Types.OTHER && !rs.getString("TYPE_NAME").contains("_"),
                        rs.getString("TYPE_NAME"));
            }
        }
        for (TableDefinition<?> t : Tables.all()) {
            try (ResultSet rs = md.getColumns(null, "aws", t.name(), "%")) {
                for (Column<?> declared : t.columns()) {
                    assertTrue(rs.next());
                    String column = t.name() + "." + declared.name();
                    boolean key = declared.name().equals("_key");
                    assertEquals(key ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable,
                            rs.getInt("NULLABLE"), column);
                    assertEquals(key ? "NO" : "YES", rs.getString("IS_NULLABLE"), column);
                    if (declared.type() == ColumnType.TIMESTAMP) {
                        assertEquals(3, rs.getInt("DECIMAL_DIGITS"), column);
                        assertFalse(rs.wasNull(), column);
                    }
                }
            }
        }
        // Calcite's own metadata schema: its columns typed by SQL names, not by Java classes
        try (ResultSet rs = md.getColumns(null, "metadata", "%", "%")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertTrue(typeNames.contains(rs.getString("TYPE_NAME")), rs.getString("TYPE_NAME"));
            }
            assertTrue(n > 0);
        }
    }

    @Test
    void tablesAreOrderedTheirTypesListedAndFunctionsAndTypesAreUsable() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        List<List<String>> tables = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        try (ResultSet rs = md.getTables(null, null, "%", null)) {
            while (rs.next()) {
                tables.add(List.of(rs.getString("TABLE_TYPE"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")));
                types.add(rs.getString("TABLE_TYPE"));
            }
        }
        List<List<String>> ordered = new ArrayList<>(tables);
        ordered.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        assertEquals(ordered, tables, "by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME");
        assertTrue(tables.stream().map(r -> r.get(2)).toList().containsAll(Tables.names()));
        List<String> tableTypes = new ArrayList<>();
        try (ResultSet rs = md.getTableTypes()) {
            while (rs.next()) {
                tableTypes.add(rs.getString("TABLE_TYPE"));
            }
        }
        assertEquals(types.stream().sorted().toList(), tableTypes);
        try (ResultSet rs = md.getFunctions(null, null, "%")) {
            int n = 0;
            while (rs.next()) {
                n++;
                assertFalse(rs.getString("FUNCTION_NAME").startsWith("$"), rs.getString("FUNCTION_NAME"));
            }
            assertTrue(n > 0);
        }
    }

    @Test
    void theUrlIsTheOneConnectedWithItsSecretHiddenAndPropertiesOfferTheirChoices() throws Exception {
        String shown = c.getMetaData().getURL();
        assertEquals(url.replace("xid-S3cr3t", "********"), shown);
        assertFalse(shown.contains("S3cr3t"));
        assertEquals(Map.of(), c.getTypeMap());
        Map<String, List<String>> choices = new java.util.HashMap<>();
        for (DriverPropertyInfo p : DriverManager.getDriver(url).getPropertyInfo(url, new Properties())) {
            if (p.choices != null) {
                choices.put(p.name, List.of(p.choices));
            }
        }
        assertEquals(Map.of("onError", Arrays.stream(OnError.values()).map(o -> o.name().toLowerCase(Locale.ROOT))
                .toList(), "demo", List.of("true", "false"), "refreshCache", List.of("true", "false")), choices);
    }

    @Test
    void theAverageOfWholeNumbersIsADecimalNumber() throws Exception {
        List<List<Object>> rows = EmulatedAws.query(c, "select avg(consecutive_failures), sum(consecutive_failures), "
                + "count(consecutive_failures) from imagebuilder_image_pipeline");
        double sum = ((Number) rows.get(0).get(1)).doubleValue();
        double count = ((Number) rows.get(0).get(2)).doubleValue();
        assertTrue(sum % count != 0, "the fixture's failures do not divide evenly: " + sum + "/" + count);
        assertEquals(sum / count, (Double) rows.get(0).get(0), 1e-9);
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select avg(consecutive_failures) from imagebuilder_image_pipeline")) {
            assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(1));
        }
    }

    @Test
    void dataErrorsAreSqlDataExceptionsNeverErrors() throws Exception {
        for (Map.Entry<String, String> bad : Map.of(
                "select 1/0 from imagebuilder_image_pipeline", "22012",
                "select name from imagebuilder_image_pipeline where consecutive_failures = 'abc'", "22018").entrySet()) {
            try (Statement s = c.createStatement()) {
                SQLDataException e = assertThrows(SQLDataException.class, () -> EmulatedAws.rows(s.executeQuery(bad.getKey())),
                        bad.getKey());
                assertEquals(bad.getValue(), e.getSQLState());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        }
    }

    private static final String NO_STATEMENT = "SQL syntax error: no statement, only blanks or comments; write a query "
            + "such as select name from imagebuilder_image_pipeline";

    @Test
    void oneStatementMayEndWithASemicolonAndSyntaxErrorsSayWhatWasExpected() throws Exception {
        assertEquals(EmulatedAws.column(c, "select name from imagebuilder_workflow order by 1"),
                EmulatedAws.column(c, "select name from imagebuilder_workflow order by 1;\n"));
        Map<String, String> errors = Map.of(
                "select 1; select 2", "SQL syntax error at line 1, column 11: a second statement; run one statement at a time",
                "selec name from imagebuilder_workflow", "SQL syntax error at line 1, column 1: 'selec' does not start a "
                        + "statement; a query starts with SELECT, VALUES, WITH or EXPLAIN",
                "select name as year from imagebuilder_workflow", "SQL syntax error at line 1, column 16: 'year' is a "
                        + "reserved word; to use it as a name, quote it: \"year\"",
                "select position, component_arn from imagebuilder_image_recipe_component", "SQL syntax error at line 1, "
                        + "column 8: 'position' is a reserved word; to use it as a name, quote it: \"position\"",
                "select from imagebuilder_workflow", "SQL syntax error at line 1, column 8: unexpected 'from'; expected "
                        + "a number, a name, a string, (, *, +, -, /*+, ... (131 in all)",
                "", NO_STATEMENT,
                " \n\t", NO_STATEMENT,
                "-- the weekly report\n/* to do */ ;", NO_STATEMENT);
        for (Map.Entry<String, String> bad : errors.entrySet()) {
            SQLException e = assertThrows(SQLException.class, () -> EmulatedAws.query(c, bad.getKey()));
            assertEquals(bad.getValue(), e.getMessage());
            assertEquals("42000", e.getSQLState());
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1 as \"year\"")) {
            assertEquals("year", rs.getMetaData().getColumnLabel(1), "the quoted reserved word, as the error says");
        }
        String truncated = "select name from imagebuilder_workflow where";
        SQLException e = assertThrows(SQLException.class, () -> EmulatedAws.query(c, truncated));
        assertTrue(e.getMessage().startsWith("SQL syntax error at line 1, column " + truncated.length()
                + ": the statement ends early after 'where'; expected "), e.getMessage());
        assertEquals(1, e.getMessage().split("line ").length - 1, "the position once: " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
