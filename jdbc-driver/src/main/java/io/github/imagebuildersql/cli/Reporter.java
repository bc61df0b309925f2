package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.core.scan.PartitionFailure;
import io.github.imagebuildersql.core.scan.ScanListener;
import io.github.imagebuildersql.core.scan.ScanScope;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Tells the person at the terminal what the scan does besides returning rows: skipped partitions (always, on
 * stderr: a partial answer is never silent) and, for exports on a terminal, progress. The first skipped
 * partitions are listed one by one; past {@link #LISTED} they are counted by error code and the count printed
 * when the command ends, since a role missing from 1,000 accounts would otherwise be 17,000 lines that say the
 * same thing. {@code --verbose} lists every one.
 */
final class Reporter implements ScanListener, AutoCloseable {
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;
    /** Skipped partitions listed one by one, unless the user asked for every one. */
    static final int LISTED = 20;

    private final PrintWriter err;
    private final boolean progress;
    private final boolean listEvery;
    private final List<PartitionFailure> skipped = new ArrayList<>();
    private final Set<String> described = new HashSet<>();
    /** Skipped partitions not listed, by error code. */
    private final Map<String, Integer> unlisted = new TreeMap<>();
    private final Map<String, ScanScope> scopes = new HashMap<>();
    private final ScanListener previous;
    private long lastProgress;
    private volatile long firstScanNanos;
    private volatile boolean cpuAtScan;
    private volatile long firstScanCpuNanos;
    private boolean progressShown;
    /** Rows written so far (an export's), which the progress line counts rather than rows scanned. */
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
    /** Ends the progress line when the process is interrupted (Ctrl-C) while it shows. */
    private final Thread endLineOnExit = new Thread(this::clearProgress, "progress-end-line");

    private Reporter(PrintWriter err, boolean progress, boolean listEvery) {
        this.err = err;
        this.progress = progress;
        this.listEvery = listEvery;
        this.previous = ScanListener.CURRENT.get();
        ScanListener.CURRENT.set(this);
    }

    static Reporter install(PrintWriter err, boolean progress, boolean listEvery) {
        return new Reporter(err, progress, listEvery);
    }

    @Override
    public synchronized void partitionSkipped(PartitionFailure failure) {
        if (!described.add(failure.describe())) {
            return; // the same partition of the same table, skipped again by another scan of the run
        }
        skipped.add(failure);
        if (listEvery || skipped.size() <= LISTED) {
            clearProgress();
            err.println("warning: partition skipped: " + failure.describe());
            err.flush();
            return;
        }
        if (unlisted.isEmpty()) {
            clearProgress();
            err.println("warning: more partitions skipped: counted from here on, not listed (--verbose lists each)");
            err.flush();
        }
        unlisted.merge(failure.errorCode(), 1, Integer::sum);
    }

    @Override
    public void scanStarted(String table, int tasks) {
        if (firstScanNanos == 0) {
            firstScanNanos = System.nanoTime();
            if (cpuAtScan) {
                firstScanCpuNanos = Timing.processCpuNanos();
            }
        }
    }

    @Override
    public synchronized void scanCovers(String table, ScanScope scope) {
        scopes.put(table, scope);
    }

    /** What the last whole-table scan of this table covered, or null if none ran. */
    synchronized ScanScope scope(String table) {
        return scopes.get(table);
    }

    /** Also notes the process's CPU time when the first scan opens (query --timing). */
    void recordCpuAtScan() {
        cpuAtScan = true;
    }

    /** The process's CPU time when the first scan opened, if asked for and opened, or 0. */
    long firstScanCpuNanos() {
        return firstScanCpuNanos;
    }

    /** When Calcite opened the first scan (planning and code generation done), or 0. */
    long firstScanNanos() {
        return firstScanNanos;
    }

    /** Counts a row written: a join's or an aggregate's output is not the rows its scans read. */
    void rowWritten() {
        written.incrementAndGet();
    }

    @Override
    public synchronized void progress(String table, int done, int total, long rows) {
        long now = System.nanoTime();
        if (progress && (done == total || now - lastProgress > PROGRESS_EVERY_NANOS)) {
            lastProgress = now;
            err.print("\r" + written.get() + " rows written; " + table + ": " + done + "/" + total + " partitions");
            err.flush();
            if (!progressShown) {
                Runtime.getRuntime().addShutdownHook(endLineOnExit);
            }
            progressShown = true;
        }
    }

    synchronized List<PartitionFailure> skipped() {
        return List.copyOf(skipped);
    }

    private synchronized void clearProgress() {
        if (progressShown) {
            err.println();
            err.flush();
            progressShown = false;
        }
    }

    @Override
    public synchronized void close() {
        clearProgress();
        if (!unlisted.isEmpty()) {
            StringJoiner byError = new StringJoiner(", ");
            unlisted.forEach((code, n) -> byError.add(code + " " + n));
            err.println("warning: " + (skipped.size() - LISTED) + " more partition(s) skipped besides those listed: "
                    + byError);
            err.flush();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(endLineOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // shutting down, or never added
        }
        ScanListener.CURRENT.set(previous);
    }
}
