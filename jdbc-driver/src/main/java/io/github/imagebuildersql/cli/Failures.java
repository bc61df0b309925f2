package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.core.aws.AwsErrors;
import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanFailedException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns whatever went wrong into one clear line and an exit status. */
final class Failures {
    private Failures() {}

    /** A failure the command itself detected, with the status it means. */
    static final class CliFailure extends RuntimeException {
        final int exitCode;

        CliFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    static int exitCode(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof CliFailure f) {
                return f.exitCode;
            }
            if (e instanceof ConfigException || e instanceof CalciteContextException || e instanceof SqlParseException
                    || e instanceof SqlValidatorException || e instanceof IOException) {
                return ExitCode.USAGE;
            }
            if (e instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().equals("08001")
                    || s.getSQLState().equals("25006") || s.getSQLState().equals("54001")
                    || s.getSQLState().startsWith("22") || s.getSQLState().startsWith("42"))) {
                // a bad connection setting, a statement that writes or is too complex to run, bad SQL or bad data
                return ExitCode.USAGE;
            }
            if (e instanceof ScanFailedException || e instanceof Scope.ScopeException || e instanceof SdkException
                    || e instanceof ScanExecution.QueryTimeoutException) {
                return ExitCode.AWS;
            }
            if (e instanceof InterruptedException || e instanceof CancellationException) {
                return ExitCode.INTERRUPTED;
            }
        }
        return ExitCode.INTERNAL;
    }

    /** The most telling message in the chain, on one line. */
    static String message(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof CliFailure || e instanceof ConfigException || e instanceof ScanFailedException
                    || e instanceof Scope.ScopeException || e instanceof CalciteContextException
                    || e instanceof ScanExecution.QueryTimeoutException || e instanceof CancellationException
                    || e instanceof ScanExecution.WorkerFailedException) {
                return firstLine(e.getMessage());
            }
            if (e instanceof AccessDeniedException denied) {
                Path file = Path.of(denied.getFile());
                return "permission denied: cannot write in " + (file.getParent() != null ? file.getParent() : file)
                        + "; choose a directory you can write to";
            }
            if (e instanceof SdkException s) {
                return AwsErrors.code(s) + ": " + AwsErrors.message(s);
            }
            if (e instanceof SQLException s && s.getSQLState() != null && !s.getSQLState().startsWith("HY")) {
                return firstLine(s.getMessage());
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage() != null ? root.getMessage() : root.toString());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        String line = s.strip().lines().findFirst().orElse(s);
        return line.replaceFirst("^Error while executing SQL \"[^\"]*\": ", "");
    }
}
