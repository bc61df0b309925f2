package io.github.imagebuildersql.trino;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.github.imagebuildersql.core.scan.Split;
import io.trino.spi.connector.ConnectorSplit;
import java.util.LinkedHashMap;
import java.util.Map;

/** One of the core's splits (a partition to list, or an ARN to fetch), sent to a worker as JSON. */
public record ImageBuilderSplit(Split split) implements ConnectorSplit {

    /** Shown in Trino's split info and logs. */
    @JsonIgnore // derived, not data
    @Override
    public Map<String, String> getSplitInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("account", split.partition().account());
        info.put("region", split.partition().region());
        if (split.isLookup()) {
            info.put("arn", split.arn());
        }
        return info;
    }

    /** A rough size, for Trino's accounting of splits queued on a worker. */
    @JsonIgnore // derived, not data
    @Override
    public long getRetainedSizeInBytes() {
        return 256 + (split.arn() == null ? 0 : 2L * split.arn().length())
                + split.filters().stream().mapToLong(f -> 64 + 64L * f.values().size()).sum();
    }
}
