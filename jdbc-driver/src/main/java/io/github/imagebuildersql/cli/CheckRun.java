package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.cli.CheckReport.Finding;
import io.github.imagebuildersql.cli.CheckReport.Outcome;
import io.github.imagebuildersql.cli.CheckReport.Status;
import io.github.imagebuildersql.controls.Control;
import io.github.imagebuildersql.core.scan.ScanListener;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Runs controls over one connection, as a user would through JDBC. Every statement is prepared first, so a
 * control that does not compile or returns the wrong columns fails the check before any API call. Then each
 * table the controls read is scanned once, whole (every column but those that cost a call of their own per row
 * and no control names: {@link #columnsRead}), one table after the other, filling the connection's result
 * cache; the controls then run concurrently and are answered from it. Scanning up front rather than letting the
 * controls race: two controls reading the same table at the same moment would both miss the cache and both call
 * AWS.
 */
final class CheckRun {
    /** Controls run at once: running a plan is CPU work, and the API calls are made up front. */
    private static final int THREADS = 4;

    /** A control with the parameter values it runs with, and its query with those values in place. */
    record Planned(Control control, Map<String, String> values, String sql) {}

    private CheckRun() {}

    static List<Outcome> run(Connection connection, List<Planned> controls, ScanListener listener) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(THREADS, controls.size())), r -> {
            Thread t = new Thread(r, "imagebuilder-check");
            t.setDaemon(true);
            return t;
        });
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            prepareAll(connection, controls, statements);
            for (String table : tablesRead(connection, controls)) {
                try (Statement s = connection.createStatement();
                        ResultSet rs = s.executeQuery("select " + columnsRead(table, controls) + " from aws.\""
                                + table + "\"")) {
                    while (rs.next()) {
                        // every row, so that every page and detail call is made and kept
                    }
                }
            }
            return runAll(pool, controls, statements, listener);
        } finally {
            pool.shutdownNow();
            for (PreparedStatement s : statements) {
                s.close();
            }
        }
    }

    /**
     * Every control's statement, in order; the first control (in order) that cannot be prepared fails the run.
     * One after the other: Calcite registers a connection's statements in a map that is not safe to add to from
     * several threads (a statement prepared concurrently can be lost, and its execution then fails with
     * NoSuchStatementException). Running prepared statements concurrently only reads that map.
     */
    private static void prepareAll(Connection connection, List<Planned> controls, List<PreparedStatement> statements) {
        Failures.CliFailure failed = null;
        for (Planned p : controls) {
            try {
                statements.add(prepare(connection, p));
            } catch (Failures.CliFailure e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private static List<Outcome> runAll(ExecutorService pool, List<Planned> controls, List<PreparedStatement> statements,
            ScanListener listener) throws InterruptedException {
        List<Callable<Outcome>> running = new ArrayList<>();
        for (int i = 0; i < controls.size(); i++) {
            Planned p = controls.get(i);
            PreparedStatement statement = statements.get(i);
            running.add(() -> {
                ScanListener.CURRENT.set(listener); // a partition skipped again is reported, once, by the listener
                try {
                    return new Outcome(p.control(), p.values(), findings(p.control(), statement));
                } finally {
                    ScanListener.CURRENT.remove();
                }
            });
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Future<Outcome>> done = pool.invokeAll(running);
        for (int i = 0; i < done.size(); i++) {
            outcomes.add(result(done.get(i), controls.get(i)));
        }
        return outcomes;
    }

    private static PreparedStatement prepare(Connection connection, Planned p) {
        PreparedStatement statement = null;
        try {
            statement = connection.prepareStatement(p.sql());
            checkColumns(p.control(), statement.getMetaData());
            return statement;
        } catch (SQLException | RuntimeException e) {
            if (statement != null) {
                try {
                    statement.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw failure(p, e);
        }
    }

    private static void checkColumns(Control control, ResultSetMetaData md) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (!Control.COLUMNS.contains(label)) {
                throw new Failures.CliFailure(ExitCode.USAGE, control.source() + ": the query returns a column '"
                        + md.getColumnLabel(i) + "'; a control returns " + String.join(", ", Control.COLUMNS.subList(0,
                        5)) + " and optionally dimensions");
            }
            columns.add(label);
        }
        for (String required : Control.COLUMNS.subList(0, 5)) {
            if (!columns.contains(required)) {
                throw new Failures.CliFailure(ExitCode.USAGE, control.source() + ": the query returns no column '"
                        + required + "'; a control returns " + String.join(", ", Control.COLUMNS.subList(0, 5))
                        + " and optionally dimensions");
            }
        }
    }

    private static List<Finding> findings(Control control, PreparedStatement statement) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            boolean dimensions = false;
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                dimensions |= md.getColumnLabel(i).equalsIgnoreCase("dimensions");
            }
            while (rs.next()) {
                String text = rs.getString("status");
                Status status = text == null ? null : Status.of(text.strip().toLowerCase(Locale.ROOT));
                if (status == null) {
                    throw new Failures.CliFailure(ExitCode.USAGE, control.source() + ": status '" + text + "' of "
                            + rs.getString("resource") + " is not one of ok, alarm, info, skip");
                }
                findings.add(new Finding(rs.getString("resource"), rs.getString("account_id"), rs.getString("region"),
                        status, rs.getString("reason"), dimensions ? rs.getString("dimensions") : null));
            }
        }
        findings.sort(Finding.ORDER);
        return findings;
    }

    /** The tables the controls' queries name, in the order the driver lists them. */
    static List<String> tablesRead(Connection connection, List<Planned> controls) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "aws", "%", null)) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (named(table, controls)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    /**
     * The columns the up-front scan of a table reads: every one, but a column with a call of its own per row
     * ({@code resource_policy}) only if a control names it, since nothing else would read its answers.
     */
    static String columnsRead(String table, List<Planned> controls) {
        List<String> columns = new ArrayList<>();
        for (Column<?> c : Tables.definition(table).columns()) {
            if (c.call() == null || named(c.name(), controls)) {
                columns.add("\"" + c.name() + "\"");
            }
        }
        return String.join(", ", columns);
    }

    private static boolean named(String name, List<Planned> controls) {
        Pattern named = Pattern.compile("\\b" + Pattern.quote(name) + "\\b", Pattern.CASE_INSENSITIVE);
        return controls.stream().anyMatch(p -> named.matcher(p.sql()).find());
    }

    private static <T> T result(Future<T> future, Planned control) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Failures.CliFailure f) {
                throw f;
            }
            throw failure(control, cause);
        }
    }

    /** What went wrong in a control, as one line naming its file; the exit status is the cause's. */
    private static Failures.CliFailure failure(Planned p, Throwable cause) {
        if (cause instanceof Failures.CliFailure f) {
            return f;
        }
        String where = p == null ? "" : p.control().source() + ": ";
        Failures.CliFailure f = new Failures.CliFailure(Failures.exitCode(cause), where + Failures.message(cause));
        f.initCause(cause);
        return f;
    }
}
