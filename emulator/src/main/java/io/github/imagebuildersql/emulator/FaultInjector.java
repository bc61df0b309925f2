package io.github.imagebuildersql.emulator;

import java.time.Duration;
import java.util.SplittableRandom;

/** Draws the injected latency and faults for each request from one seeded generator. */
final class FaultInjector {
    enum Fault { NONE, THROTTLE, UNAVAILABLE }

    private final Duration latency;
    private final double throttleRate;
    private final double errorRate;
    private final SplittableRandom random;

    FaultInjector(EmulatorOptions options) {
        this.latency = options.latency();
        this.throttleRate = options.throttleRate();
        this.errorRate = options.errorRate();
        this.random = new SplittableRandom(options.seed());
    }

    /** Sleeps the configured latency, ±20%. */
    void delay() throws InterruptedException {
        if (latency.isZero()) {
            return;
        }
        double jitter;
        synchronized (random) {
            jitter = 0.8 + 0.4 * random.nextDouble();
        }
        long nanos = (long) (latency.toNanos() * jitter);
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }

    Fault draw() {
        if (throttleRate == 0 && errorRate == 0) {
            return Fault.NONE;
        }
        double r;
        synchronized (random) {
            r = random.nextDouble();
        }
        if (r < throttleRate) {
            return Fault.THROTTLE;
        }
        if (r < throttleRate + errorRate) {
            return Fault.UNAVAILABLE;
        }
        return Fault.NONE;
    }
}
