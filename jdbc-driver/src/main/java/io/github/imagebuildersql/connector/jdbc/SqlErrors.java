package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanFailedException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import org.apache.calcite.runtime.CalciteContextException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParseException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Whatever goes wrong reaches JDBC code as the SQLException it expects, with one line naming the problem and
 * a standard SQLSTATE: failures that surface while rows are read (a partition failing, a cancel, a timeout),
 * statements refused because they write, syntax and validation errors (42000), data errors such as a
 * division by zero or a text that is not a number (22xxx), and Avatica's own exceptions, some of which have
 * neither message nor SQLSTATE.
 */
final class SqlErrors {
    private SqlErrors() {}

    /**
     * Calcite wraps failures in "Error while executing SQL" followed by the whole statement, which for a
     * long IN list is hundreds of kilobytes; the connector's own failures are re-issued with their own line.
     */
    static SQLException translate(Throwable t) {
        String credentials = credentialsProblem(t);
        if (credentials != null) {
            return new SQLNonTransientConnectionException(credentials, "08001", t);
        }
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof ScanFailedException || e instanceof Scope.ScopeException
                    || e instanceof ScanExecution.WorkerFailedException) {
                return new SQLException(e.getMessage(), "58000", t);
            }
            if (e instanceof InListLimit.StatementTooComplexException) {
                return new SQLException(e.getMessage(), "54001", t);
            }
            if (e instanceof ConfigException) {
                return new SQLException(e.getMessage(), "08001", t);
            }
            if (e instanceof ScanExecution.QueryTimeoutException) {
                return new SQLTimeoutException(e.getMessage(), "HYT00", t);
            }
            if (e instanceof StatementParser.WriteRefused) {
                return new SQLNonTransientException(e.getMessage(), "25006", t);
            }
            if (e instanceof CancellationException) {
                return new SQLException("statement cancelled: " + e.getMessage(), "HY008", t);
            }
            if (e instanceof SqlParseException && !(e.getCause() instanceof StatementParser.WriteRefused)
                    || e instanceof CalciteContextException) {
                return new SQLSyntaxErrorException(e.getMessage(), "42000", t);
            }
            if (e instanceof ArithmeticException) {
                return "/ by zero".equals(e.getMessage()) ? new SQLDataException("division by zero", "22012", t)
                        : new SQLDataException("numeric value out of range: " + e.getMessage(), "22003", t);
            }
            if (e instanceof NumberFormatException) {
                return new SQLDataException(notANumber(e.getMessage()), "22018", t);
            }
        }
        if (t instanceof SQLException e) {
            return complete(e);
        }
        if (t instanceof StackOverflowError) {
            return new SQLException("the statement is too deeply nested for Calcite to run (a very long IN list "
                    + "combined with other conditions?); simplify it or split it", "54001", t);
        }
        return new SQLException(t.getMessage() != null ? t.getMessage() : t.toString(), "HY000", t);
    }

    /**
     * No credentials, or a profile without them: a setting to fix, said in one line, rather than the SDK's
     * account of every provider it tried (about 1,400 characters).
     */
    private static String credentialsProblem(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            String m = e instanceof SdkClientException && e.getMessage() != null ? e.getMessage() : "";
            if (m.startsWith("Unable to load credentials from any of the providers")) {
                return "no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or choose a profile "
                        + "(AWS_PROFILE, or the property profile), or run 'aws sso login'; demo=true (--demo) needs none";
            }
            Matcher profile = PROFILE.matcher(m);
            if (profile.find()) {
                return "profile '" + profile.group(1) + "' has no credentials in the AWS config and credentials files: "
                        + "check its name ('aws configure list-profiles'), or run 'aws sso login --profile "
                        + profile.group(1) + "'";
            }
        }
        return null;
    }

    private static final Pattern PROFILE = Pattern.compile("(?:Profile file contained no credentials for profile|"
            + "profile file contained no credentials for profile) '([^']*)'", Pattern.CASE_INSENSITIVE);

    /** Java's {@code For input string: "abc"}, said of SQL: a text compared with or cast to a number. */
    private static String notANumber(String message) {
        String prefix = "For input string: ";
        String value = message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        return "cannot convert " + value + " to a number (a text value compared with, or cast to, a number)";
    }

    /** Avatica's own exceptions, some without a message or a SQLSTATE, given both. */
    private static SQLException complete(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SQLFeatureNotSupportedException && (e.getMessage() == null || e.getSQLState() == null)) {
            return new SQLFeatureNotSupportedException("not supported by the imagebuilder-sql driver, whose results "
                    + "are forward-only and read-only" + (message.isEmpty() ? "" : ": " + message), "0A000", e);
        }
        if (e.getSQLState() != null) {
            return e;
        }
        if (message.endsWith("unbound parameter")) {
            return new SQLException("a parameter marker (?) has no value; set every parameter before executing the "
                    + "statement", "07001", e);
        }
        if (message.equals("Connection closed")) {
            return new SQLNonTransientConnectionException("the connection is closed", "08003", e);
        }
        if (message.equals("Statement closed") || message.equals("ResultSet closed")) {
            return new SQLException("the " + message.substring(0, message.indexOf(' ')).toLowerCase(Locale.ROOT)
                    .replace("resultset", "result set") + " is closed", "HY010", e);
        }
        if (message.startsWith("parameter ordinal ")) {
            return new SQLException(message.replace("parameter ordinal", "parameter"), "07009", e);
        }
        return new SQLException(message.isEmpty() ? e.toString() : message, "HY000", e);
    }
}
