package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * information_schema.tables and .columns, in the standard's lower-case names, answered from the table definitions
 * and the column types JDBC metadata reports (but tags, a MAP in SQL, which JDBC clients read as JSON text), without
 * any AWS call.
 */
class InformationSchemaTest extends SampleEstateTest {
    @Test
    void thePipelineTablesColumnsAreItsDefinitionsInOrderWithTheirTypes() throws Exception {
        TableDefinition<?> pipelines = Tables.definition("imagebuilder_image_pipeline");
        List<List<Object>> expected = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "aws", "imagebuilder_image_pipeline", "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                expected.add(List.of(name, pipelines.column(name).type() == ColumnType.TAGS ? "MAP"
                        : rs.getString("TYPE_NAME").replace("(3)", "")));
            }
        }
        assertEquals(pipelines.columns().stream().map(Column::name).toList(),
                expected.stream().map(r -> r.get(0)).toList());
        assertEquals(expected, query(c, "select column_name, data_type from information_schema.columns "
                + "where table_name = 'imagebuilder_image_pipeline'"));
        assertEquals(0, aws.stats().totalRequests());
    }

    @Test
    void everyTableAndColumnIsListedWithItsDescription() throws Exception {
        List<List<Object>> tables = new ArrayList<>();
        List<List<Object>> columns = new ArrayList<>();
        for (TableDefinition<?> t : Tables.all()) {
            tables.add(List.of("aws", t.name(), "BASE TABLE", t.description()));
            for (int i = 0; i < t.columns().size(); i++) {
                Column<?> col = t.columns().get(i);
                columns.add(List.of("aws", t.name(), col.name(), i + 1, "YES", col.description()));
            }
        }
        assertEquals(tables, query(c, "select table_schema, table_name, table_type, description "
                + "from information_schema.tables"));
        assertEquals(columns, query(c, "select table_schema, table_name, column_name, ordinal_position, is_nullable, "
                + "description from information_schema.columns"));
        assertEquals(List.of(List.of((long) columns.size())), query(c, "select count(*) from INFORMATION_SCHEMA.COLUMNS"),
                "names are case-insensitive unquoted, as everywhere in the driver");
        assertEquals(0, aws.stats().totalRequests());
    }

    /**
     * To JDBC metadata its tables are system tables, as Calcite's own metadata schema's: what asks for tables of type
     * TABLE (sync, a BI tool's table list) finds the inventory's only, and no "tables" or "columns" among them.
     */
    @Test
    void jdbcMetadataListsItsTablesAsSystemTablesApartFromTheInventory() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        assertEquals(List.of(List.of("SYSTEM TABLE", "information_schema", "columns"),
                        List.of("SYSTEM TABLE", "information_schema", "tables")),
                tables(md.getTables(null, "information_schema", "%", null)));
        assertEquals(Tables.names().stream().sorted().map(n -> List.of("TABLE", "aws", n)).toList(),
                tables(md.getTables(null, null, "%", new String[] {"TABLE"})));
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, "information_schema", "columns", "%")) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        assertEquals(List.of("table_schema", "table_name", "column_name", "ordinal_position", "data_type", "is_nullable",
                "description"), columns);
    }

    private static List<List<String>> tables(ResultSet rs) throws Exception {
        List<List<String>> tables = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                tables.add(List.of(rs.getString("TABLE_TYPE"), rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME")));
            }
        }
        return tables;
    }
}
