package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.connector.table.Column;
import io.github.imagebuildersql.connector.table.TableDefinition;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What DBeaver, DataGrip and Tableau ask of a driver before they show anything. */
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
        assertEquals(11, ImageBuilderSchema.TABLES.size());
        assertEquals(ImageBuilderSchema.TABLES.stream().map(t -> t.name() + ":TABLE:" + t.description()).sorted().toList(),
                tables.stream().sorted().toList());
        assertTrue(tables.contains("imagebuilder_image_scan_finding:TABLE:" + ImageBuilderSchema.TABLES.get(10).description()));
    }

    @Test
    void everyColumnHasItsTypeNullabilityAndDescription() throws Exception {
        DatabaseMetaData md = c.getMetaData();
        for (TableDefinition<?> t : ImageBuilderSchema.TABLES) {
            List<String> expected = new ArrayList<>();
            for (Column<?> col : t.columns()) {
                expected.add(col.name() + "|" + col.description());
            }
            List<String> actual = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, "aws", t.name(), "%")) {
                while (rs.next()) {
                    actual.add(rs.getString("COLUMN_NAME") + "|" + rs.getString("REMARKS"));
                    assertEquals(DatabaseMetaData.columnNullable, rs.getInt("NULLABLE"));
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
}
