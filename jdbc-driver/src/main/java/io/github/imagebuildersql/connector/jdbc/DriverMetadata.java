package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The DatabaseMetaData answers Calcite leaves out or gets wrong for a read-only source whose rows have a
 * unique key: {@code _key} is every table's primary key and best row identifier; there are no catalogs;
 * nothing is ever written, so no change is ever detected or visible, and every isolation level holds
 * trivially. The result sets are built by Calcite itself from VALUES, so they have real metadata. Every
 * other answer is Calcite's.
 */
final class DriverMetadata extends ForwardingDatabaseMetaData {
    static final String KEY = "_key";

    private final Connection calcite;
    private final Connection connection;

    DriverMetadata(DatabaseMetaData metaData, Connection calcite, Connection connection) {
        super(metaData);
        this.calcite = calcite;
        this.connection = connection;
    }

    @Override
    Connection layer(Connection calcite) {
        return connection;
    }

    /** Its statement is the layer's too, so that closing it closes Calcite's. */
    @Override
    ResultSet layer(ResultSet rows) throws SQLException {
        return rows == null ? null
                : new JdbcLayer.LayerResultSet(rows, new JdbcLayer.LayerStatement(rows.getStatement(), connection), 0);
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean supportsTransactions() {
        return false;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return true;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    /** Commit does nothing, so a result set outlives it. */
    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return rows(List.of("TABLE_CAT VARCHAR"), List.of());
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return rows(List.of("TABLE_CAT VARCHAR", "TABLE_SCHEM VARCHAR", "TABLE_NAME VARCHAR", "COLUMN_NAME VARCHAR",
                        "KEY_SEQ SMALLINT", "PK_NAME VARCHAR"),
                tables(schema, table).stream().map(t -> List.<Object>of("", ImageBuilderSchema.NAME, t.name(),
                        KEY, (short) 1, t.name() + "_pk")).toList());
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return rows(List.of("SCOPE SMALLINT", "COLUMN_NAME VARCHAR", "DATA_TYPE INTEGER", "TYPE_NAME VARCHAR",
                        "COLUMN_SIZE INTEGER", "BUFFER_LENGTH INTEGER", "DECIMAL_DIGITS SMALLINT",
                        "PSEUDO_COLUMN SMALLINT"),
                tables(schema, table).stream().map(t -> List.<Object>of((short) DatabaseMetaData.bestRowSession,
                        KEY, Types.VARCHAR, "VARCHAR", JdbcTypes.UNBOUNDED, "", "",
                        (short) DatabaseMetaData.bestRowNotPseudo)).toList());
    }

    private static List<TableDefinition<?>> tables(String schema, String table) {
        if (schema != null && !ImageBuilderSchema.NAME.equals(schema)) {
            return List.of();
        }
        if (table == null) {
            return Tables.all();
        }
        TableDefinition<?> named = Tables.definition(table);
        return named == null ? List.of() : List.of(named);
    }

    /**
     * A result set with the given columns ("NAME TYPE") and rows; an empty string stands for NULL. Built as
     * {@code SELECT ... FROM (VALUES ...)} so that its ResultSetMetaData is right.
     */
    private ResultSet rows(List<String> columns, List<List<Object>> rows) throws SQLException {
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
        return layer(call(() -> {
            Statement s = calcite.createStatement();
            s.closeOnCompletion();
            return s.executeQuery(sql);
        }));
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
