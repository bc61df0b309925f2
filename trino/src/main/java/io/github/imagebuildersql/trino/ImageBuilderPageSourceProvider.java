package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.core.scan.Inventory;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanPlan;
import io.github.imagebuildersql.core.scan.ScanRequest;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.trino.spi.connector.ColumnHandle;
import io.trino.spi.connector.ConnectorPageSource;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplit;
import io.trino.spi.connector.ConnectorTableHandle;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.connector.DynamicFilter;
import io.trino.spi.type.Type;
import java.util.List;

/** On a worker: runs one split as a scan of its own, within the node's budget of requests in flight. */
final class ImageBuilderPageSourceProvider implements ConnectorPageSourceProvider {
    private final Inventory inventory;
    private final TrinoTypes types;

    ImageBuilderPageSourceProvider(Inventory inventory, TrinoTypes types) {
        this.inventory = inventory;
        this.types = types;
    }

    @Override
    public ConnectorPageSource createPageSource(ConnectorTransactionHandle transaction, ConnectorSession session,
            ConnectorSplit split, ConnectorTableHandle table, List<ColumnHandle> columns, DynamicFilter dynamicFilter) {
        ImageBuilderTableHandle handle = (ImageBuilderTableHandle) table;
        TableDefinition<?> definition = handle.definition();
        List<String> names = columns.stream().map(c -> ((ImageBuilderColumnHandle) c).name()).toList();
        List<ColumnType> columnTypes = names.stream().map(n -> definition.column(n).type()).toList();
        List<Type> trinoTypes = columnTypes.stream().map(types::of).toList();
        ScanRequest request = handle.request(names);
        SkippedPartitions skipped = new SkippedPartitions();
        ScanExecution<?> scan = inventory.execute(definition,
                new ScanPlan(List.of(((ImageBuilderSplit) split).split())), request, skipped, null, 0);
        return new ScanPageSource(scan, columnTypes, trinoTypes, skipped);
    }
}
