package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.core.scan.PartitionFailure;
import io.github.imagebuildersql.core.scan.ScanScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * The inventory and its history in PostgreSQL. The whole sync is one transaction: readers see the
 * previous state or the new one, and a sync that fails or is interrupted leaves the database as it was.
 */
final class SyncCommand extends ConnectedCommand implements Callable<Integer> {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    SyncCommand() {
        super("sync", new String[] {"Copies the inventory into PostgreSQL: each table's current rows, every version of "
                + "every row (<table>_history, with _valid_from and _valid_to), and one sync_runs row per run. One "
                + "transaction: a failed or interrupted sync changes nothing."},
                "", "Exit status: 0 synced; 2 bad usage, configuration or target database; 3 AWS failure "
                        + "(onError=fail: nothing written) or a skipped partition (its rows kept as they were, the run "
                        + "is partial); 130 interrupted.", "",
                "Example (cron, nightly; the password in PGPASSWORD, not on the command line):",
                "  imagebuilder-sql sync --accounts org --roleName ImageBuilderReadOnly \\",
                "      --regions all \\",
                "      --to 'jdbc:postgresql://db.internal/inventory?user=inventory'");
        spec.addOption(Grammar.option("--to", "JDBC_URL", String.class, "The PostgreSQL database, e.g. "
                + "jdbc:postgresql://HOST/DB?user=NAME. A password may be in the URL or, better, in the PGPASSWORD "
                + "environment variable; it is never printed.").required(true).build());
        spec.addOption(Grammar.option("--schema", "NAME", String.class,
                "The schema to write to, created if missing (default: imagebuilder).").defaultValue("imagebuilder").build());
        spec.addOption(Grammar.option("--table", "NAME", List.class, "A table to sync (repeatable; default: all tables).")
                .auxiliaryTypes(String.class).build());
        spec.addOption(Grammar.flag("--allow-mass-delete", "Let this sync remove more than half of a table's rows in "
                + "the accounts and regions it scans (more than 10 rows), which it otherwise refuses, writing nothing.")
                .build());
        spec.addOption(Grammar.option("--load", "LOADING", TableSync.Loading.class,
                "copy or insert: how rows reach PostgreSQL (for the benchmark).").defaultValue("copy").hidden(true).build());
    }

    /** What the shutdown hook and the committing thread agree on. */
    private final Object commitLock = new Object();
    private boolean committed;
    private boolean interrupted;

    @Override
    public Integer call() throws Exception {
        String schema = schema();
        if (!SCHEMA.matcher(schema).matches()) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--schema '" + schema
                    + "': use lower-case letters, digits and _ (a plain PostgreSQL name), e.g. imagebuilder");
        }
        TargetUrl target = TargetUrl.parse(Grammar.value(spec, "--to"), System.getenv("PGPASSWORD"));
        try {
            return sync(target);
        } catch (Exception e) {
            if (fromPostgres(e)) {
                // The target refused something (permissions, disk, a conflicting table): the user's to fix.
                throw new Failures.CliFailure(ExitCode.USAGE, "--to " + target.redacted() + ": PostgreSQL: "
                        + target.scrub(Failures.message(e)) + "; nothing was written");
            }
            if (target.leaksIn(e)) {
                throw new Failures.CliFailure(Failures.exitCode(e), target.scrub(Failures.message(e)));
            }
            throw e;
        }
    }

    private String schema() {
        return Grammar.value(spec, "--schema");
    }

    private int sync(TargetUrl target) throws Exception {
        try (Connecting.Session session = open(); Reporter reporter = reporter(false);
                Connection pg = target.connect()) {
            List<SyncedTable> selected = SyncedTable.discover(session.connection, Grammar.value(spec, "--table"));
            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            SyncRuns runs = new SyncRuns(schema());
            pg.setAutoCommit(true);
            try (Statement s = pg.createStatement()) {
                s.execute("create schema if not exists " + SyncedTable.quote(schema()));
                runs.create(s);
            }
            long runId = runs.start(pg, startedAt);
            Thread onInterrupt = new Thread(() -> recordInterrupt(target, runs, runId), "sync-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            List<TableSync.Changes> results = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<ScanScope> scopes = new ArrayList<>();
            try {
                pg.setAutoCommit(false);
                oneSyncAtATime(pg);
                for (SyncedTable table : selected) {
                    TableSync sync = new TableSync(pg, schema(), table);
                    sync.prepareTargets();
                    int before = reporter.skipped().size();
                    try (PreparedStatement statement = session.prepare(table.select());
                            ResultSet rows = statement.executeQuery()) {
                        sync.stage(rows, Grammar.<TableSync.Loading>value(spec, "--load"));
                    }
                    List<PartitionFailure> failed = reporter.skipped().subList(before, reporter.skipped().size());
                    failed.forEach(f -> skipped.add(f.describe()));
                    ScanScope scope = reporter.scope(table.name());
                    if (scope == null) {
                        throw new IllegalStateException(table.name() + ": the scan did not say what it covered");
                    }
                    scopes.add(scope);
                    results.add(sync.apply(startedAt, scope, TableSync.partitionKeys(failed),
                            Grammar.<Boolean>value(spec, "--allow-mass-delete")));
                }
                String status = skipped.isEmpty() ? "ok" : "partial";
                synchronized (commitLock) {
                    if (interrupted) {
                        throw new InterruptedException("interrupted");
                    }
                    runs.finish(pg, runId, status, results, skipped, null, SyncRuns.scope(selected, scopes));
                    pg.commit();
                    committed = true;
                }
            } catch (Exception e) {
                rollbackQuietly(pg);
                recordFailure(pg, runs, runId, target.scrub(Failures.message(e)));
                throw e;
            } finally {
                removeHook(onInterrupt);
            }
            for (TableSync.Changes c : results) {
                out().println(c.summary());
            }
            out().flush();
            if (!skipped.isEmpty()) {
                err().println("warning: the sync is partial: " + skipped.size() + " partition(s) were skipped; their "
                        + "rows and history were kept as they were");
                return ExitCode.AWS;
            }
            return ExitCode.OK;
        }
    }

    /**
     * Two syncs into one schema at once would both see the same old state and both write its changes:
     * the second one stops, before it writes anything.
     */
    private void oneSyncAtATime(Connection pg) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "imagebuilder-sql sync into " + schema());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new Failures.CliFailure(ExitCode.USAGE, "another sync into schema " + schema()
                            + " is running; this one stopped without writing anything");
                }
            }
        }
    }

    private static boolean fromPostgres(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof org.postgresql.util.PSQLException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ctrl-C or SIGTERM during a sync: the open transaction dies with the process, and the run's row says
     * what happened, written on a connection of its own.
     */
    private void recordInterrupt(TargetUrl target, SyncRuns runs, long runId) {
        synchronized (commitLock) {
            if (committed) {
                return;
            }
            interrupted = true;
        }
        try (Connection c = target.connect()) {
            c.setAutoCommit(true);
            runs.finish(c, runId, "failed", List.of(), List.of(), "interrupted", null);
        } catch (Exception e) {
            // the row stays 'running' with no finished_at: the process did not finish
        }
    }

    private static void recordFailure(Connection pg, SyncRuns runs, long runId, String message) {
        try {
            pg.setAutoCommit(true);
            runs.finish(pg, runId, "failed", List.of(), List.of(), message, null);
        } catch (SQLException e) {
            // the target itself failed: its row stays 'running' with no finished_at
        }
    }

    private static void rollbackQuietly(Connection pg) {
        try {
            pg.rollback();
        } catch (SQLException e) {
            // the connection is gone, and with it the transaction
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }
}
