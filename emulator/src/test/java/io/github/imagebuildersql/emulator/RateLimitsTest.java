package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The token bucket behind --rate-limit, on a clock the test moves. */
class RateLimitsTest {
    static final long SECOND = 1_000_000_000L;

    @Test
    void aBucketAdmitsOneSecondsWorthAtOnceThenRefillsAtTheRate() {
        RateLimits limits = new RateLimits(10);
        assertEquals(10, IntStream.range(0, 15).filter(i -> limits.admit("111111111111/us-east-1", 0)).count());
        assertFalse(limits.admit("111111111111/us-east-1", SECOND / 20), "half a token has accrued");
        assertTrue(limits.admit("111111111111/us-east-1", SECOND / 10));
        assertEquals(10, IntStream.range(0, 15).filter(i -> limits.admit("111111111111/us-east-1", 5 * SECOND)).count(),
                "a bucket holds at most one second's worth");
    }

    @Test
    void eachAccountAndRegionHasItsOwnBucket() {
        RateLimits limits = new RateLimits(1);
        assertTrue(limits.admit("111111111111/us-east-1", 0));
        assertFalse(limits.admit("111111111111/us-east-1", 0));
        assertTrue(limits.admit("111111111111/eu-west-1", 0));
        assertTrue(limits.admit("222222222222/us-east-1", 0));
    }

    @Test
    void withoutALimitEveryRequestIsAdmitted() {
        RateLimits limits = new RateLimits(0);
        assertEquals(1000, IntStream.range(0, 1000).filter(i -> limits.admit("111111111111/us-east-1", 0)).count());
    }
}
