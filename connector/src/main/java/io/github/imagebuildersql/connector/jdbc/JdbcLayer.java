package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.scan.ScanListener;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * A thin layer over Avatica's connection, statements and result sets, for two things Avatica does not
 * do: each statement gets its own {@link StatementWarnings} (Avatica's getWarnings() is always null),
 * installed as the scan listener while it executes; and a failure that surfaces while rows are read
 * becomes an SQLException rather than escaping as a runtime exception. Everything else, unwrap()
 * included, passes straight through.
 */
final class JdbcLayer {
    private JdbcLayer() {}

    static Connection wrap(Connection connection) {
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, connection, (method, args) -> {
            Object result = invoke(connection, method, args);
            return result instanceof Statement s ? statement(s, self[0]) : result;
        });
        return self[0];
    }

    private static Statement statement(Statement statement, Connection connection) {
        StatementWarnings warnings = new StatementWarnings(ScanListener.current());
        Class<? extends Statement> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        Statement[] self = new Statement[1];
        self[0] = proxy(type, statement, (method, args) -> {
            switch (method.getName()) {
                case "getWarnings":
                    return warnings.warnings();
                case "clearWarnings":
                    warnings.clear();
                    return null;
                case "getConnection":
                    return connection;
                default:
                    break;
            }
            ScanListener before = ScanListener.CURRENT.get();
            ScanListener.CURRENT.set(warnings);
            try {
                Object result = invoke(statement, method, args);
                return result instanceof ResultSet rs ? resultSet(rs, self[0]) : result;
            } finally {
                ScanListener.CURRENT.set(before);
            }
        });
        return self[0];
    }

    private static ResultSet resultSet(ResultSet rs, Statement statement) {
        return proxy(ResultSet.class, rs, (method, args) ->
                method.getName().equals("getStatement") ? statement : invoke(rs, method, args));
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
            return call.call(method, args);
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
