package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.scan.PartitionFailure;
import io.github.imagebuildersql.core.scan.ScanListener;
import io.github.imagebuildersql.core.scan.ScanScope;
import java.sql.SQLWarning;

/**
 * Collects the partitions a statement's queries skipped, for {@code Statement.getWarnings()}: a partial
 * answer is never silent. Forwards to whatever listener the caller had set (the command line's progress).
 */
final class StatementWarnings implements ScanListener {
    private final ScanListener outer;
    private SQLWarning first;
    /** The chain's end: SQLWarning.setNextWarning walks the whole chain, which for 17,000 partitions is slow. */
    private SQLWarning last;

    StatementWarnings(ScanListener outer) {
        this.outer = outer;
    }

    @Override
    public synchronized void partitionSkipped(PartitionFailure failure) {
        SQLWarning w = new SQLWarning("partition skipped: " + failure.describe(), "01000");
        if (first == null) {
            first = w;
        } else {
            last.setNextWarning(w);
        }
        last = w;
        outer.partitionSkipped(failure);
    }

    @Override
    public void scanStarted(String table, int tasks) {
        outer.scanStarted(table, tasks);
    }

    @Override
    public void scanCovers(String table, ScanScope scope) {
        outer.scanCovers(table, scope);
    }

    @Override
    public void progress(String table, int done, int total, long rows) {
        outer.progress(table, done, total, rows);
    }

    synchronized SQLWarning warnings() {
        return first;
    }

    synchronized void clear() {
        first = null;
        last = null;
    }
}
