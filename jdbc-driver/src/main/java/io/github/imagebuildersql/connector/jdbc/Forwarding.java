package io.github.imagebuildersql.connector.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * What the JDBC layer's classes share: whatever a call to Calcite's object throws comes back as one
 * SQLException (see {@link SqlErrors#translate}). The Forwarding classes, generated at build time from the
 * java.sql interfaces (src/build/ForwardingGenerator.java), send every JDBC method through here. They are
 * classes rather than dynamic proxies because a JVM generates a proxy's class when it first needs it, about
 * 95 ms of CPU for a connection, a prepared statement and a result set.
 */
abstract class Forwarding implements Wrapper {
    private final String kind;
    private final Wrapper target;

    Forwarding(String kind, Wrapper target) {
        this.kind = kind;
        this.target = target;
    }

    interface SqlCall<T> {
        T call() throws SQLException;
    }

    interface SqlRun {
        void run() throws SQLException;
    }

    <T> T call(SqlCall<T> call) throws SQLException {
        try {
            return call.call();
        } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
            // the last: a data error (1/0) in a constant of Calcite's generated code, which a tool's worker
            // thread must not die of
            throw SqlErrors.translate(e);
        }
    }

    final void run(SqlRun run) throws SQLException {
        call(() -> {
            run.run();
            return null;
        });
    }

    /** This object when it is what is asked for, else whatever Calcite's object can be. */
    @Override
    public final <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : call(() -> target.unwrap(type));
    }

    @Override
    public final boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || call(() -> target.isWrapperFor(type));
    }

    @Override
    public String toString() {
        return kind + " over " + target;
    }
}
