package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.aws.ResourceType;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.table.ApiFilter;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.TableDefinition.Filter;
import io.github.imagebuildersql.core.table.TableDefinition.Partitioning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the WHERE clause's constraints into the fewest API calls that still see every matching row:
 * ARN equality becomes Get calls (no listing at all); account and region equality prune partitions, and so do
 * filters whose values are ARNs (only the partitions they name are listed); constraints on filterable columns
 * become List API filters. The engine checks again what it did not hand over as enforced, so a plan may fetch
 * more than matches, never less.
 */
public final class ScanPlanner {
    /**
     * Above this many ARNs, listing the partitions is cheaper than one Get per ARN; the same holds for the parents a
     * query names, each costing calls of its own (and a batched nested-loop join names 100 at a time).
     */
    public static final int MAX_KEY_LOOKUPS = 100;
    /** The model's limit on one filter's values. */
    static final int MAX_FILTER_VALUES = 10;
    /** The model's pattern for a filter value; anything else the API refuses, so it is not pushed. */
    static final Pattern FILTER_VALUE = Pattern.compile("[0-9a-zA-Z./_ :,{}\"-]{1,1024}");

    private ScanPlanner() {}

    public static <T> ScanPlan plan(TableDefinition<T> table, ScanRequest request, Scope scope) {
        if (request.contradictory()) {
            return ScanPlan.none(); // no row can match: not even the scope is needed
        }
        Optional<Set<String>> accounts = request.pinned("account_id");
        Optional<Set<String>> regions = request.pinned("region");
        Optional<Set<String>> keys = keyValues(table, request);

        if (keys.isPresent() && keys.get().size() <= MAX_KEY_LOOKUPS) {
            List<Split> lookups = new ArrayList<>();
            for (String key : keys.get()) {
                table.keyType().partitionOf(key)
                        .filter(p -> scope.regions().contains(p.region()) && scope.accounts().contains(p.account()))
                        .filter(p -> accounts.map(a -> a.contains(p.account())).orElse(true))
                        .filter(p -> regions.map(r -> r.contains(p.region())).orElse(true))
                        .ifPresent(p -> lookups.add(Split.lookup(p, key)));
            }
            return new ScanPlan(lookups);
        }
        List<Pushed> pushed = new ArrayList<>();
        for (Map.Entry<String, Filter> f : table.filters().entrySet()) {
            Filter filter = f.getValue();
            Optional<Set<String>> values = request.pinned(f.getKey());
            if (values.isPresent() && values.get().size() <= (filter.parents() ? MAX_KEY_LOOKUPS : MAX_FILTER_VALUES)
                    && (!filter.toApi() || values.get().stream().allMatch(ScanPlanner::expressible))) {
                pushed.add(new Pushed(filter.name(), List.copyOf(values.get()),
                        filter.arnsOf().isEmpty() ? null : byPartition(values.get(), filter.arnsOf())));
            }
        }
        // Region by region, so the partitions in flight belong to different accounts: each first call of an
        // account waits for that account's AssumeRole, and account by account every thread on that account
        // would wait for the same one (at 64 threads and 16 regions, three threads in four idle).
        List<Split> splits = new ArrayList<>();
        for (String region : scope.regions()) {
            List<String> listing = scope.accounts();
            if (table.partitioning() == Partitioning.REGION) {
                listing = listing.subList(0, Math.min(1, listing.size()));
            }
            for (String account : listing) {
                Partition partition = new Partition(account, region);
                if (accounts.map(a -> a.contains(account)).orElse(true) && regions.map(r -> r.contains(region)).orElse(true)) {
                    listingOf(partition, pushed).ifPresent(splits::add);
                }
            }
        }
        return new ScanPlan(splits);
    }

    /**
     * A filter the listings get: its values, and when they are ARNs, which of them each partition gets (a
     * partition none of them names is not listed).
     */
    private record Pushed(String name, List<String> values, Map<Partition, List<String>> byPartition) {
        List<String> valuesIn(Partition partition) {
            return byPartition == null ? values : byPartition.get(partition);
        }
    }

    /** The partition's listing with its filters; none when a filter of ARNs names nothing in it. */
    private static Optional<Split> listingOf(Partition partition, List<Pushed> pushed) {
        List<ApiFilter> filters = new ArrayList<>();
        for (Pushed f : pushed) {
            List<String> values = f.valuesIn(partition);
            if (values == null) {
                return Optional.empty();
            }
            filters.add(new ApiFilter(f.name(), values));
        }
        return Optional.of(Split.listing(partition, filters));
    }

    /** Every column that holds the ARN must agree; their intersection is what can match. */
    private static <T> Optional<Set<String>> keyValues(TableDefinition<T> table, ScanRequest request) {
        if (table.getter() == null) {
            return Optional.empty();
        }
        Set<String> result = null;
        for (String column : table.keyColumns()) {
            Optional<Set<String>> v = request.pinned(column);
            if (v.isPresent()) {
                if (result == null) {
                    result = new LinkedHashSet<>(v.get());
                } else {
                    result.retainAll(v.get());
                }
            }
        }
        return Optional.ofNullable(result);
    }

    /** The ARNs of these types, by the partition whose calls find what they name; the others name nothing. */
    private static Map<Partition, List<String>> byPartition(Set<String> arns, Set<ResourceType> types) {
        Map<Partition, List<String>> by = new LinkedHashMap<>();
        for (String arn : arns) {
            types.stream().map(t -> t.partitionOf(arn)).flatMap(Optional::stream).findFirst()
                    .ifPresent(p -> by.computeIfAbsent(p, x -> new ArrayList<>()).add(arn));
        }
        return by;
    }

    /**
     * Whether the API can filter on this value: the model's pattern, and no leading or trailing blank,
     * which SQL's comparison of character strings would ignore but the API's exact match would not.
     */
    private static boolean expressible(String value) {
        return FILTER_VALUE.matcher(value).matches() && value.strip().equals(value);
    }
}
