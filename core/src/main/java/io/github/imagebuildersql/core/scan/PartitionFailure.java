package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.partition.Partition;
import java.util.Set;

/**
 * A partition whose listing failed after retries: where, which call, what AWS said.
 *
 * @param rowsBefore rows of this partition already returned before it failed
 */
public record PartitionFailure(String table, Partition partition, String operation, String errorCode, String message,
        long rowsBefore) {

    /** One line for an SQLException, a warning or a log, naming account, region, operation and error. */
    public String describe() {
        return table + ": account " + partition.account() + " region " + partition.region() + ": " + operation
                + " failed: " + errorCode + ": " + message
                + (rowsBefore > 0 ? " (after " + rowsBefore + " rows; this partition's rows are incomplete)" : "")
                + (UNRECOGNIZED.contains(errorCode) ? " (is " + partition.region() + " enabled for this account? "
                        + "List the regions you use, or add ignoreErrorCodes=" + errorCode + ")" : "");
    }

    /** What an opt-in region that is not enabled answers. */
    private static final Set<String> UNRECOGNIZED = Set.of("UnrecognizedClientException",
            "InvalidClientTokenId");
}
