package io.github.imagebuildersql.trino;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.emulator.CallStats;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The emulator's count of each operation since its last reset. */
final class CallCounts {
    /**
     * Where credentials come from, not what a query asks: each Trino worker assumes every role it needs once for
     * the catalog's life, a new JDBC connection once for its own.
     */
    static final Set<String> CREDENTIALS = Set.of("AssumeRole", "GetCallerIdentity");

    private CallCounts() {}

    /** Every operation but those that fetch credentials. */
    static Map<String, Long> of(CallStats stats) {
        Map<String, Long> counts = new TreeMap<>();
        JsonNode total = stats.toJson().get("total");
        total.fieldNames().forEachRemaining(op -> {
            if (!CREDENTIALS.contains(op)) {
                counts.put(op, total.get(op).asLong());
            }
        });
        return counts;
    }
}
