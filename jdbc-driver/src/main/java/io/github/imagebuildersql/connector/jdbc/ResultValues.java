package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.row.TagMap;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Column values as JDBC code asks for them. A TIMESTAMP is an instant, written in SQL (literals,
 * getString, LocalDateTime) as its UTC wall-clock time: getTimestamp, Instant, OffsetDateTime and
 * ZonedDateTime are that same instant in a JVM of any time zone. A tags column is its JSON text for
 * getString, getObject and String.class, and the map for Map.class.
 */
final class ResultValues {
    private ResultValues() {}

    /** getObject(column): the JSON text for tags (the column is VARCHAR to JDBC), else Avatica's value. */
    static Object object(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        return v instanceof TagMap tags ? tags.toString() : v;
    }

    /** getObject(column, type). */
    static Object object(ResultSet rs, int column, Class<?> type) throws SQLException {
        Object v = rs.getObject(column);
        if (v == null) {
            return null;
        }
        if (v instanceof TagMap tags) {
            if (type == String.class || type == Object.class) {
                return tags.toString();
            }
            if (type.isAssignableFrom(TagMap.class)) {
                return tags;
            }
            throw cannotConvert(rs, column, "tags", type, "String or Map");
        }
        if (rs.getMetaData().getColumnType(column) == Types.TIMESTAMP) {
            Instant instant = rs.getTimestamp(column).toInstant();
            if (type == Instant.class) {
                return instant;
            }
            if (type == OffsetDateTime.class) {
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (type == ZonedDateTime.class) {
                return instant.atZone(ZoneOffset.UTC);
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            if (type == Timestamp.class || type == java.util.Date.class) {
                return Timestamp.from(instant);
            }
            if (type == String.class) {
                return rs.getString(column);
            }
            throw cannotConvert(rs, column, "a TIMESTAMP", type,
                    "Instant, OffsetDateTime, ZonedDateTime, LocalDateTime (UTC), Timestamp or String");
        }
        if (type == String.class) {
            return rs.getString(column);
        }
        return rs.getObject(column, type);
    }

    private static SQLException cannotConvert(ResultSet rs, int column, String what, Class<?> type, String allowed)
            throws SQLException {
        return new SQLException("column " + rs.getMetaData().getColumnLabel(column) + " is " + what
                + " and cannot be read as " + type.getName() + "; ask for " + allowed, "22018");
    }
}
