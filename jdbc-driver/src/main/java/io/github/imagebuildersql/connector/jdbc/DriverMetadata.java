package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.StringJoiner;

/**
 * The DatabaseMetaData answers Calcite leaves out or gets wrong for a read-only source whose rows have a
 * unique key: {@code _key} is every table's primary key and best row identifier; there are no catalogs;
 * nothing is ever written, so no change is ever detected or visible, and every isolation level holds
 * trivially. Tables come in the order JDBC prescribes, and their types are those getTables returns;
 * functions and types are those a statement can use, not Calcite's internals; the URL is the one connected
 * with (its secrets hidden). The result sets are built by Calcite itself from VALUES, so they have real
 * metadata. Every other answer is Calcite's.
 */
final class DriverMetadata extends ForwardingDatabaseMetaData {
    static final String KEY = "_key";

    private final Connection calcite;
    private final Connection connection;

    private final String url;

    DriverMetadata(DatabaseMetaData metaData, Connection calcite, Connection connection, String url) {
        super(metaData);
        this.calcite = calcite;
        this.connection = connection;
        this.url = url;
    }

    @Override
    public String getURL() {
        return url;
    }

    /** Ordered by TABLE_TYPE, TABLE_CAT, TABLE_SCHEM and TABLE_NAME, as JDBC says. */
    @Override
    public ResultSet getTables(String catalog, String schema, String table, String[] types) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = target.getTables(catalog, schema, table, types)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i) + " VARCHAR");
            }
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i) == null ? "" : rs.getString(i));
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing((List<Object> r) -> (String) r.get(3)).thenComparing(r -> (String) r.get(0))
                .thenComparing(r -> (String) r.get(1)).thenComparing(r -> (String) r.get(2)));
        return rows(columns, rows);
    }

    /** The types getTables returns. */
    @Override
    public ResultSet getTableTypes() throws SQLException {
        TreeSet<String> types = new TreeSet<>();
        try (ResultSet rs = target.getTables(null, null, "%", null)) {
            while (rs.next()) {
                types.add(rs.getString("TABLE_TYPE"));
            }
        }
        return rows(List.of("TABLE_TYPE VARCHAR"), types.stream().map(t -> List.<Object>of(t)).toList());
    }

    /** Calcite's functions less its internal ones ($HISTOGRAM, ...). */
    @Override
    public ResultSet getFunctions(String catalog, String schema, String function) throws SQLException {
        return only(target.getFunctions(catalog, schema, function), rs -> !rs.getString("FUNCTION_NAME").startsWith("$"));
    }

    /**
     * The SQL types a column or an expression can have here, by their standard names: not Calcite's
     * internal ones (COLUMN_LIST, CURSOR, ...), intervals, or types no table has and no literal makes.
     */
    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return only(target.getTypeInfo(), rs -> {
            int type = rs.getInt("DATA_TYPE");
            return SQL_TYPES.contains(type) && JDBCType.valueOf(type).getName().equals(rs.getString("TYPE_NAME"));
        });
    }

    private static final Set<Integer> SQL_TYPES = Set.of(Types.BOOLEAN, Types.TINYINT, Types.SMALLINT, Types.INTEGER,
            Types.BIGINT, Types.DECIMAL, Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DATE, Types.TIME, Types.TIMESTAMP,
            Types.CHAR, Types.VARCHAR, Types.BINARY, Types.VARBINARY);

    interface RowTest {
        boolean test(ResultSet row) throws SQLException;
    }

    /** Calcite's rows that pass the test. */
    private ResultSet only(ResultSet calcite, RowTest keep) throws SQLException {
        return new JdbcLayer.LayerResultSet(calcite, new JdbcLayer.LayerStatement(calcite.getStatement(), connection), 0) {
            @Override
            public boolean next() throws SQLException {
                while (super.next()) {
                    if (call(() -> keep.test(target))) {
                        return true;
                    }
                }
                return false;
            }
        };
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
