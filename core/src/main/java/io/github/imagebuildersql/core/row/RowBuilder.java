package io.github.imagebuildersql.core.row;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnCall;
import io.github.imagebuildersql.core.table.TableDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;

/**
 * Turns an API object into the requested columns of one row, as plain Java values: VARCHAR and JSON columns
 * are {@link String}s (JSON as the API's compact text), BOOLEAN {@link Boolean}, INTEGER {@link Integer},
 * DOUBLE {@link Double}, TIMESTAMP {@link Instant}, TAGS a {@link TagMap}; NULL is null. Each engine turns
 * these into its own representation.
 */
public final class RowBuilder<T> {
    private final TableDefinition<T> table;
    private final List<Column<T>> columns;
    private final Column<T> key;

    public RowBuilder(TableDefinition<T> table, List<String> columnNames) {
        this.table = table;
        this.columns = columnNames.stream().map(table::column).toList();
        this.key = table.column("_key");
    }

    /** The requested columns that only a detail call returns. */
    public Set<String> detailColumns() {
        return columns.stream().filter(Column::needsDetail).map(Column::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether an item satisfies the point constraints the scan applies itself: plain VARCHAR columns, and INTEGER
     * ones, whose values are given as their decimal text.
     */
    public static <T> BiPredicate<T, Partition> filter(TableDefinition<T> table, Map<String, Set<String>> constraints) {
        BiPredicate<T, Partition> all = (item, partition) -> true;
        for (Map.Entry<String, Set<String>> e : constraints.entrySet()) {
            Column<T> c = table.column(e.getKey());
            Set<String> allowed = e.getValue();
            all = all.and((item, partition) -> {
                Object v = c.value().apply(item, partition);
                return v != null && allowed.contains(v.toString()); // NULL = 'x' is never true
            });
        }
        return all;
    }

    /**
     * The rows of a page of items found in the api's partition; the columns that cost a call of their own make
     * it for each item, in parallel as detail calls are.
     */
    public List<Object[]> rows(PartitionApi api, List<T> items) {
        List<List<Object>> called = new ArrayList<>(columns.size());
        for (Column<T> c : columns) {
            called.add(c.call() == null || items.isEmpty() ? null : api.detailCalls(c.call().operation(), items,
                    item -> orNull(c.call(), (String) table.column("arn").value().apply(item, api.partition()))));
        }
        List<Object[]> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            int n = i;
            rows.add(row(items.get(i), api.partition(), c -> called.get(c).get(n)));
        }
        return rows;
    }

    /** A call whose "not found" (the resource has no policy, say) is NULL. */
    private static Function<ImagebuilderClient, Object> orNull(ColumnCall call, String arn) {
        return client -> {
            try {
                return call.call().apply(arn).apply(client);
            } catch (ResourceNotFoundException e) {
                return null;
            }
        };
    }

    private Object[] row(T item, Partition partition, IntFunction<Object> calledValue) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column<T> c = columns.get(i);
            Object value = c.call() != null ? calledValue.apply(i) : c.value().apply(item, partition);
            row[i] = value == null ? null : switch (c.type()) {
                case VARCHAR, BOOLEAN, INTEGER, DOUBLE -> value;
                case TIMESTAMP -> value instanceof Instant instant ? instant
                        : Timestamps.parse((String) value, c.name(), (String) key.value().apply(item, partition));
                case JSON -> value instanceof String text ? text : SdkJson.toJson(value);
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
