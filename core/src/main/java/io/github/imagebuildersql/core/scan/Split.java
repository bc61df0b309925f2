package io.github.imagebuildersql.core.scan;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.table.ApiFilter;
import java.util.List;

/**
 * One unit of a scan's work, run on one thread: a partition listed with these API filters, or (with an
 * {@code arn}) the one resource that ARN names fetched by its Get call. Plain data, so that an engine may run it
 * elsewhere (Trino sends it to a worker as JSON); what it needs besides is the connection's configuration, and
 * the credentials each worker finds for itself.
 */
public record Split(Partition partition, List<ApiFilter> filters, String arn) {

    public Split {
        filters = List.copyOf(filters);
    }

    public static Split listing(Partition partition, List<ApiFilter> filters) {
        return new Split(partition, filters, null);
    }

    public static Split lookup(Partition partition, String arn) {
        return new Split(partition, List.of(), arn);
    }

    @JsonIgnore // derived, not data
    public boolean isLookup() {
        return arn != null;
    }
}
