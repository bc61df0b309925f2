package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.config.ConfigException;
import io.github.imagebuildersql.connector.partition.Scope;
import io.github.imagebuildersql.connector.scan.ScanExecution;
import io.github.imagebuildersql.connector.scan.ScanFailedException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.CancellationException;

/**
 * Failures that surface while rows are read (a partition failing, a cancel, a timeout) reach JDBC code
 * as the SQLExceptions it expects, with the connector's one-line message and a standard SQLSTATE.
 */
final class SqlErrors {
    private SqlErrors() {}

    static SQLException translate(Throwable t) {
        if (t instanceof SQLException e) {
            return e;
        }
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
        return new SQLException(t.getMessage() != null ? t.getMessage() : t.toString(), "HY000", t);
    }
}
