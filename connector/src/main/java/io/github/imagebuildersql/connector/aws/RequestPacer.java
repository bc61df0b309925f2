package io.github.imagebuildersql.connector.aws;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Spaces one account and region's requests evenly at a rate AWS will accept. AWS throttles each account
 * and region separately; keeping under its rate costs no retried calls, where outrunning it costs a
 * refused call and a back-off for each request too many.
 */
final class RequestPacer {
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private final long intervalNanos;
    private long nextNanos = System.nanoTime(); // guarded by this

    RequestPacer(int requestsPerSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / requestsPerSecond;
    }

    /** Waits for this request's slot; stops waiting, with the query, once it is cancelled. */
    void awaitTurn(BooleanSupplier cancelled) {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextNanos);
            nextNanos = slot + intervalNanos;
        }
        for (long wait = slot - System.nanoTime(); wait > 0 && !cancelled.getAsBoolean();
                wait = slot - System.nanoTime()) {
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, SLICE_NANOS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PartitionApi.CancelledException();
            }
        }
    }
}
