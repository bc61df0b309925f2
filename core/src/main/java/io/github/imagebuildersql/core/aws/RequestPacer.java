package io.github.imagebuildersql.core.aws;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Keeps one account and region's requests at a rate AWS will accept. AWS throttles each account and region
 * with a token bucket: a burst at once, then its rate. Keeping under it costs no retried calls, where
 * outrunning it costs a refused call and a back-off for each request too many. The pacer is a bucket of
 * its own, half as deep as AWS's is assumed to be (a second's requests), so that requests that arrive
 * bunched by the network are still accepted: half a second's requests go at once, the rest one interval
 * apart, and an idle partition gets its burst back.
 */
final class RequestPacer {
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private final LongSupplier clock;
    private final long intervalNanos;
    private final long burstNanos;
    private long dueNanos; // when the next request is due at the rate, burst aside; guarded by this

    RequestPacer(int requestsPerSecond) {
        this(requestsPerSecond, System::nanoTime);
    }

    RequestPacer(int requestsPerSecond, LongSupplier clock) {
        this.clock = clock;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
        this.burstNanos = (Math.max(1, requestsPerSecond / 2) - 1) * intervalNanos;
        this.dueNanos = clock.getAsLong();
    }

    /** Waits for this request's slot; stops waiting, with the query, once it is cancelled. */
    void awaitTurn(BooleanSupplier cancelled) {
        long slot = nextSlot();
        for (long wait = slot - clock.getAsLong(); wait > 0 && !cancelled.getAsBoolean();
                wait = slot - clock.getAsLong()) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartitionApi.CancelledException();
            }
        }
    }

    /** Takes the next request's slot: now while the burst lasts, then one interval after another. */
    synchronized long nextSlot() {
        long slot = Math.max(clock.getAsLong(), dueNanos - burstNanos);
        dueNanos = Math.max(dueNanos, slot) + intervalNanos;
        return slot;
    }
}
