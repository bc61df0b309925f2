package io.github.imagebuildersql.core.table;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/**
 * A table as a declaration: its columns, how one partition is listed, how one row is fetched by key,
 * which columns become API filters, and the API operations it calls. One generic table of each engine
 * executes any definition, so adding a table is adding one file like {@link ImagePipelineTable}.
 *
 * <p>Every table has {@code _key} first, then {@code account_id} (unless it is listed once per region), and
 * {@code region} where the table places it; their descriptions are derived from the noun the table's rows are.
 *
 * @param <T> the API object one row is read from
 */
public final class TableDefinition<T> {

    /** How a table's rows are spread over the partitions a scan lists. */
    public enum Partitioning {
        /** Every scanned account in every scanned region: what each account owns. */
        ACCOUNT_AND_REGION,
        /** Each scanned region once, through the first scanned account: what every account sees alike. */
        REGION
    }

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

    /**
     * {@code column = v}/{@code IN} pushed into a listing under this filter name: to the List API, or, with an
     * {@code effect}, to the table's lister, which interprets it itself and does what the effect says. When
     * {@code arnsOf} is not empty the values are ARNs of those types, of resources in the row's own account and
     * region: only the partitions they name are listed, each given its own. {@code parents}: the values name the
     * rows' parents (their pipeline, recipe, image, run or policy), and the lister makes calls for each one named
     * instead of listing the partition's.
     */
    public record Filter(String name, String effect, Set<ResourceType> arnsOf, boolean parents) {
        public Filter {
            arnsOf = Set.copyOf(arnsOf);
        }

        /** Whether the List API takes it (its values must then be what the API accepts), not the lister. */
        public boolean toApi() {
            return effect == null;
        }

        /**
         * Whether its values name parents by ARN, so that each is asked for in its own partition only: the child
         * calls for some parents are then as many as the parents. A parent's ID (a run's) is asked for in every
         * partition scanned, so that a join naming a hundred runs at a time would cost partitions times runs calls.
         */
        public boolean locatesParents() {
            return parents && !arnsOf.isEmpty();
        }
    }

    private final String name;
    private final String description;
    private final Partitioning partitioning;
    private final List<Column<T>> columns;
    private final Lister<T> lister;
    private final Getter<T> getter;
    private final ResourceType keyType;
    private final List<String> keyColumns;
    private final Map<String, Filter> filters;
    private final Set<String> operations;

