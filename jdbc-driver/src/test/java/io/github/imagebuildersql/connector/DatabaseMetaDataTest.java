package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What DBeaver, DataGrip and Tableau ask of a driver before they show anything, and the calls
 * SchemaCrawler makes at its maximum info level, over every table: none fails, and the answers describe
 * the tables as they are.
 */
class DatabaseMetaDataTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(Fixture.sampleEstate());
        c = aws.connect("regions=us-east-1");
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    @Test
    void schemasAndTablesWithRemarks() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = md.getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        assertTrue(schemas.contains("aws"), schemas.toString());
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, "aws", "%", null)) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE") + ":" + rs.getString("REMARKS"));
            }
        }
        assertEquals(Tables.all().stream().map(t -> t.name() + ":TABLE:" + t.description()).sorted().toList(),
                tables.stream().sorted().toList());
        assertTrue(tables.contains("imagebuilder_image_pipeline:TABLE:"
                + Tables.definition("imagebuilder_image_pipeline").description()), tables.toString());
    }

    @Test
    void aResultColumnNamesItsTableSoItsDeclaredTypeIsFoundThere() throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name, schedule as s, tags from imagebuilder_image_pipeline")) {
            ResultSetMetaData md = rs.getMetaData();
            List<Set<ColumnType>> declared = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                assertEquals("imagebuilder_image_pipeline", md.getTableName(i));
                declared.add(ImageBuilderSchema.columnTypes(md.getTableName(i), md.getColumnName(i)));
            }
            assertEquals(List.of(Set.of(ColumnType.VARCHAR), Set.of(ColumnType.JSON), Set.of(ColumnType.TAGS)), declared);
        }
        assertEquals(Set.of(ColumnType.JSON), ImageBuilderSchema.columnTypes(null, "schedule"), "any table's, unnamed");
        assertEquals(Set.of(), ImageBuilderSchema.columnTypes("imagebuilder_workflow", "schedule"));
    }

    @Test
    void everyColumnHasItsTypeNullabilityAndDescription() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        for (TableDefinition<?> t : Tables.all()) {
            List<String> expected = new ArrayList<>();
            for (Column<?> col : t.columns()) {
                expected.add(col.name() + "|" + col.description());
            }
            List<String> actual = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "aws", t.name(), "%")) {
                while (rs.next()) {
                    actual.add(rs.getString("COLUMN_NAME") + "|" + rs.getString("REMARKS"));
                    assertEquals(rs.getString("COLUMN_NAME").equals("_key") ? DatabaseMetaData.columnNoNulls
                            : DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"), "the primary key is never null");
                    if (rs.getString("COLUMN_NAME").startsWith("date_")) {
                        assertEquals(Types.TIMESTAMP, rs.getInt("DATA_TYPE"));
                    }
                }
            }
            assertEquals(expected, actual, t.name());
        }
    }

    @Test
    void driverIdentityQuotingAndReadOnly() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        assertEquals("imagebuilder-sql JDBC driver", md.getDriverName());
        assertTrue(md.getDriverVersion().matches("\\d+\\.\\d+\\.\\d+.*"), md.getDriverVersion());
        assertEquals("\"", md.getIdentifierQuoteString());
        assertTrue(md.isReadOnly());
        try (ResultSet rs = md.getTypeInfo()) {
            assertTrue(rs.next());
        }
    }

    @Test
    void resultsAreReadOnlyAndForwardOnly() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
            assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
            assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
            assertTrue(rs.next());
            assertThrows(SQLException.class, () -> rs.updateString(1, "x"));
        }
    }

    @Test
    void identifiersAsPeopleTypeThem() throws Exception {
        for (String sql : List.of(
                "select name from aws.imagebuilder_image_pipeline",
                "select \"name\" from \"aws\".\"imagebuilder_image_pipeline\"",
                "SELECT NAME FROM IMAGEBUILDER_IMAGE_PIPELINE",
                "select name from imagebuilder_image_pipeline")) {
            assertEquals(3, EmulatedAws.column(c, sql).size(), sql);
        }
    }

    @Test
    void writesAreRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> EmulatedAws.query(c, "delete from imagebuilder_image_pipeline"));
        assertFalse(e.getMessage().isEmpty());
        assertEquals(0, aws.stats().total("DeleteImagePipeline"));
    }

    @Test
    void everyFlagAndPropertyOfTheDatabaseAnswers() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        List<String> failed = new ArrayList<>();
        int asked = 0;
        for (Method m : DatabaseMetaData.class.getMethods()) {
            Class<?>[] p = m.getParameterTypes();
            boolean flag = p.length == 0 && m.getReturnType() != ResultSet.class && !m.getName().equals("getConnection")
                    || p.length > 0 && List.of(p).stream().allMatch(t -> t == int.class) && m.getReturnType() == boolean.class;
            if (!flag) {
                continue;
            }
            for (int arg : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, Connection.TRANSACTION_NONE}) {
                Object[] args = new Object[p.length];
                java.util.Arrays.fill(args, arg);
                try {
                    m.invoke(md, args);
                    asked++;
                } catch (InvocationTargetException e) {
                    failed.add(m.getName() + ": " + e.getCause());
                }
            }
        }
        assertEquals(List.of(), failed);
        assertTrue(asked > 150, "asked " + asked);
        assertFalse(md.deletesAreDetected(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(md.ownUpdatesAreVisible(ResultSet.TYPE_FORWARD_ONLY));
        assertTrue(md.isReadOnly());
    }

    @Test
    void catalogsSchemasTablesColumnsKeysAndTypesOfEveryTable() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getCatalogs()) {
            assertFalse(rs.next(), "no catalogs, rather than one null catalog");
        }
        assertTrue(rows(md.getSchemas()).stream().anyMatch(r -> r.contains("aws")));
        Set<String> typeNames = new HashSet<>();
        for (List<Object> r : rows(md.getTypeInfo())) {
            typeNames.add((String) r.get(0));
        }
        rows(md.getFunctions(null, null, "%"));
        rows(md.getTableTypes());
        for (TableDefinition<?> t : Tables.all()) {
            assertEquals(1, rows(md.getTables(null, "aws", t.name(), null)).size(), t.name());
            try (ResultSet rs = md.getColumns(null, "aws", t.name(), "%")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                    String column = t.name() + "." + rs.getString("COLUMN_NAME");
                    assertTrue(typeNames.contains(rs.getString("TYPE_NAME")), column + " " + rs.getString("TYPE_NAME")
                            + " is not in getTypeInfo " + typeNames);
                    assertNotEquals(Types.OTHER, rs.getInt("DATA_TYPE"), column);
                    if (rs.getInt("DATA_TYPE") == Types.VARCHAR) {
                        assertEquals(Integer.MAX_VALUE, rs.getInt("COLUMN_SIZE"), column);
                    }
                    if (rs.getInt("DATA_TYPE") == Types.TIMESTAMP) {
                        assertEquals("TIMESTAMP", rs.getString("TYPE_NAME"), column);
                        assertEquals(23, rs.getInt("COLUMN_SIZE"), column);
                    }
                }
                assertEquals(t.columns().size(), n, t.name());
            }
            assertEquals(List.of(List.of("aws", t.name(), "_key", 1)), rows(md.getPrimaryKeys(null, "aws", t.name()))
                    .stream().map(r -> List.of(r.get(1), r.get(2), r.get(3), ((Number) r.get(4)).intValue())).toList());
            List<List<Object>> best = rows(md.getBestRowIdentifier(null, "aws", t.name(),
                    DatabaseMetaData.bestRowSession, true));
            assertEquals(1, best.size(), t.name());
            assertEquals("_key", best.get(0).get(1));
            rows(md.getImportedKeys(null, "aws", t.name()));
            rows(md.getExportedKeys(null, "aws", t.name()));
            rows(md.getIndexInfo(null, "aws", t.name(), false, true));
            rows(md.getTablePrivileges(null, "aws", t.name()));
            rows(md.getColumnPrivileges(null, "aws", t.name(), "%"));
            rows(md.getVersionColumns(null, "aws", t.name()));
            rows(md.getPseudoColumns(null, "aws", t.name(), "%"));
        }
    }

    @Test
    void everyResultColumnDescribesItselfAsTheMetadataDoes() throws Exception {
        for (TableDefinition<?> t : Tables.all()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + t.name() + " where 1 = 0");
                    ResultSet columns = c.getMetaData().getColumns(null, "aws", t.name(), "%")) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    assertTrue(columns.next());
                    String column = t.name() + "." + md.getColumnName(i);
                    assertEquals(columns.getInt("DATA_TYPE"), md.getColumnType(i), column);
                    assertEquals(columns.getString("TYPE_NAME"), md.getColumnTypeName(i), column);
                    assertEquals(columns.getInt("COLUMN_SIZE"), md.getPrecision(i), column);
                    assertTrue(md.isSearchable(i), column);
                    assertTrue(md.getColumnDisplaySize(i) > 0, column);
                    if (md.getColumnType(i) == Types.TIMESTAMP) {
                        assertEquals(23, md.getColumnDisplaySize(i), column + ": yyyy-MM-dd HH:mm:ss.SSS");
                    }
                    md.getColumnClassName(i);
                    md.getScale(i);
                    md.isNullable(i);
                    md.isAutoIncrement(i);
                    md.isCaseSensitive(i);
                    md.isCurrency(i);
                    md.isSigned(i);
                    md.isReadOnly(i);
                    md.isWritable(i);
                    md.isDefinitelyWritable(i);
                    md.getSchemaName(i);
                    md.getTableName(i);
                    md.getCatalogName(i);
                    md.getColumnLabel(i);
                }
            }
        }
    }

    private static List<List<Object>> rows(ResultSet rs) throws Exception {
        try (rs) {
            return EmulatedAws.rows(rs);
        }
    }
}
