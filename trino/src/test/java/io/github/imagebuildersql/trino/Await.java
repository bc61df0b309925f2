package io.github.imagebuildersql.trino;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for what other threads or processes make true: a scan's calls, a node's log line. */
final class Await {
    private Await() {}

    /** Polls the condition, failing after a minute. */
    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited a minute for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
