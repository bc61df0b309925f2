package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.table.Column;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code _key}s one partition's listing has returned, so that an item listed twice (a page that overlaps
 * the next) is one row: rows are unique by {@code _key} within a scan, whatever the engine. A key is an ARN,
 * which names its account and region, so no two partitions share one and the set lives only as long as its
 * partition's listing.
 */
final class ListedKeys<T> {
    private final Column<T> key;
    private final Partition partition;
    private final Set<Object> seen = new HashSet<>();
    private long repeated;

    ListedKeys(Column<T> key, Partition partition) {
        this.key = key;
        this.partition = partition;
    }

    /** Whether this item's key is new to the listing; a repeat is counted and dropped. */
    boolean firstTime(T item) {
        if (seen.add(key.value().apply(item, partition))) {
            return true;
        }
        repeated++;
        return false;
    }

    /** How many items were dropped as repeats. */
    long repeated() {
        return repeated;
    }
}
