package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.partition.Partition;
import java.util.function.BiFunction;

/**
 * One column: its name and type, how its value is read from the API object (and the partition it was
 * listed in), its description, and whether it needs a detail call the listing does not make.
 */
public record Column<T>(String name, ColumnType type, BiFunction<T, Partition, Object> value, String description,
        boolean needsDetail) {}
