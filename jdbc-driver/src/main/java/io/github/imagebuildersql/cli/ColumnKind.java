package io.github.imagebuildersql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.core.table.ColumnType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a result column holds, for the typed targets (PostgreSQL, Parquet). A tag map may reach us as a
 * java.util.Map (JDBC type OTHER) or as JSON text in a VARCHAR, and a JSON column is VARCHAR: the table
 * definitions say which is which, so both ways read the same.
 */
enum ColumnKind {
    TEXT, JSON, MAP, TIMESTAMP, BOOLEAN, INTEGER, BIGINT, DOUBLE;

    static ColumnKind of(ResultSetMetaData md, int i) throws SQLException {
        Set<ColumnType> declared = ImageBuilderSchema.columnTypes(md.getTableName(i), md.getColumnName(i));
        switch (md.getColumnType(i)) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMP;
            case Types.BOOLEAN, Types.BIT:
                return BOOLEAN;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT:
                return INTEGER;
            case Types.BIGINT:
                return BIGINT;
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.DECIMAL, Types.NUMERIC:
                return DOUBLE;
            case Types.OTHER, Types.JAVA_OBJECT, Types.STRUCT, Types.ARRAY:
                return declared.contains(ColumnType.TAGS) ? MAP : JSON;
            default:
                return declared.contains(ColumnType.TAGS) ? MAP : declared.contains(ColumnType.JSON) ? JSON : TEXT;
        }
    }

    /** The value as a UTC instant, or null. */
    static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    /** A MAP or JSON value as JSON text, whichever way the driver hands it over, or null. */
    static String json(Object v) {
        if (v == null) {
            return null;
        }
        try {
            if (v instanceof String s) {
                // Valid JSON text stays as it is; anything else is a JSON string.
                return isJson(s) ? s : SdkJson.MAPPER.writeValueAsString(s);
            }
            return SdkJson.MAPPER.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + v.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A tag map, from a java.util.Map or a JSON object's text, or null. */
    static Map<String, String> map(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? null : String.valueOf(val)));
            return out;
        }
        try {
            return SdkJson.MAPPER.readValue(v.toString(), new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tag map that is not a JSON object of strings", e);
        }
    }

    private static boolean isJson(String s) {
        try {
            JsonNode tree = SdkJson.MAPPER.readTree(s);
            return tree != null && !tree.isMissingNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
