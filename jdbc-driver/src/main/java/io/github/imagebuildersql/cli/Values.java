package io.github.imagebuildersql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.core.table.ColumnType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How result values print, the same in every format: timestamps as ISO-8601 UTC, MAP columns and the
 * tables' JSON columns as JSON, NULL as null (which each format spells its own way).
 */
final class Values {
    private Values() {}

    record Column(String label, int type, boolean json) {}

    static List<Column> columns(ResultSetMetaData md) throws SQLException {
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            Set<ColumnType> types = ImageBuilderSchema.columnTypes(md.getTableName(i), md.getColumnName(i));
            boolean json = types.contains(ColumnType.JSON) || types.contains(ColumnType.TAGS);
            columns.add(new Column(md.getColumnLabel(i), md.getColumnType(i), json));
        }
        return columns;
    }

    /** The value of column i: null, String, Boolean, Number, Map, or a parsed JSON tree. */
    static Object read(ResultSet rs, int i, Column c) throws SQLException {
        Object v;
        if (c.type() == Types.TIMESTAMP || c.type() == Types.TIMESTAMP_WITH_TIMEZONE) {
            Timestamp t = rs.getTimestamp(i);
            v = t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.toInstant());
        } else {
            v = rs.getObject(i);
        }
        if (v instanceof String s && c.json()) {
            try {
                JsonNode tree = SdkJson.MAPPER.readTree(s);
                return tree.isContainerNode() ? tree : s;
            } catch (JsonProcessingException e) {
                return s;
            }
        }
        return v;
    }

    /** Text for CSV and table cells; null stays null. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> || v instanceof JsonNode) {
            try {
                return SdkJson.MAPPER.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return v.toString();
            }
        }
        return v.toString();
    }
}
