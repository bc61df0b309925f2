package io.github.imagebuildersql.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.imagebuildersql.core.aws.PartitionApi.ApiCallException;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.model.GetImagePipelineResponse;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelinesResponse;

/**
 * The result cache's clock and bound. Each test owns a cache whose clock it moves (no sleeps) and, where
 * it matters, whose bound it chooses; the answers are the real SDK's against the emulator, asked through a
 * {@link PartitionApi} as a scan asks them, and the emulator's call counts show which came from the cache.
 * The bound is tested small here rather than by 20,000 requests to the emulator (a few milliseconds each:
 * minutes for the suite); the shared cache's bound is asserted on its own. ResultCacheTest covers the same cache
 * through JDBC connections.
 */
class ResponseCacheTest {
    /** The account of the test JVM's base credentials, whose us-east-1 has three pipelines. */
    static final Partition US_EAST_1 = new Partition("111111111111", "us-east-1");
    static final String PIPELINE = "arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/";
    static final Duration TTL = Duration.ofSeconds(300);
    static final Duration NANOSECOND = Duration.ofNanos(1);

    Emulator emulator;
    AwsClients clients;
    /** The cache's clock, in nanoseconds like System.nanoTime, whose origin is arbitrary. */
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.start(Fixture.sampleEstate());
        clients = new AwsClients(config());
    }

    @AfterEach
    void stop() {
        clients.close();
        emulator.close();
    }

    @Test
    void theSharedCacheHoldsTwentyThousandItems() {
        assertEquals(20_000, ResponseCache.MAX_ITEMS);
    }

    @Test
    void anAnswerIsReusedForCacheTtlAndAskedForOnceMoreJustAfter() {
        PartitionApi api = api(cache(), "cacheTtl", "300");
        ListImagePipelinesResponse first = listPipelines(api);
        advance(TTL);
        assertSame(first, listPipelines(api), "at exactly cacheTtl the stored answer is still served");
        assertEquals(1, calls("ListImagePipelines"));

        advance(NANOSECOND);
        ListImagePipelinesResponse second = listPipelines(api);
        assertNotSame(first, second);
        assertEquals(2, calls("ListImagePipelines"), "one nanosecond later AWS is asked once more");
        assertEquals(first.imagePipelineList(), second.imagePipelineList());

        advance(TTL);
        assertSame(second, listPipelines(api), "the fresh answer has a cacheTtl of its own");
        advance(NANOSECOND);
        listPipelines(api);
        assertEquals(3, calls("ListImagePipelines"));
    }

    @Test
    void expiryHoldsWhenTheClockWrapsAround() {
        now.set(Long.MAX_VALUE - TTL.toNanos() / 2);
        PartitionApi api = api(cache(), "cacheTtl", "300");
        ListImagePipelinesResponse first = listPipelines(api);
        advance(TTL);
        assertSame(first, listPipelines(api), "System.nanoTime may wrap during a TTL; only differences count");
        advance(NANOSECOND);
        listPipelines(api);
        assertEquals(2, calls("ListImagePipelines"));
    }

    @Test
    void eachConnectionReadsOnlyAnswersYoungerThanItsOwnCacheTtl() {
        ResponseCache cache = cache();
        PartitionApi dashboard = api(cache, "cacheTtl", "300");
        PartitionApi impatient = api(cache, "cacheTtl", "60");
        listPipelines(dashboard);
        advance(Duration.ofSeconds(61));
        ListImagePipelinesResponse fresh = listPipelines(impatient);
        assertEquals(2, calls("ListImagePipelines"), "61 seconds is too old for cacheTtl=60");
        assertSame(fresh, listPipelines(dashboard), "and the fresher answer replaced the older one for all");
        assertEquals(2, calls("ListImagePipelines"));
    }

    @Test
    void refreshCacheAlwaysAsksAwsAndItsAnswerReplacesTheStoredOneWithAFreshTtl() {
        ResponseCache cache = cache();
        PartitionApi dashboard = api(cache, "cacheTtl", "300");
        PartitionApi refresher = api(cache, "cacheTtl", "300", "refreshCache", "true");
        listPipelines(dashboard);
        advance(Duration.ofSeconds(200));
        listPipelines(refresher);
        ListImagePipelinesResponse refreshed = listPipelines(refresher);
        assertEquals(3, calls("ListImagePipelines"), "the refreshing connection never reads the cache");

        advance(Duration.ofSeconds(200));
        assertSame(refreshed, listPipelines(dashboard), "400 s after the first answer, 200 s after the refresh");
        assertEquals(3, calls("ListImagePipelines"));
    }

    @Test
    void aFailureIsNeverCached() {
        PartitionApi api = api(cache(), "cacheTtl", "300");
        assertThrows(ApiCallException.class, () -> getPipeline(api, "no-such-pipeline"));
        assertThrows(ApiCallException.class, () -> getPipeline(api, "no-such-pipeline"));
        assertEquals(2, calls("GetImagePipeline"));
    }

    @Test
    void beyondItsBoundTheLeastRecentlyUsedAnswersAreAskedForAgain() {
        PartitionApi api = api(new ResponseCache(2, now::get), "cacheTtl", "300"); // a Get is one item
        getPipeline(api, "ci-runner-al2023");
        getPipeline(api, "bastion-hardened");
        getPipeline(api, "ci-runner-al2023"); // from the cache: bastion-hardened is now the least recently used
        getPipeline(api, "ci-runner-windows-2022");
        assertEquals(3, calls("GetImagePipeline"));

        getPipeline(api, "ci-runner-al2023");
        getPipeline(api, "ci-runner-windows-2022");
        assertEquals(3, calls("GetImagePipeline"), "the two most recently used are still held");
        getPipeline(api, "bastion-hardened");
        assertEquals(4, calls("GetImagePipeline"), "the least recently used one was evicted");
    }

    @Test
    void aPageCountsAsOneItemPlusOnePerListedItemAgainstTheBound() {
        PartitionApi api = api(new ResponseCache(4, now::get), "cacheTtl", "300");
        assertEquals(3, listPipelines(api).imagePipelineList().size());
        listPipelines(api);
        assertEquals(1, calls("ListImagePipelines"), "a page of three pipelines fills a bound of four");

        getPipeline(api, "ci-runner-al2023");
        listPipelines(api);
        assertEquals(2, calls("ListImagePipelines"), "one Get more, and the page is evicted");
    }

    private ResponseCache cache() {
        return new ResponseCache(ResponseCache.MAX_ITEMS, now::get);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    /** The emulator's endpoint, us-east-1 and the base credentials' own account, with these properties. */
    private ConnectorConfig config(String... properties) {
        Map<String, String> values = new HashMap<>(Map.of("endpoint", emulator.endpoint().toString(),
                "regions", "us-east-1"));
        for (int i = 0; i < properties.length; i += 2) {
            values.put(properties[i], properties[i + 1]);
        }
        return ConnectorConfig.parse(values);
    }

    /** US_EAST_1's API as one connection's scan sees it: one call at a time, answered through {@code cache}. */
    private PartitionApi api(ResponseCache cache, String... properties) {
        return new PartitionApi(US_EAST_1, clients.imagebuilder(US_EAST_1), new Semaphore(1), () -> false, () -> { },
                Runnable::run, 1, 0, cache.lookup(config(properties)));
    }

    private static ListImagePipelinesResponse listPipelines(PartitionApi api) {
        return api.call("ListImagePipelines", c -> c.listImagePipelines(r -> r.maxResults(25)));
    }

    private static GetImagePipelineResponse getPipeline(PartitionApi api, String name) {
        return api.call("GetImagePipeline", c -> c.getImagePipeline(r -> r.imagePipelineArn(PIPELINE + name)));
    }

    private long calls(String operation) {
        return emulator.stats().total(operation);
    }
}
