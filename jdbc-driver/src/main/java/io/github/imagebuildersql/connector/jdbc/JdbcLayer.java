package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.scan.ScanListener;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Properties;

/**
 * A thin layer over Avatica's connection, statements and result sets, for what Avatica does not do as
 * JDBC tools expect:
 * <ul>
 * <li>each statement gets its own {@link StatementWarnings} (Avatica's getWarnings() is always null),
 * installed as the scan listener while it executes, and a failure that surfaces while rows are read
 * becomes an SQLException rather than escaping as a runtime exception;</li>
 * <li>transactions: nothing is ever written, so auto-commit is on, commit and rollback succeed and do
 * nothing (Spark commits on close, pools roll back on return), and any isolation level is accepted;
 * client info (DataGrip's and Tableau's ApplicationName) is kept;</li>
 * <li>writes are refused with one line; a PreparedStatement honours setMaxRows (Calcite fixes the limit
 * when it prepares); parameters and column values are converted as {@link Parameters} and
 * {@link ResultValues} say; DatabaseMetaData and ResultSetMetaData answer as {@link DriverMetadata} and
 * {@link JdbcTypes} say; every object's getConnection/getStatement returns this layer's object.</li>
 * </ul>
 * Everything else, unwrap() included, passes straight through (the Forwarding classes), and whatever
 * Calcite throws comes back as one SQLException (see {@link Forwarding}).
 */
final class JdbcLayer {
    private JdbcLayer() {}

    /** The user's connection over Calcite's; {@code onClose} is closed after it (the demo's emulator). */
    static Connection wrap(Connection connection, AutoCloseable onClose) {
        return new LayerConnection(connection, onClose);
    }

    private static final class LayerConnection extends ForwardingConnection {
        private final AutoCloseable onClose;
        private final Properties clientInfo = new Properties();
        private boolean autoCommit = true;
        private int isolation = Connection.TRANSACTION_READ_COMMITTED;

        LayerConnection(Connection calcite, AutoCloseable onClose) {
            super(calcite);
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
        public void setReadOnly(boolean readOnly) {
            // always read-only
        }

        @Override
        public boolean isReadOnly() {
            return true;
        }

        @Override
        public void setClientInfo(String name, String value) throws SQLClientInfoException {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }

        @Override
        public void setClientInfo(Properties properties) throws SQLClientInfoException {
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

        @Override
        public DatabaseMetaData getMetaData() throws SQLException {
            return metaData(super.getMetaData(), target, this);
        }

        @Override
        public Statement createStatement() throws SQLException {
            return new LayerStatement(super.createStatement(), this);
        }

        @Override
        public Statement createStatement(int type, int concurrency) throws SQLException {
            return new LayerStatement(super.createStatement(type, concurrency), this);
        }

        @Override
        public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
            return new LayerStatement(super.createStatement(type, concurrency, holdability), this);
        }

        @Override
        public PreparedStatement prepareStatement(String sql) throws SQLException {
            return new LayerPreparedStatement(super.prepareStatement(sql), this);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
            return new LayerPreparedStatement(super.prepareStatement(sql, type, concurrency), this);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
                throws SQLException {
            return new LayerPreparedStatement(super.prepareStatement(sql, type, concurrency, holdability), this);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
            return new LayerPreparedStatement(super.prepareStatement(sql, autoGeneratedKeys), this);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
            return new LayerPreparedStatement(super.prepareStatement(sql, columnIndexes), this);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
            return new LayerPreparedStatement(super.prepareStatement(sql, columnNames), this);
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

    private static DatabaseMetaData metaData(DatabaseMetaData md, Connection calcite, Connection connection) {
        // A proxy: its answers are looked up by method name (DriverMetadata), and only tools ask for it.
        return (DatabaseMetaData) Proxy.newProxyInstance(JdbcLayer.class.getClassLoader(),
                new Class<?>[] {DatabaseMetaData.class}, (p, method, args) -> {
                    String name = method.getName();
                    if ((name.equals("unwrap") || name.equals("isWrapperFor")) && args[0] instanceof Class<?> c
                            && c.isInstance(p)) {
                        return name.equals("unwrap") ? p : Boolean.TRUE;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (name) {
                            case "equals" -> p == args[0];
                            case "hashCode" -> System.identityHashCode(p);
                            default -> "DatabaseMetaData over " + md;
                        };
                    }
                    if (name.equals("getConnection")) {
                        return connection;
                    }
                    try {
                        Object answer = DriverMetadata.answer(calcite, name, args);
                        return answer != DriverMetadata.CALCITE ? answer : method.invoke(md, args);
                    } catch (InvocationTargetException e) {
                        Throwable cause = e.getCause();
                        throw cause instanceof RuntimeException || cause instanceof SQLException
                                || cause instanceof StackOverflowError ? SqlErrors.translate(cause) : cause;
                    } catch (RuntimeException e) {
                        throw SqlErrors.translate(e);
                    }
                });
    }

    /**
     * A statement: its own warnings, installed as the scan listener while any of its methods runs (the
     * scan takes the listener when it starts), and result sets of the layer.
     */
    static class LayerStatement extends ForwardingStatement {
        private final StatementWarnings warnings = new StatementWarnings(ScanListener.current());
        private final Connection connection;

        LayerStatement(Statement calcite, Connection connection) {
            super(calcite);
            this.connection = connection;
        }

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

        /** maxRows is applied here as well as by Calcite: a PreparedStatement's limit is fixed when it is prepared. */
        final ResultSet resultSet(ResultSet rs) throws SQLException {
            return rs == null ? null : new LayerResultSet(rs, this, target.getLargeMaxRows());
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
        public Connection getConnection() {
            return connection;
        }

        @Override
        public ResultSet executeQuery(String sql) throws SQLException {
            return resultSet(super.executeQuery(sql));
        }

        @Override
        public ResultSet getResultSet() throws SQLException {
            return resultSet(super.getResultSet());
        }

        @Override
        public ResultSet getGeneratedKeys() throws SQLException {
            return resultSet(super.getGeneratedKeys());
        }

    }

    /** A prepared statement: parameters converted as {@link Parameters} says. */
    private static final class LayerPreparedStatement extends ForwardingPreparedStatement {
        LayerPreparedStatement(PreparedStatement calcite, Connection connection) {
            super(calcite, connection);
        }

        @Override
        public ResultSet executeQuery() throws SQLException {
            return resultSet(super.executeQuery());
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
    }

    /**
     * A result set: values converted as {@link ResultValues} says; at most {@code maxRows} rows, and
     * stopping early closes the scan, so the calls for the rest are never made.
     */
    private static final class LayerResultSet extends ForwardingResultSet {
        private final Statement statement;
        private final long maxRows;
        private long read;

        LayerResultSet(ResultSet calcite, Statement statement, long maxRows) {
            super(calcite);
            this.statement = statement;
            this.maxRows = maxRows;
        }

        @Override
        public Statement getStatement() {
            return statement;
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
        public ResultSetMetaData getMetaData() throws SQLException {
            return new LayerResultSetMetaData(super.getMetaData());
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
}
