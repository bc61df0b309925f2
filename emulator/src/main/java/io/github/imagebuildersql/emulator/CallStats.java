package io.github.imagebuildersql.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every request received, by operation and by account/region, failed and faulted ones included:
 * the evidence tests use for "this query made exactly one GetImagePipeline call"; and how many were being
 * answered at once, at most (a bound on requests in flight, seen from the server).
 */
public final class CallStats {
    private final ConcurrentMap<String, LongAdder> total = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<String, LongAdder>> byPartition = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> faults = new ConcurrentHashMap<>();
    /** Kept across resets: which operations this emulator has ever been asked for. */
    private final java.util.Set<String> everSeen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    /** A request arrived; {@link #answered} follows when its answer is ready. */
    public void request(String operation, String partition) {
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        everSeen.add(operation);
        total.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (partition != null) {
            byPartition.computeIfAbsent(partition, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(operation, k -> new LongAdder()).increment();
        }
    }

    public void answered() {
        inFlight.decrementAndGet();
    }

    /** The most requests being answered at once since the last reset. */
    public int peakInFlight() {
        return peakInFlight.get();
    }

    public void fault(String kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long total(String operation) {
        LongAdder n = total.get(operation);
        return n == null ? 0 : n.sum();
    }

    public long inPartition(String account, String region, String operation) {
        Map<String, LongAdder> ops = byPartition.get(account + "/" + region);
        LongAdder n = ops == null ? null : ops.get(operation);
        return n == null ? 0 : n.sum();
    }

    public long faults(String kind) {
        LongAdder n = faults.get(kind);
        return n == null ? 0 : n.sum();
    }

    /** Every request counted so far, whatever the operation. */
    public long totalRequests() {
        return total.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Every operation received since the emulator started, resets notwithstanding. */
    public java.util.Set<String> operationsEverSeen() {
        return java.util.Set.copyOf(everSeen);
    }

    public synchronized void reset() {
        total.clear();
        byPartition.clear();
        faults.clear();
        peakInFlight.set(inFlight.get());
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.set("total", counts(total));
        ObjectNode partitions = root.putObject("byPartition");
        new TreeMap<>(byPartition).forEach((p, ops) -> partitions.set(p, counts(ops)));
        root.set("faults", counts(faults));
        root.put("peakInFlight", peakInFlight.get());
        return root;
    }

    private static ObjectNode counts(Map<String, LongAdder> m) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        new TreeMap<>(m).forEach((k, v) -> node.put(k, v.sum()));
        return node;
    }
}
