package io.github.imagebuildersql.emulator;

import java.time.Duration;

/**
 * How an emulator behaves besides its data: where it listens and which faults it injects.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param latency added to every request, with jitter of ±20% so that concurrent calls do not march in step
 * @param throttleRate probability that a request is refused as throttled
 * @param errorRate probability that a request fails with a 503
 * @param seed makes the fault draws repeatable
 * @param sessionTtl when set, overrides the lifetime of every credential AssumeRole issues
 * @param rateLimit Image Builder requests per second each account and region may make (a token bucket holding
 *     one second's worth); 0 for no limit
 */
public record EmulatorOptions(int port, Duration latency, double throttleRate, double errorRate, long seed,
        Duration sessionTtl, int rateLimit) {

    public EmulatorOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency.toMillis() + " ms");
        }
        requireProbability("throttle rate", throttleRate);
        requireProbability("error rate", errorRate);
        if (rateLimit < 0) {
            throw new IllegalArgumentException("rate limit must not be negative, got " + rateLimit);
        }
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions(0, Duration.ZERO, 0, 0, 1, null, 0);
    }

    public EmulatorOptions withPort(int newPort) {
        return new EmulatorOptions(newPort, latency, throttleRate, errorRate, seed, sessionTtl, rateLimit);
    }

    public EmulatorOptions withLatency(Duration newLatency) {
        return new EmulatorOptions(port, newLatency, throttleRate, errorRate, seed, sessionTtl, rateLimit);
    }

    public EmulatorOptions withThrottleRate(double rate) {
        return new EmulatorOptions(port, latency, rate, errorRate, seed, sessionTtl, rateLimit);
    }

    public EmulatorOptions withErrorRate(double rate) {
        return new EmulatorOptions(port, latency, throttleRate, rate, seed, sessionTtl, rateLimit);
    }

    public EmulatorOptions withSeed(long newSeed) {
        return new EmulatorOptions(port, latency, throttleRate, errorRate, newSeed, sessionTtl, rateLimit);
    }

    public EmulatorOptions withSessionTtl(Duration ttl) {
        return new EmulatorOptions(port, latency, throttleRate, errorRate, seed, ttl, rateLimit);
    }

    public EmulatorOptions withRateLimit(int requestsPerSecond) {
        return new EmulatorOptions(port, latency, throttleRate, errorRate, seed, sessionTtl, requestsPerSecond);
    }

    private static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, got " + p);
        }
    }
}
