package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.aws.Arn;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.table.ApiFilter;
import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Turns the WHERE clause's constraints into the fewest API calls that still see every matching row:
 * ARN equality becomes Get calls (no listing at all); account and region equality prune partitions;
 * constraints on filterable columns become List API filters. The engine checks again what it did not hand
 * over as enforced, so a plan may fetch more than matches, never less.
 */
public final class ScanPlanner {
    /** Above this many ARNs, listing the partitions is cheaper than one Get per ARN. */
    public static final int MAX_KEY_LOOKUPS = 100;
    /** The model's limit on one filter's values. */
    static final int MAX_FILTER_VALUES = 10;
    /** The model's pattern for a filter value; anything else the API refuses, so it is not pushed. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
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
                lookupOf(table, key, scope).filter(l -> accounts.map(a -> a.contains(l.partition().account())).orElse(true))
                        .filter(l -> regions.map(r -> r.contains(l.partition().region())).orElse(true))
                        .ifPresent(lookups::add);
            }
            return new ScanPlan(lookups);
        }
        List<ApiFilter> filters = new ArrayList<>();
        for (Map.Entry<String, String> f : table.apiFilters().entrySet()) {
            Optional<Set<String>> values = request.pinned(f.getKey());
            if (values.isPresent() && values.get().size() <= MAX_FILTER_VALUES
                    && values.get().stream().allMatch(ScanPlanner::expressible)) {
                filters.add(new ApiFilter(f.getValue(), List.copyOf(values.get())));
            }
        }
        // Region by region, so the partitions in flight belong to different accounts: each first call of an
        // account waits for that account's AssumeRole, and account by account every thread on that account
        // would wait for the same one (at 64 threads and 16 regions, three threads in four idle).
        List<Split> splits = new ArrayList<>();
        for (String region : scope.regions()) {
            for (String account : scope.accounts()) {
                if (accounts.map(a -> a.contains(account)).orElse(true) && regions.map(r -> r.contains(region)).orElse(true)) {
                    splits.add(Split.listing(new Partition(account, region), filters));
                }
            }
        }
        return new ScanPlan(splits);
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

    /** The partition an ARN lives in, if it is this table's kind of resource inside the connection's scope. */
    private static Optional<Split> lookupOf(TableDefinition<?> table, String key, Scope scope) {
        return Arn.parse(key)
                .filter(arn -> arn.service().equals("imagebuilder"))
                .filter(arn -> table.keyResource().matcher(arn.resource()).matches())
                .filter(arn -> ACCOUNT_ID.matcher(arn.account()).matches())
                .filter(arn -> scope.regions().contains(arn.region()))
                .filter(arn -> arn.partition().equals(awsPartitionOf(arn.region())))
                .filter(arn -> scope.accounts().contains(arn.account()))
                .map(arn -> Split.lookup(new Partition(arn.account(), arn.region()), key));
    }

    private static String awsPartitionOf(String region) {
        RegionMetadata metadata = Region.of(region).metadata();
        return metadata == null ? "aws" : metadata.partition().id();
    }

    /**
     * Whether the API can filter on this value: the model's pattern, and no leading or trailing blank,
     * which SQL's comparison of character strings would ignore but the API's exact match would not.
     */
    private static boolean expressible(String value) {
        return FILTER_VALUE.matcher(value).matches() && value.strip().equals(value);
    }
}
