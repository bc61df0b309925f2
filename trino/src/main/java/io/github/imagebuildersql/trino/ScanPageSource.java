package io.github.imagebuildersql.trino;

import static io.github.imagebuildersql.trino.ImageBuilderErrorCode.IMAGEBUILDER_PARTITION_FAILED;

import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanFailedException;
import io.github.imagebuildersql.core.table.ColumnType;
import io.trino.spi.PageBuilder;
import io.trino.spi.TrinoException;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.SourcePage;
import io.trino.spi.metrics.Metrics;
import io.trino.spi.type.Type;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One split's rows as pages, without ever holding the driver's thread: a page is what the scan's workers have
 * handed over so far, and while there is nothing, {@link #isBlocked} is a future the workers complete. Closing it
 * (the query finished, failed, was cancelled, or its LIMIT was met) stops the split's API calls.
 */
final class ScanPageSource implements ConnectorPageSource {
    private static final int MAX_ROWS_PER_PAGE = 8192;

    private final ScanExecution<?> scan;
    private final List<ColumnType> columnTypes;
    private final PageBuilder page;
    private final SkippedPartitions skipped;
    private long completedBytes;
    private long completedPositions;

    ScanPageSource(ScanExecution<?> scan, List<ColumnType> columnTypes, List<Type> trinoTypes,
            SkippedPartitions skipped) {
        this.scan = scan;
        this.columnTypes = columnTypes;
        this.page = new PageBuilder(trinoTypes);
        this.skipped = skipped;
    }

    @Override
    public SourcePage getNextSourcePage() {
        List<Object[]> rows;
        try {
            rows = scan.readyRows(MAX_ROWS_PER_PAGE);
        } catch (ScanFailedException e) {
            throw new TrinoException(IMAGEBUILDER_PARTITION_FAILED, e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return null;
        }
        completedPositions += rows.size();
        if (columnTypes.isEmpty()) {
            return SourcePage.create(rows.size()); // count(*): positions without columns
        }
        page.reset();
        for (Object[] row : rows) {
            page.declarePosition();
            for (int i = 0; i < row.length; i++) {
                TrinoTypes.write(page.getBlockBuilder(i), columnTypes.get(i), row[i]);
            }
        }
        SourcePage built = SourcePage.create(page.build());
        completedBytes += built.getSizeInBytes();
        return built;
    }

    @Override
    public CompletableFuture<?> isBlocked() {
        return scan.whenReady();
    }

    @Override
    public boolean isFinished() {
        return scan.finished();
    }

    @Override
    public long getCompletedBytes() {
        return completedBytes;
    }

    @Override
    public OptionalLong getCompletedPositions() {
        return OptionalLong.of(completedPositions);
    }

    /** The time is the API's, spent on the scan's own threads while this source is blocked, not reading. */
    @Override
    public long getReadTimeNanos() {
        return 0;
    }

    @Override
    public long getMemoryUsage() {
        return page.getRetainedSizeInBytes();
    }

    @Override
    public Metrics getMetrics() {
        return skipped.metrics();
    }

    @Override
    public void close() {
        scan.close();
    }
}
