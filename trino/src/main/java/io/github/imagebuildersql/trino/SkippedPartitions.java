package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.core.scan.PartitionFailure;
import io.github.imagebuildersql.core.scan.ScanListener;
import io.trino.plugin.base.metrics.LongCount;
import io.trino.spi.metrics.Metrics;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The partitions a split skipped (onError=skip, ignoreErrorCodes), as a metric of its page source: Trino 476
 * gives a connector no way to add a query warning (trinodb/trino#31273), so they show in EXPLAIN ANALYZE and
 * the query's statistics, and the core logs each one on the node that skipped it.
 */
final class SkippedPartitions implements ScanListener {
    static final String METRIC = "imagebuilder.skipped_partitions";

    private final AtomicLong skipped = new AtomicLong();

    @Override
    public void partitionSkipped(PartitionFailure failure) {
        skipped.incrementAndGet();
    }

    /** The server's own class of count: the coordinator reads metrics back by class name. */
    Metrics metrics() {
        return new Metrics(Map.of(METRIC, new LongCount(skipped.get())));
    }
}
