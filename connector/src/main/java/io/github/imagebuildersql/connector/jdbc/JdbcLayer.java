package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.scan.ScanListener;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
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
 * Everything else, unwrap() included, passes straight through.
 */
final class JdbcLayer {
    private JdbcLayer() {}

    /** The user's connection over Calcite's; {@code onClose} is closed after it (the demo's emulator). */
    static Connection wrap(Connection connection, AutoCloseable onClose) {
        Connection[] self = new Connection[1];
        boolean[] autoCommit = {true};
        int[] isolation = {Connection.TRANSACTION_READ_COMMITTED};
        Properties clientInfo = new Properties();
        self[0] = proxy(Connection.class, connection, (method, args) -> {
            switch (method.getName()) {
                case "getAutoCommit":
                    return autoCommit[0];
                case "setAutoCommit":
                    autoCommit[0] = (Boolean) args[0];
                    return null;
                case "commit", "rollback":
                    if (args == null) {
                        return null;
                    }
                    break;
                case "getTransactionIsolation":
                    return isolation[0];
                case "setTransactionIsolation":
                    isolation[0] = (Integer) args[0];
                    return null;
                case "setReadOnly":
                    return null;
                case "isReadOnly":
                    return true;
                case "setClientInfo":
                    if (args.length == 1) {
                        clientInfo.clear();
                        clientInfo.putAll((Properties) args[0]);
                    } else if (args[1] == null) {
                        clientInfo.remove(args[0]);
                    } else {
                        clientInfo.setProperty((String) args[0], (String) args[1]);
                    }
                    return null;
                case "getClientInfo":
                    if (args == null) {
                        Properties copy = new Properties();
                        copy.putAll(clientInfo);
                        return copy;
                    }
                    return clientInfo.getProperty((String) args[0]);
                case "getMetaData":
                    return metaData(connection.getMetaData(), connection, self[0]);
                case "prepareStatement", "prepareCall":
                    SqlErrors.refuseWrites((String) args[0]);
                    break;
                case "close":
                    try {
                        connection.close();
                    } finally {
                        if (onClose != null) {
                            onClose.close();
                        }
                    }
                    return null;
                default:
                    break;
            }
            Object result = invoke(connection, method, args);
            return result instanceof Statement s ? statement(s, self[0]) : result;
        });
        return self[0];
    }

    private static DatabaseMetaData metaData(DatabaseMetaData md, Connection calcite, Connection connection) {
        return proxy(DatabaseMetaData.class, md, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            Object answer = DriverMetadata.answer(calcite, method.getName(), args);
            return answer != DriverMetadata.CALCITE ? answer : invoke(md, method, args);
        });
    }

    private static Statement statement(Statement statement, Connection connection) {
        StatementWarnings warnings = new StatementWarnings(ScanListener.current());
        Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        Statement[] self = new Statement[1];
        self[0] = proxy(type, statement, (method, args) -> {
            String name = method.getName();
            switch (name) {
                case "getWarnings":
                    return warnings.warnings();
                case "clearWarnings":
                    warnings.clear();
                    return null;
                case "getConnection":
                    return connection;
                case "setString", "setObject", "setTimestamp":
                    if (statement instanceof PreparedStatement p && args[0] instanceof Integer index
                            && (name.equals("setObject") || args.length == 2)) {
                        Parameters.set(p, index, args[1]);
                        return null;
                    }
                    break;
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch":
                    if (args != null && args.length > 0 && args[0] instanceof String sql) {
                        SqlErrors.refuseWrites(sql);
                    }
                    break;
                default:
                    break;
            }
            ScanListener before = ScanListener.CURRENT.get();
            ScanListener.CURRENT.set(warnings);
            try {
                Object result = invoke(statement, method, args);
                return result instanceof ResultSet rs ? resultSet(rs, self[0], statement.getLargeMaxRows()) : result;
            } finally {
                ScanListener.CURRENT.set(before);
            }
        });
        return self[0];
    }

    /**
     * {@code maxRows} is applied here as well as by Calcite, because a PreparedStatement's limit is fixed
     * when it is prepared; stopping early closes the scan, so the calls for the rest are never made.
     */
    private static ResultSet resultSet(ResultSet rs, Statement statement, long maxRows) {
        long[] read = {0};
        return proxy(ResultSet.class, rs, (method, args) -> {
            switch (method.getName()) {
                case "getStatement":
                    return statement;
                case "next":
                    if (maxRows > 0 && read[0] >= maxRows) {
                        return false;
                    }
                    boolean next = (Boolean) invoke(rs, method, args);
                    if (next) {
                        read[0]++;
                    }
                    return next;
                case "getMetaData":
                    return resultMetaData(rs.getMetaData());
                case "getObject":
                    if (args.length == 1) {
                        return ResultValues.object(rs, ResultValues.index(rs, args[0]));
                    }
                    if (args[1] instanceof Class<?> type) {
                        return ResultValues.object(rs, ResultValues.index(rs, args[0]), type);
                    }
                    break;
                default:
                    break;
            }
            return invoke(rs, method, args);
        });
    }

    private static ResultSetMetaData resultMetaData(ResultSetMetaData md) {
        return proxy(ResultSetMetaData.class, md, (method, args) -> ResultValues.overridesMetaData(method.getName())
                ? ResultValues.metaData(md, method.getName(), (Integer) args[0]) : invoke(md, method, args));
    }

    private interface Call {
        Object call(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<? extends T> type, T target, Call call) {
        InvocationHandler h = (p, method, args) -> {
            String name = method.getName();
            if ((name.equals("unwrap") || name.equals("isWrapperFor")) && args != null
                    && args[0] instanceof Class<?> c && c.isInstance(p)) {
                return name.equals("unwrap") ? p : Boolean.TRUE;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (name) {
                    case "equals" -> p == args[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> type.getSimpleName() + " over " + target;
                };
            }
            try {
                return call.call(method, args);
            } catch (RuntimeException e) {
                boolean declared = Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
                throw declared ? SqlErrors.translate(e) : e;
            }
        };
        @SuppressWarnings("unchecked")
        T proxy = (T) Proxy.newProxyInstance(JdbcLayer.class.getClassLoader(), new Class<?>[] {type}, h);
        return proxy;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            boolean declaresSqlException = Arrays.asList(method.getExceptionTypes())
                    .contains(java.sql.SQLException.class);
            boolean translatable = cause instanceof RuntimeException || cause instanceof SQLException
                    || cause instanceof StackOverflowError;
            throw translatable && declaresSqlException ? SqlErrors.translate(cause) : cause;
        }
    }
}
