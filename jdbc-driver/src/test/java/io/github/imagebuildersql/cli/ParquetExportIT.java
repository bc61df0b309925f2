package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.imagebuildersql.connector.FixtureCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export to Parquet, read back by an independent reader (DuckDB) and compared with the JSON Lines export. Where
 * --format is not given, the file's extension chooses.
 */
class ParquetExportIT {
    /** The role and regions of the bundled demo estate. */
    private static final String DEMO_ROLE = "ImageBuilderInventoryRole";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parquetHasTypedColumnsAndTheSameValuesAsJsonLines(@TempDir Path dir) throws Exception {
        Path parquet = dir.resolve("pipelines.parquet");
        Path jsonl = dir.resolve("pipelines.jsonl");
        Jar.Result p = Jar.run("export", "--demo", "--table", "imagebuilder_image_pipeline", "--out",
                parquet.toString());
        assertEquals(0, p.exit(), p.err());
        assertEquals("", p.err());
        Jar.Result j = Jar.run("export", "--demo", "--table", "imagebuilder_image_pipeline", "--out",
                jsonl.toString());
        assertEquals(0, j.exit(), j.err());
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode row = JSON.readTree(line);
            expected.put(row.get("_key").asText(), row);
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            Map<String, String> types = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("select column_name, column_type from (describe select * from '"
                    + parquet + "')")) {
                while (rs.next()) {
                    types.put(rs.getString(1), rs.getString(2));
                }
            }
            assertEquals(names(expected.values().iterator().next()), new ArrayList<>(types.keySet()), "the columns, in order");
            assertEquals("TIMESTAMP WITH TIME ZONE", types.get("date_created"));
            assertEquals("MAP(VARCHAR, VARCHAR)", types.get("tags"));
            assertEquals("VARCHAR", types.get("schedule"), "JSON columns are strings");
            assertEquals("BOOLEAN", types.get("enhanced_image_metadata_enabled"));
            assertEquals("INTEGER", types.get("consecutive_failures"));

            int rows = 0;
            List<String> select = new ArrayList<>();
            types.forEach((column, type) -> select.add(type.startsWith("TIMESTAMP") ? "epoch_ms(\"" + column + "\")"
                    : type.startsWith("MAP") ? "to_json(\"" + column + "\")::varchar" : "\"" + column + "\""));
            try (ResultSet rs = s.executeQuery("select " + String.join(", ", select) + " from '" + parquet + "'")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    rows++;
                    JsonNode want = expected.get(rs.getString(1));
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        String column = new ArrayList<>(types.keySet()).get(i - 1);
                        assertEquals(want.get(column), actual(column, types.get(column), rs.getObject(i)),
                                rs.getString(1) + " " + column);
                    }
                }
            }
            assertEquals(FixtureCounts.samplePipelines(), rows);
            assertEquals(expected.size(), rows);
        }
    }

    private static List<String> names(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** What DuckDB read, in the JSON Lines export's terms. */
    private static JsonNode actual(String column, String type, Object value) throws Exception {
        if (value == null) {
            return JSON.nullNode();
        }
        if (type.startsWith("TIMESTAMP")) {
            return JSON.getNodeFactory().textNode(Instant.ofEpochMilli(((Number) value).longValue()).toString());
        }
        if (type.startsWith("MAP") || value instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
            return JSON.readTree(value.toString());
        }
        return JSON.valueToTree(value);
    }

    @Test
    void aPartialParquetExportKeepsThePreviousFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("wf.parquet");
        assertEquals(0, Jar.run("export", "--demo", "--format", "parquet", "--table", "imagebuilder_workflow", "--out",
                out.toString()).exit());
        byte[] good = Files.readAllBytes(out);
        Jar.Result partial = Jar.run("export", "--demo", "--accounts", "111111111111,444444444444", "--roleName",
                DEMO_ROLE, "--onError", "skip", "--format", "parquet", "--table", "imagebuilder_workflow", "--out",
                out.toString());
        assertEquals(3, partial.exit(), partial.err());
        assertTrue(java.util.Arrays.equals(good, Files.readAllBytes(out)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file left behind");
        }
    }
}
