package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.scan.ScanListener;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.sql.SQLFeatureNotSupportedException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the driver's JDBC objects do differently from Calcite's (Avatica's), all of it. Everything else is
 * forwarded by the Forwarding classes, which the build generates from the java.sql interfaces
 * (src/build/ForwardingGenerator.java), and whatever Calcite throws comes back as one SQLException with a
 * one-line message and a SQLSTATE ({@link SqlErrors}).
 * <ul>
 * <li><b>Transactions</b>: nothing is ever written, so the connection is read-only and in auto-commit mode
 * (which may be turned off), commit and rollback succeed and do nothing (Spark commits on close, pools roll
 * back on return), and any isolation level is accepted and kept. Statements that write are refused when
 * they are parsed ({@link StatementParser}). Results are forward-only and read-only: a statement asked for
 * another kind gets that kind and the connection a warning. There are no user-defined types (an empty
 * type map).</li>
 * <li><b>Client info</b> (DataGrip's and Tableau's ApplicationName) is kept.</li>
 * <li><b>Warnings</b>: each statement has its own, the partitions its queries skipped ({@link
 * StatementWarnings}, installed as the scan listener while any of its methods runs; Avatica's are always
 * null).</li>
 * <li><b>maxRows</b>: a result set ends after its statement's maxRows rows, which closes the scan, so the
 * calls for the rest are never made (Calcite fixes a PreparedStatement's limit when it prepares it).</li>
 * <li><b>Parameters</b> are converted to their parameter's type ({@link Parameters}).</li>
 * <li><b>Values</b>: tags are JSON text, timestamps instants written in UTC ({@link ResultValues});
 * <b>column types</b> as tools expect them ({@link JdbcTypes}), the same for a prepared statement before it
 * runs as for its results.</li>
 * <li><b>Database metadata</b>: what Calcite leaves out or gets wrong ({@link DriverMetadata}).</li>
 * <li><b>Identity</b>: getConnection and getStatement return this layer's objects, and unwrap this layer's
 * object when it is what is asked for, else Calcite's ({@link Forwarding}).</li>
 * <li>Closing the connection closes what was opened with it (the demo's emulator).</li>
 * </ul>
 */
final class JdbcLayer {
    private JdbcLayer() {}

    /**
     * The user's connection over Calcite's; {@code url} is what DatabaseMetaData.getURL says, {@code onClose}
     * is closed after the connection (the demo's emulator).
     */
    static Connection wrap(Connection connection, String url, AutoCloseable onClose) {
        return new LayerConnection(connection, url, onClose);
    }

    private static final class LayerConnection extends ForwardingConnection {
        private final String url;
        private final AutoCloseable onClose;
        private final Properties clientInfo = new Properties();
        private boolean autoCommit = true;
        private int isolation = Connection.TRANSACTION_READ_COMMITTED;
        private SQLWarning warnings;

        LayerConnection(Connection calcite, String url, AutoCloseable onClose) {
            super(calcite);
            this.url = url;
            this.onClose = onClose;
        }

        @Override
        public boolean getAutoCommit() {
            return autoCommit;
        }

        @Override
        public void setAutoCommit(boolean autoCommit) {
            this.autoCommit = autoCommit;
        }

        @Override
        public void commit() {
            // nothing was written
        }

        @Override
        public void rollback() {
            // nothing was written
        }

        @Override
        public int getTransactionIsolation() {
            return isolation;
        }

        @Override
        public void setTransactionIsolation(int level) {
            isolation = level;
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }

        @Override
        public void setReadOnly(boolean readOnly) {
            // always read-only
        }

        @Override
        public void setClientInfo(String name, String value) {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }

        @Override
        public void setClientInfo(Properties properties) {
            clientInfo.clear();
            clientInfo.putAll(properties);
        }

        @Override
        public String getClientInfo(String name) {
            return clientInfo.getProperty(name);
        }

        @Override
        public Properties getClientInfo() {
            Properties copy = new Properties();
            copy.putAll(clientInfo);
            return copy;
        }

        /** No user-defined types: an empty map, as other drivers answer, rather than an exception. */
        @Override
        public Map<String, Class<?>> getTypeMap() {
            return new HashMap<>();
        }

        @Override
        public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
            if (map != null && !map.isEmpty()) {
                throw new SQLFeatureNotSupportedException("the imagebuilder-sql driver has no user-defined types to "
                        + "map; give an empty type map", "0A000");
            }
        }

        /**
         * Results are forward-only and read-only: a statement asked for another kind gets that kind with a
         * warning on the connection, as JDBC says a driver should.
         */
        @Override
        public Statement createStatement(int type, int concurrency) throws SQLException {
            return super.createStatement(supported(type, concurrency), ResultSet.CONCUR_READ_ONLY);
        }

        @Override
        public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
            return super.createStatement(supported(type, concurrency), ResultSet.CONCUR_READ_ONLY, holdability);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
            return super.prepareStatement(sql, supported(type, concurrency), ResultSet.CONCUR_READ_ONLY);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
                throws SQLException {
            return super.prepareStatement(sql, supported(type, concurrency), ResultSet.CONCUR_READ_ONLY, holdability);
        }

        private synchronized int supported(int type, int concurrency) {
            if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
                SQLWarning w = new SQLWarning("the imagebuilder-sql driver's results are forward-only and read-only: "
                        + "the statement gets a TYPE_FORWARD_ONLY, CONCUR_READ_ONLY result set", "01000");
                if (warnings == null) {
                    warnings = w;
                } else {
                    warnings.setNextWarning(w);
                }
            }
            return ResultSet.TYPE_FORWARD_ONLY;
        }

        @Override
        public synchronized SQLWarning getWarnings() {
            return warnings;
        }

        @Override
        public synchronized void clearWarnings() {
            warnings = null;
        }

        @Override
        Statement layer(Statement calcite) {
            return new LayerStatement(calcite, this);
        }

        @Override
        PreparedStatement layer(PreparedStatement calcite) {
            return new LayerPreparedStatement(calcite, this);
        }

        @Override
        DatabaseMetaData layer(DatabaseMetaData calcite) {
            return new DriverMetadata(calcite, target, this, url);
        }

        @Override
        public void close() throws SQLException {
            try {
                super.close();
            } finally {
                if (onClose != null) {
                    try {
                        onClose.close();
                    } catch (Exception e) {
                        throw SqlErrors.translate(e);
                    }
                }
            }
        }
    }

    /** A statement: its own warnings, installed as the scan listener while any of its methods runs. */
    static class LayerStatement extends ForwardingStatement {
        private final StatementWarnings warnings = new StatementWarnings(ScanListener.current());
        private final Connection connection;

        LayerStatement(Statement calcite, Connection connection) {
            super(calcite);
            this.connection = connection;
        }

        /** The scan takes the listener when it starts. */
        @Override
        <T> T call(SqlCall<T> call) throws SQLException {
            ScanListener before = ScanListener.CURRENT.get();
            ScanListener.CURRENT.set(warnings);
            try {
                return super.call(call);
            } finally {
                ScanListener.CURRENT.set(before);
            }
        }

        @Override
        public SQLWarning getWarnings() {
            return warnings.warnings();
        }

        @Override
        public void clearWarnings() {
            warnings.clear();
        }

        @Override
        final Connection layer(Connection calcite) {
            return connection;
        }

        @Override
        final ResultSet layer(ResultSet calcite) throws SQLException {
            return calcite == null ? null : new LayerResultSet(calcite, this, target.getLargeMaxRows());
        }
    }

    /** A prepared statement: parameters converted, and result set metadata as its result sets give it. */
    private static final class LayerPreparedStatement extends ForwardingPreparedStatement {
        LayerPreparedStatement(PreparedStatement calcite, Connection connection) {
            super(calcite, connection);
        }

        @Override
        public void setString(int index, String value) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        @Override
        public void setTimestamp(int index, Timestamp value) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        @Override
        public void setObject(int index, Object value) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        @Override
        public void setObject(int index, Object value, int targetType) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        @Override
        public void setObject(int index, Object value, int targetType, int scaleOrLength) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        @Override
        public void setObject(int index, Object value, SQLType targetType) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        @Override
        public void setObject(int index, Object value, SQLType targetType, int scaleOrLength) throws SQLException {
            run(() -> Parameters.set(prepared, index, value));
        }

        /** Described before execution exactly as its result sets describe themselves after. */
        @Override
        ResultSetMetaData layer(ResultSetMetaData calcite) {
            return new LayerResultSetMetaData(calcite);
        }

        @Override
        ParameterMetaData layer(ParameterMetaData calcite) {
            return new LayerParameterMetaData(calcite);
        }
    }

    /** A result set: values converted as {@link ResultValues} says, and at most {@code maxRows} rows. */
    static class LayerResultSet extends ForwardingResultSet {
        private final Statement statement;
        private final long maxRows;
        private long read;

        /** {@code statement} is null for DatabaseMetaData's result sets; {@code maxRows} 0 for no limit. */
        LayerResultSet(ResultSet calcite, Statement statement, long maxRows) {
            super(calcite);
            this.statement = statement;
            this.maxRows = maxRows;
        }

        @Override
        public boolean next() throws SQLException {
            if (maxRows > 0 && read >= maxRows) {
                return false;
            }
            boolean next = super.next();
            if (next) {
                read++;
            }
            return next;
        }

        @Override
        public Object getObject(int column) throws SQLException {
            return call(() -> ResultValues.object(target, column));
        }

        @Override
        public Object getObject(String column) throws SQLException {
            return call(() -> ResultValues.object(target, target.findColumn(column)));
        }

        @Override
        public <T> T getObject(int column, Class<T> type) throws SQLException {
            return call(() -> converted(ResultValues.object(target, column, type)));
        }

        @Override
        public <T> T getObject(String column, Class<T> type) throws SQLException {
            return call(() -> converted(ResultValues.object(target, target.findColumn(column), type)));
        }

        /** What ResultValues made of the value for the type asked for. */
        @SuppressWarnings("unchecked")
        private static <T> T converted(Object value) {
            return (T) value;
        }

        @Override
        Statement layer(Statement calcite) {
            return statement;
        }

        @Override
        ResultSetMetaData layer(ResultSetMetaData calcite) {
            return new LayerResultSetMetaData(calcite);
        }
    }

    /** Column types as {@link JdbcTypes} says tools expect them. */
    private static final class LayerResultSetMetaData extends ForwardingResultSetMetaData {
        LayerResultSetMetaData(ResultSetMetaData calcite) {
            super(calcite);
        }

        @Override
        public int getColumnType(int column) throws SQLException {
            return call(() -> JdbcTypes.type(target.getColumnType(column), target.getColumnTypeName(column)));
        }

        @Override
        public String getColumnTypeName(int column) throws SQLException {
            return call(() -> JdbcTypes.name(target.getColumnType(column), target.getColumnTypeName(column)));
        }

        @Override
        public String getColumnClassName(int column) throws SQLException {
            return call(() -> JdbcTypes.isMap(target.getColumnType(column), target.getColumnTypeName(column))
                    ? String.class.getName() : target.getColumnClassName(column));
        }

        @Override
        public int getPrecision(int column) throws SQLException {
            return call(() -> JdbcTypes.size(target.getColumnType(column), target.getColumnTypeName(column),
                    target.getPrecision(column)));
        }

        @Override
        public int getColumnDisplaySize(int column) throws SQLException {
            return call(() -> {
                int type = target.getColumnType(column);
                String name = target.getColumnTypeName(column);
                return JdbcTypes.type(type, name) == Types.VARCHAR || type == Types.TIMESTAMP
                        ? JdbcTypes.size(type, name, target.getPrecision(column)) : target.getColumnDisplaySize(column);
            });
        }

        @Override
        public boolean isSearchable(int column) {
            return true;
        }
    }

    /** As Calcite's, its errors translated. */
    private static final class LayerParameterMetaData extends ForwardingParameterMetaData {
        LayerParameterMetaData(ParameterMetaData calcite) {
            super(calcite);
        }
    }
}
