package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanFailedException;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failures that surface while rows are read (a partition failing, a cancel, a timeout) reach JDBC code
 * as the SQLExceptions it expects, with the connector's one-line message and a standard SQLSTATE.
 */
final class SqlErrors {
    /** Statements that would change something; Calcite answers them with a page of planner state. */
    private static final Pattern WRITE = Pattern.compile(
            "(?is)\\s*(?:(?:--[^\\n]*\\n|/\\*.*?\\*/)\\s*)*"
                    + "(insert|upsert|update|delete|merge|create|drop|alter|truncate)\\b.*");

    private SqlErrors() {}

    /** One line instead of Calcite's planner dump for anything that writes: the driver is read-only. */
    static void refuseWrites(String sql) throws SQLException {
        Matcher m = sql == null ? null : WRITE.matcher(sql);
        if (m != null && m.matches()) {
            throw new SQLNonTransientException("the imagebuilder-sql driver is read-only: "
                    + m.group(1).toUpperCase(Locale.ROOT) + " is not supported; only queries (SELECT, VALUES, "
                    + "EXPLAIN) are",
                    "25006");
        }
    }

    /**
     * Calcite wraps failures in "Error while executing SQL" followed by the whole statement, which for a
     * long IN list is hundreds of kilobytes; the connector's own failures are re-issued with their own line.
     */
    static SQLException translate(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof ScanFailedException || e instanceof Scope.ScopeException) {
                return new SQLException(e.getMessage(), "58000", t);
            }
            if (e instanceof ConfigException) {
                return new SQLException(e.getMessage(), "08001", t);
            }
            if (e instanceof ScanExecution.QueryTimeoutException) {
                return new SQLTimeoutException(e.getMessage(), "HYT00", t);
            }
            if (e instanceof CancellationException) {
                return new SQLException("statement cancelled: " + e.getMessage(), "HY008", t);
            }
        }
        if (t instanceof SQLException e) {
            return e;
        }
        if (t instanceof StackOverflowError) {
            return new SQLException("the statement is too deeply nested for Calcite to run (a very long IN list "
                    + "combined with other conditions?); simplify it or split it", "54001", t);
        }
        return new SQLException(t.getMessage() != null ? t.getMessage() : t.toString(), "HY000", t);
    }
}
