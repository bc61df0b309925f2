package io.github.imagebuildersql.core.scan;

/**
 * Hears what a scan does besides returning rows: partitions that failed but were skipped (so the answer
 * is partial and the user must be told), and progress.
 */
public interface ScanListener {

    ScanListener NONE = new ScanListener() { };

    /** Where a JDBC statement or the command line listens to the scans its query runs on this thread. */
    ThreadLocal<ScanListener> CURRENT = new ThreadLocal<>();

    static ScanListener current() {
        ScanListener l = CURRENT.get();
        return l == null ? NONE : l;
    }

    /** Calcite has planned the query and opened this table's scan; no API call has been made yet. */
    default void scanStarted(String table, int tasks) { }

    /**
     * Right after {@link #scanStarted}, for a scan of a whole table (no WHERE constraint): what it covers, which is
     * what its rows can be compared with (a sync removes only rows inside it).
     */
    default void scanCovers(String table, ScanScope scope) { }

    /** A partition failed and, as configured, the query goes on without its rows. */
    default void partitionSkipped(PartitionFailure failure) { }

    /** Called as partitions (or key lookups) finish. */
    default void progress(String table, int done, int total, long rows) { }
}
