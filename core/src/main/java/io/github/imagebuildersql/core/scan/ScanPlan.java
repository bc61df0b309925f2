package io.github.imagebuildersql.core.scan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * What a scan will call: its splits, each a partition to list or an ARN to fetch. A plan with no split makes no
 * call at all.
 */
public record ScanPlan(List<Split> splits) {

    public ScanPlan {
        splits = List.copyOf(splits);
    }

    public static ScanPlan none() {
        return new ScanPlan(List.of());
    }

    /** Units of work: partitions listed or ARNs fetched. */
    public int tasks() {
        return splits.size();
    }

    /** Whether the plan fetches by ARN rather than lists (an empty plan does neither). */
    @JsonIgnore // derived, not data
    public boolean isLookup() {
        return !splits.isEmpty() && splits.get(0).isLookup();
    }
}