    private TableDefinition(Builder<T> b) {
        this.name = b.name;
        this.description = b.description;
        this.partitioning = b.partitioning;
        this.columns = List.copyOf(b.allColumns());
        this.lister = b.lister;
        this.getter = b.getter;
        this.keyType = b.keyType;
        this.keyColumns = List.copyOf(b.keyColumns);
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(b.filters));
        this.operations = Collections.unmodifiableSet(new LinkedHashSet<>(b.operations));
        for (String c : keyColumns) {
            column(c);
        }
        filters.keySet().forEach(this::column);
    }

    public static <T> Builder<T> table(String name, String noun) {
        return new Builder<>(name, noun);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Partitioning partitioning() {
        return partitioning;
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

    /** The type of resource the key columns' ARNs name: an ARN of another type is no row, and costs no call. */
    public ResourceType keyType() {
        return keyType;
    }

    /** Columns holding the row's ARN; {@code =} or {@code IN} on them becomes Get calls instead of listing. */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Column name to the name of the filter that selects on it (the List API's, or one the lister reads). */
    public Map<String, String> apiFilters() {
        Map<String, String> names = new LinkedHashMap<>();
        filters.forEach((column, f) -> names.put(column, f.name()));
        return names;
    }

    /** Column name to the filter its {@code =}/{@code IN} becomes, in the order the table declares them. */
    public Map<String, Filter> filters() {
        return filters;
    }

    /** The filter a column's {@code =}/{@code IN} becomes, if any. */
    public Optional<Filter> filter(String columnName) {
        return Optional.ofNullable(filters.get(columnName));
    }

    /**
     * For a column whose {@code =}/{@code IN} the table's lister interprets itself rather than passing to
     * the API (it reaches the lister among the filters, under the name given), what it does.
     */
    public Optional<String> listingFilterEffect(String columnName) {
        return filter(columnName).map(Filter::effect);
    }

    /** The Image Builder operations this table calls, in the order it declares them: all reads. */
    public Set<String> operations() {
        return operations;
    }

    public static final class Builder<T> {
        private final String name;
        private final String noun;
        private String description = "";
        private Partitioning partitioning = Partitioning.ACCOUNT_AND_REGION;
        private Column<T> key;
        private final List<Column<T>> columns = new ArrayList<>();
        private boolean regionPlaced;
        private Lister<T> lister;
        private Getter<T> getter;
        private ResourceType keyType;
        private final List<String> keyColumns = new ArrayList<>();
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final Set<String> operations = new LinkedHashSet<>();

        /** @param noun what one row is, as its descriptions name it, e.g. {@code pipeline} */
        private Builder(String name, String noun) {
            this.name = name;
            this.noun = noun;
        }

        public Builder<T> description(String text) {
            this.description = text;
            return this;
        }

        /**
         * The rows are the same whichever account lists them (Amazon's): each region is listed once, with the
         * first scanned account's credentials, and the table has no {@code account_id}.
         */
        public Builder<T> listedOncePerRegion() {
            this.partitioning = Partitioning.REGION;
            return this;
        }

        /** The Image Builder operations the lister, the getter and the call columns make (read operations only). */
        public Builder<T> calls(String... operationNames) {
            operations.addAll(List.of(operationNames));
            return this;
        }

        public Builder<T> listedBy(Lister<T> l) {
            this.lister = l;
            return this;
        }

        /** Rows can be fetched one by one by ARN (of this type), from these key columns. */
        public Builder<T> fetchedBy(ResourceType type, Getter<T> g, String... keys) {
            this.keyType = type;
            this.getter = g;
            this.keyColumns.addAll(List.of(keys));
            return this;
        }

        /** {@code _key}, the first column: the row's ARN. */
        public Builder<T> key(Function<T, Object> arn) {
            return key(arn, "the " + noun + "'s ARN");
        }

        /** {@code _key}, the first column: unique to the row, as {@code what} describes it. */
        public Builder<T> key(Function<T, Object> value, String what) {
            this.key = new Column<>("_key", ColumnType.VARCHAR, (item, partition) -> value.apply(item),
                    "Unique key of the row: " + what + ".", false, null);
            return this;
        }

        public Builder<T> column(String columnName, ColumnType type, Function<T, Object> value, String doc) {
            columns.add(new Column<>(columnName, type, (item, partition) -> value.apply(item), doc, false, null));
            return this;
        }

        /** {@code region}, placed here: the region the row was listed in. */
        public Builder<T> region() {
            columns.add(new Column<>("region", ColumnType.VARCHAR, (item, partition) -> partition.region(),
                    "The AWS region of the " + noun + ".", false, null));
            regionPlaced = true;
            return this;
        }

        /** A column only the table's detail call (its Get) returns: selecting it costs that call per row. */
        public Builder<T> detailColumn(String columnName, ColumnType type, Function<T, Object> value, String doc) {
            columns.add(new Column<>(columnName, type, (item, partition) -> value.apply(item), doc, true, null));
            return this;
        }

        /**
         * A column that costs a call of its own per row, made with the row's {@code arn} and only when the query
         * reads the column; a resource the call does not find (ResourceNotFoundException) gives NULL.
         */
        public Builder<T> callColumn(String columnName, ColumnType type, String operation,
                Function<String, Function<ImagebuilderClient, Object>> call, String doc) {
            columns.add(new Column<>(columnName, type, (item, partition) -> null, doc, false,
                    new ColumnCall(operation, call)));
            return this;
        }

        /**
         * {@code column = v} and {@code column IN (...)} become this List API filter; with ARN types, the values are
         * ARNs of those types in the row's own account and region (see {@link Filter}).
         */
        public Builder<T> apiFilter(String columnName, String filterName, ResourceType... arnsOf) {
            filters.put(columnName, new Filter(filterName, null, Set.of(arnsOf), false));
            return this;
        }

        /**
         * {@code column = v} and {@code column IN (...)} reach the lister as a filter of this name that it
         * interprets itself (e.g. list only some kinds), doing what the effect says.
         */
        public Builder<T> listingFilter(String columnName, String filterName, String effect) {
            filters.put(columnName, new Filter(filterName, effect, Set.of(), false));
            return this;
        }

        /**
         * {@code column = v} and {@code column IN (...)} name the rows' parents: they reach the lister as a filter
         * of this name, and it makes calls for each parent named (what the effect says) instead of listing the
         * partition's; with ARN types, as {@link #apiFilter}.
         */
        public Builder<T> parentFilter(String columnName, String filterName, String effect, ResourceType... arnsOf) {
            filters.put(columnName, new Filter(filterName, effect, Set.of(arnsOf), true));
            return this;
        }

        private List<Column<T>> allColumns() {
            List<Column<T>> all = new ArrayList<>();
            all.add(key);
            if (partitioning == Partitioning.ACCOUNT_AND_REGION) {
                all.add(new Column<>("account_id", ColumnType.VARCHAR, (item, partition) -> partition.account(),
                        "The AWS account that owns the " + noun + ".", false, null));
            }
            all.addAll(columns);
            return all;
        }

        public TableDefinition<T> build() {
            if (lister == null || key == null || !regionPlaced || operations.isEmpty()) {
                throw new IllegalStateException(name + ": a table needs a lister, a key, a region column and the "
                        + "operations it calls");
            }
            return new TableDefinition<>(this);
        }
    }
}
