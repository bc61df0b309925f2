package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanFailedException;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.CancellationException;

/**
 * Failures that surface while rows are read (a partition failing, a cancel, a timeout), and statements
 * refused because they write, reach JDBC code as the SQLExceptions it expects, with the connector's
 * one-line message and a standard SQLSTATE.
 */
final class SqlErrors {
    private SqlErrors() {}

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
            if (e instanceof ReadOnlyParser.WriteRefused) {
                return new SQLNonTransientException(e.getMessage(), "25006", t);
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
