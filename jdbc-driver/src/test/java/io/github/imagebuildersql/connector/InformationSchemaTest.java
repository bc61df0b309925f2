package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * information_schema.tables and .columns, in the standard's lower-case names, answered from the table definitions
 * and the column types JDBC metadata reports (but tags, a MAP in SQL, which JDBC clients read as JSON text), without
 * any AWS call.
 */
class InformationSchemaTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(ImageEstate.fixture());
        c = aws.connect(ImageEstate.connection());
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

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
}
