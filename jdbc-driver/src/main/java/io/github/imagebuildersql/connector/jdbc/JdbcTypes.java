package io.github.imagebuildersql.connector.jdbc;

import java.sql.JDBCType;
import java.sql.Types;
import java.util.Locale;

/**
 * What JDBC tools are told about a column's type, the same in getColumns and ResultSetMetaData. Calcite
 * says {@code TIMESTAMP(3)}, {@code (VARCHAR NOT NULL, VARCHAR) MAP} (type OTHER) and size -1 for an
 * unbounded VARCHAR; tools match type names against getTypeInfo, Spark refuses OTHER, and a size of -1
 * breaks column widths. So: the MAP is reported as the VARCHAR its JSON text is (SQL still reads it as a
 * map), type names carry no precision, and an unbounded VARCHAR is as long as a Java string can be.
 */
final class JdbcTypes {
    static final int UNBOUNDED = Integer.MAX_VALUE;
    /** {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    static final int TIMESTAMP_WIDTH = 23;

    private JdbcTypes() {}

    static boolean isMap(int type, String name) {
        return type == Types.OTHER && name != null && name.toUpperCase(Locale.ROOT).endsWith("MAP");
    }

    static int type(int type, String name) {
        return isMap(type, name) ? Types.VARCHAR : type;
    }

    static String name(int type, String name) {
        if (isMap(type, name)) {
            return "VARCHAR";
        }
        if (name != null && name.startsWith("JavaType(")) {
            // the columns of Calcite's metadata schema, typed by their Java class
            return JDBCType.valueOf(type).getName();
        }
        String bare = name != null && name.endsWith(" NOT NULL") ? name.substring(0, name.length() - 9) : name;
        int paren = bare == null ? -1 : bare.indexOf('(');
        return paren > 0 ? bare.substring(0, paren).trim() : bare;
    }

    /** DECIMAL_DIGITS / scale: a timestamp's are its milliseconds. */
    static Integer digits(int type, Integer calcite) {
        return type == Types.TIMESTAMP ? Integer.valueOf(3) : calcite;
    }

    /** COLUMN_SIZE / precision: characters for text and timestamps, digits for numbers. */
    static Integer size(int type, String name, Integer calcite) {
        return switch (type(type, name)) {
            case Types.VARCHAR, Types.CHAR -> calcite == null || calcite <= 0 ? UNBOUNDED : calcite;
            case Types.TIMESTAMP -> TIMESTAMP_WIDTH;
            case Types.BOOLEAN -> 1;
            case Types.INTEGER -> 10;
            case Types.BIGINT -> 19;
            case Types.DOUBLE -> 15;
            default -> calcite;
        };
    }
}
