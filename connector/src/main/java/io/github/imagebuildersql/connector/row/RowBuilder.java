package io.github.imagebuildersql.connector.row;

import io.github.imagebuildersql.connector.partition.Partition;
import io.github.imagebuildersql.connector.table.Column;
import io.github.imagebuildersql.connector.table.TableDefinition;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/** Turns an API object into the projected columns of one row, in Calcite's value representation. */
public final class RowBuilder<T> {
    private final List<Column<T>> columns;
    private final Column<T> key;

    public RowBuilder(TableDefinition<T> table, int[] projects) {
        this.columns = Arrays.stream(projects).mapToObj(i -> table.columns().get(i)).toList();
        this.key = table.column("_key");
    }

    /** The projected columns that only a detail call returns. */
    public Set<String> detailColumns() {
        return columns.stream().filter(Column::needsDetail).map(Column::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether an item satisfies the point constraints the scan applies itself (plain VARCHAR columns only). */
    public static <T> BiPredicate<T, Partition> filter(TableDefinition<T> table, Map<Integer, Set<String>> constraints) {
        BiPredicate<T, Partition> all = (item, partition) -> true;
        for (Map.Entry<Integer, Set<String>> e : constraints.entrySet()) {
            Column<T> c = table.columns().get(e.getKey());
            Set<String> allowed = e.getValue();
            all = all.and((item, partition) -> {
                Object v = c.value().apply(item, partition);
                return v != null && allowed.contains(v); // NULL = 'x' is never true
            });
        }
        return all;
    }

    public Object[] row(T item, Partition partition) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column<T> c = columns.get(i);
            Object value = c.value().apply(item, partition);
            row[i] = value == null ? null : switch (c.type()) {
                case VARCHAR, BOOLEAN, INTEGER, DOUBLE -> value;
                case TIMESTAMP -> value instanceof Instant instant ? (Object) instant.toEpochMilli()
                        : Timestamps.parse((String) value, c.name(), (String) key.value().apply(item, partition));
                case JSON -> SdkJson.toJson(value);
                case TAGS -> value instanceof SdkAutoConstructMap ? null : tags(value);
            };
        }
        return row;
    }

    @SuppressWarnings("unchecked") // the SDK's tag members are Map<String, String>
    private static TagMap tags(Object value) {
        return new TagMap((Map<String, String>) value);
    }
}
