package io.github.imagebuildersql.emulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * AWS's request throttling: a token bucket per account and region, refilled at N tokens a second and
 * holding at most N, one token per request.
 */
final class RateLimits {
    private final int perSecond;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimits(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Whether this partition's request may proceed now (taking a token), or is throttled. */
    boolean admit(String partition) {
        return admit(partition, System.nanoTime());
    }

    boolean admit(String partition, long nanoTime) {
        return perSecond == 0 || partition == null
                || buckets.computeIfAbsent(partition, p -> new Bucket(perSecond, nanoTime)).take(nanoTime);
    }

    private static final class Bucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long refilledAt;

        Bucket(int perSecond, long nanoTime) {
            this.perNano = perSecond / (double) TimeUnit.SECONDS.toNanos(1);
            this.capacity = perSecond;
            this.tokens = perSecond;
            this.refilledAt = nanoTime;
        }

        synchronized boolean take(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens--;
                return true;
            }
            return false;
        }
    }
}
