package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The DatabaseMetaData answers Calcite leaves out or gets wrong for a read-only source whose rows have a
 * unique key: {@code _key} is every table's primary key and best row identifier; there are no catalogs;
 * nothing is ever written, so no change is ever detected or visible, and every isolation level holds
 * trivially. The result sets are built by Calcite itself from VALUES, so they have real metadata.
 */
final class DriverMetadata {
    static final String KEY = "_key";

    private DriverMetadata() {}

    /** The answer to {@code method}, or {@link #CALCITE} to let Calcite answer. */
    static Object answer(Connection calcite, String method, Object[] args) throws SQLException {
        return switch (method) {
            case "deletesAreDetected", "insertsAreDetected", "updatesAreDetected", "ownDeletesAreVisible",
                    "ownInsertsAreVisible", "ownUpdatesAreVisible", "othersDeletesAreVisible",
                    "othersInsertsAreVisible", "othersUpdatesAreVisible", "supportsTransactions" -> false;
            case "supportsTransactionIsolationLevel" -> true;
            // commit does nothing, so a result set outlives it
            case "supportsResultSetHoldability" -> (Integer) args[0] == ResultSet.HOLD_CURSORS_OVER_COMMIT;
            case "getResultSetHoldability" -> ResultSet.HOLD_CURSORS_OVER_COMMIT;
            case "getDefaultTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
            case "getCatalogs" -> rows(calcite, List.of("TABLE_CAT VARCHAR"), List.of());
            case "getPrimaryKeys" -> rows(calcite,
                    List.of("TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "COLUMN_NAME VARCHAR",
                            "KEY_SEQ SMALLINT", "PK_NAME VARCHAR"),
                    tables(args[1], args[2]).stream().map(t -> List.<Object>of("", ImageBuilderSchema.NAME, t.name(),
                            KEY, (short) 1, t.name() + "_pk")).toList());
            case "getBestRowIdentifier" -> rows(calcite,
                    List.of("SCOPE SMALLINT", "COLUMN_NAME VARCHAR", "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR",
                            "COLUMN_SIZE INTEGER", "BUFFER_LENGTH INTEGER", "DECIMAL_DIGITS SMALLINT",
                            "PSEUDO_COLUMN SMALLINT"),
                    tables(args[1], args[2]).stream().map(t -> List.<Object>of((short) DatabaseMetaData.bestRowSession,
                            KEY, java.sql.Types.VARCHAR, "VARCHAR", JdbcTypes.UNBOUNDED, "", "",
                            (short) DatabaseMetaData.bestRowNotPseudo)).toList());
            default -> CALCITE;
        };
    }

    /** Marks "no override". */
    static final Object CALCITE = new Object();

    private static List<TableDefinition<?>> tables(Object schema, Object table) {
        if (schema != null && !ImageBuilderSchema.NAME.equals(schema)) {
            return List.of();
        }
        if (table == null) {
            return Tables.all();
        }
        TableDefinition<?> named = table instanceof String name ? Tables.definition(name) : null;
        return named == null ? List.of() : List.of(named);
    }

    /**
     * A result set with the given columns ("NAME TYPE") and rows; an empty string stands for NULL. Built as
     * {@code SELECT ... FROM (VALUES ...)} so that its ResultSetMetaData is right.
     */
    private static ResultSet rows(Connection calcite, List<String> columns, List<List<Object>> rows)
            throws SQLException {
        List<List<Object>> values = rows.isEmpty() ? List.of(nulls(columns.size())) : rows;
        StringJoiner tuples = new StringJoiner(", ");
        for (List<Object> row : values) {
            StringJoiner tuple = new StringJoiner(", ", "(", ")");
            for (int i = 0; i < row.size(); i++) {
                tuple.add(literal(row.get(i), columns.get(i).split(" ")[1]));
            }
            tuples.add(tuple.toString());
        }
        StringJoiner names = new StringJoiner(", ");
        columns.forEach(c -> names.add("\"" + c.split(" ")[0] + "\""));
        String sql = "select * from (values " + tuples + ") as t(" + names + ")"
                + (rows.isEmpty() ? " where false" : "");
        Statement s = calcite.createStatement();
        s.closeOnCompletion();
        return s.executeQuery(sql);
    }

    private static List<Object> nulls(int n) {
        List<Object> row = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            row.add("");
        }
        return row;
    }

    private static String literal(Object value, String type) {
        if ("".equals(value)) {
            return "cast(null as " + type + ")";
        }
        String text = value instanceof String s ? "'" + s.replace("'", "''") + "'" : String.valueOf(value);
        return "cast(" + text + " as " + type + ")";
    }
}
