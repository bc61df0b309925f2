package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.partition.Partition;
import java.util.function.BiFunction;

/**
 * One column: its name and type, how its value is read from the API object (and the partition it was
 * listed in), its description, whether it needs the table's detail call (its Get) that the listing does not
 * make, and the call of its own it costs per row, if any (then {@code value} is not used).
 */
public record Column<T>(String name, ColumnType type, BiFunction<T, Partition, Object> value, String description,
        boolean needsDetail, ColumnCall call) {

    /** Whether reading this column costs calls beyond the listing: the table's Get, or a call of its own. */
    public boolean costsCalls() {
        return needsDetail || call != null;
    }
}
