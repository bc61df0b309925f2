package io.github.imagebuildersql.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The slots a partition's requests get under {@code rateLimit}, on a clock the test moves (no sleeps):
 * half a second's requests at once, then one interval apart, and the burst back after a pause.
 * RateLimitTest shows the same against the emulator's buckets: equal answers, no throttled calls.
 */
class RequestPacerTest {
    final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));

    @Test
    void halfASecondOfRequestsGoAtOnceThenOneIntervalApart() {
        RequestPacer pacer = new RequestPacer(20, now::get);

        List<Long> slots = slotsMs(pacer, 13);

        long start = ms(now.get());
        assertEquals(List.of(start, start, start, start, start, start, start, start, start, start,
                start + 50, start + 100, start + 150), slots);
    }

    @Test
    void requestsThatKeepToTheRateAreNotDelayed() {
        RequestPacer pacer = new RequestPacer(20, now::get);
        for (int i = 0; i < 100; i++) {
            assertEquals(ms(now.get()), ms(pacer.nextSlot()), "request " + i);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Test
    void aPausedPartitionGetsItsBurstBackButNoMore() {
        RequestPacer pacer = new RequestPacer(20, now::get);
        slotsMs(pacer, 30); // 10 at once, then 20 more over a second

        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        List<Long> slots = slotsMs(pacer, 11);

        long resumed = ms(now.get());
        assertEquals(10, slots.stream().filter(s -> s == resumed).count());
        assertEquals(resumed + 50, slots.get(10));
    }

    @Test
    void aRateOfOneHasNoBurst() {
        RequestPacer pacer = new RequestPacer(1, now::get);

        long start = ms(now.get());
        assertEquals(List.of(start, start + 1000, start + 2000), slotsMs(pacer, 3));
    }

    private static List<Long> slotsMs(RequestPacer pacer, int requests) {
        List<Long> slots = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            slots.add(ms(pacer.nextSlot()));
        }
        return slots;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
