package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.partition.Partition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A table as a declaration: its columns, how one partition is listed, how one row is fetched by key,
 * which columns become API filters. One generic Calcite table executes any definition, so adding a
 * table is adding one file like {@link ImagePipelineTable}.
 *
 * @param <T> the API object one row is read from
 */
public final class TableDefinition<T> {

    /** Lists one partition, handing each page of items to the sink as it arrives. */
    @FunctionalInterface
    public interface Lister<T> {
        void list(PartitionApi api, ListOptions options, Consumer<List<T>> sink);
    }

    /** Fetches the one item an ARN names, or empty when there is none. */
    @FunctionalInterface
    public interface Getter<T> {
        Optional<T> get(PartitionApi api, String arn);
    }

    private final String name;
    private final String description;
    private final List<Column<T>> columns;
    private final Lister<T> lister;
    private final Getter<T> getter;
    private final Pattern keyResource;
    private final List<String> keyColumns;
    private final Map<String, String> apiFilters;
    private final Map<String, String> listingFilters;

    private TableDefinition(Builder<T> b) {
        this.name = b.name;
        this.description = b.description;
        this.columns = List.copyOf(b.columns);
        this.lister = b.lister;
        this.getter = b.getter;
        this.keyResource = b.keyResource;
        this.keyColumns = List.copyOf(b.keyColumns);
        this.apiFilters = Map.copyOf(b.apiFilters);
        this.listingFilters = Map.copyOf(b.listingFilters);
        for (String c : keyColumns) {
            column(c);
        }
        apiFilters.keySet().forEach(this::column);
    }

    public static <T> Builder<T> table(String name) {
        return new Builder<>(name);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public List<Column<T>> columns() {
        return columns;
    }

    public Column<T> column(String columnName) {
        return columns.get(columnIndex(columnName));
    }

    /** By name: a column's record equality would compare its lambdas, and cost its first caller a bootstrap. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " has no column " + columnName);
    }

    public Lister<T> lister() {
        return lister;
    }

    public Getter<T> getter() {
        return getter;
    }

    /**
     * What the resource part of this table's ARNs looks like, per the service model, e.g.
     * {@code image-pipeline/[a-z0-9-_]+}: a key that does not match is no row, and costs no call.
     */
    public Pattern keyResource() {
        return keyResource;
    }

    /** Columns holding the row's ARN; {@code =} or {@code IN} on them becomes Get calls instead of listing. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Column name to the name of the List API filter that selects on it. */
    public Map<String, String> apiFilters() {
        return apiFilters;
    }

    /**
     * For a column whose {@code =}/{@code IN} the table's lister interprets itself rather than passing to
     * the API (it reaches the lister among the filters, under the name given), what it does.
     */
    public Optional<String> listingFilterEffect(String columnName) {
        return Optional.ofNullable(listingFilters.get(columnName));
    }

    public static final class Builder<T> {
        private final String name;
        private String description = "";
        private final List<Column<T>> columns = new ArrayList<>();
        private Lister<T> lister;
        private Getter<T> getter;
        private Pattern keyResource;
        private final List<String> keyColumns = new ArrayList<>();
        private final Map<String, String> apiFilters = new LinkedHashMap<>();
        private final Map<String, String> listingFilters = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder<T> description(String text) {
            this.description = text;
            return this;
        }

        public Builder<T> listedBy(Lister<T> l) {
            this.lister = l;
            return this;
        }

        /** Rows can be fetched one by one by ARN (its resource part matching the pattern), from these key columns. */
        public Builder<T> fetchedBy(String resourcePattern, Getter<T> g, String... keys) {
            this.keyResource = Pattern.compile(resourcePattern);
            this.getter = g;
            this.keyColumns.addAll(List.of(keys));
            return this;
        }

        public Builder<T> column(String columnName, ColumnType type, Function<T, Object> value, String doc) {
            columns.add(new Column<>(columnName, type, (item, partition) -> value.apply(item), doc, false));
            return this;
        }

        /** A column whose value comes from the partition the row was found in. */
        public Builder<T> partitionColumn(String columnName, Function<Partition, Object> value, String doc) {
            columns.add(new Column<>(columnName, ColumnType.VARCHAR, (item, partition) -> value.apply(partition),
                    doc, false));
            return this;
        }

        /** A column only a detail call returns: selecting it costs one more call per row. */
        public Builder<T> detailColumn(String columnName, ColumnType type, Function<T, Object> value, String doc) {
            columns.add(new Column<>(columnName, type, (item, partition) -> value.apply(item), doc, true));
            return this;
        }

        /** {@code column = v} and {@code column IN (...)} become this List API filter. */
        public Builder<T> apiFilter(String columnName, String filterName) {
            apiFilters.put(columnName, filterName);
            return this;
        }

        /**
         * {@code column = v} and {@code column IN (...)} reach the lister as a filter of this name that it
         * interprets itself (e.g. list through another call, or skip a partition), doing what the effect says.
         */
        public Builder<T> listingFilter(String columnName, String filterName, String effect) {
            apiFilters.put(columnName, filterName);
            listingFilters.put(columnName, effect);
            return this;
        }

        public TableDefinition<T> build() {
            if (lister == null) {
                throw new IllegalStateException(name + ": a table needs a lister");
            }
            return new TableDefinition<>(this);
        }
    }
}
