package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.core.scan.ScanRequest;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.trino.spi.connector.ConnectorTableHandle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table of schema {@code aws} with what was pushed into its scan: the values the WHERE clause pins string
 * and integer columns to (an integer as its decimal text), and at most how many rows each split need return.
 * Trino sends it to the workers as JSON.
 *
 * @param pinned column name to the values it must take (equality and IN lists)
 * @param limit rows each split returns at most, or {@link ScanRequest#NO_LIMIT}
 */
public record ImageBuilderTableHandle(String table, Map<String, Set<String>> pinned, long limit)
        implements ConnectorTableHandle {

    public ImageBuilderTableHandle {
        pinned = Map.copyOf(pinned);
    }

    static ImageBuilderTableHandle of(String table) {
        return new ImageBuilderTableHandle(table, Map.of(), ScanRequest.NO_LIMIT);
    }

    TableDefinition<?> definition() {
        return Tables.definition(table);
    }

    /** The core's request for these columns: the pins narrow the listing, and are applied where exact. */
    ScanRequest request(List<String> columns) {
        TableDefinition<?> definition = definition();
        Map<String, Set<String>> exact = pinned.entrySet().stream()
                .filter(e -> ScanRequest.enforceable(definition.column(e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return ScanRequest.of(columns).where(pinned).enforcing(exact).limit(limit);
    }
}
