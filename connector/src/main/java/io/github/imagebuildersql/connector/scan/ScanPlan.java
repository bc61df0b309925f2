package io.github.imagebuildersql.connector.scan;

import io.github.imagebuildersql.connector.partition.Partition;
import java.util.List;
import software.amazon.awssdk.services.imagebuilder.model.Filter;

/**
 * What a query will call: either these partitions listed with these API filters, or these ARNs fetched
 * one by one. An empty plan makes no calls at all.
 *
 * @param lookups the ARNs to fetch, or null when the plan lists
 * @param detail whether the query selects columns that only a detail call returns
 */
public record ScanPlan(List<Partition> partitions, List<Filter> apiFilters, List<KeyLookup> lookups, boolean detail) {

    /** One Get call: an ARN and the partition it lives in. */
    public record KeyLookup(Partition partition, String arn) {}

    public static ScanPlan listing(List<Partition> partitions, List<Filter> apiFilters, boolean detail) {
        return new ScanPlan(List.copyOf(partitions), List.copyOf(apiFilters), null, detail);
    }

    public static ScanPlan lookups(List<KeyLookup> lookups, boolean detail) {
        return new ScanPlan(List.of(), List.of(), List.copyOf(lookups), detail);
    }

    public boolean isLookup() {
        return lookups != null;
    }

    /** Units of work: partitions listed or ARNs fetched. */
    public int tasks() {
        return isLookup() ? lookups.size() : partitions.size();
    }
}
