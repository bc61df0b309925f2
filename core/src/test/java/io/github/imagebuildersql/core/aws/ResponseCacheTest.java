package io.github.imagebuildersql.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The bound is tested small here rather than by filling 64 MB through the emulator; the shared cache's bound is
 * asserted on its own. ResultCacheTest covers the same cache through JDBC connections.
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
    void theSharedCacheHoldsAnEstimatedSixtyFourMegabytes() {
        assertEquals(64L * 1024 * 1024, ResponseCache.MAX_BYTES, "the README's figure");
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
        PartitionApi sizing = api(cache(), "cacheTtl", "300");
        long room = cost(getPipeline(sizing, "ci-runner-al2023")) + cost(getPipeline(sizing, "ci-runner-windows-2022"));
        emulator.stats().reset();
        PartitionApi api = api(new ResponseCache(room, now::get), "cacheTtl", "300"); // room for these two Gets
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
    void aPageWeighsWhatItHoldsAgainstTheBound() {
        PartitionApi sizing = api(cache(), "cacheTtl", "300");
        long page = cost(listPipelines(sizing));
        emulator.stats().reset();
        PartitionApi api = api(new ResponseCache(page, now::get), "cacheTtl", "300");
        assertEquals(3, listPipelines(api).imagePipelineList().size());
        listPipelines(api);
        assertEquals(1, calls("ListImagePipelines"), "the page of three pipelines fills the bound");

        getPipeline(api, "ci-runner-al2023");
        listPipelines(api);
        assertEquals(2, calls("ListImagePipelines"), "one Get more, and the page is evicted");
    }

    /**
     * The bound is on the heap the answers really hold (measured after a full collection), not on their number: 600
     * workflows whose documents are 16,000 characters each (what exhausted a 256 MB heap under a bound of 20,000
     * entries) fill an 8 MB cache to about 8 MB, whatever their count.
     */
    @Test
    void theHeapTheAnswersHoldStaysNearTheBound() throws Exception {
        long bound = 8L << 20;
        int workflows = 600;
        try (Emulator big = Emulator.start(largeWorkflows(workflows))) {
            AwsClients bigClients = new AwsClients(ConnectorConfig.parse(Map.of("endpoint", big.endpoint().toString(),
                    "regions", "us-east-1")));
            try {
                long before = heapAfterCollection();
                ResponseCache cache = new ResponseCache(bound, now::get);
                PartitionApi api = new PartitionApi(US_EAST_1, bigClients.imagebuilder(US_EAST_1), new Semaphore(1),
                        () -> false, () -> { }, Runnable::run, 1, 0, cache.lookup(ConnectorConfig.parse(Map.of(
                                "endpoint", big.endpoint().toString(), "regions", "us-east-1", "cacheTtl", "300")),
                                bigClients.callerFingerprint()));
                for (int i = 0; i < workflows; i++) {
                    String arn = "arn:aws:imagebuilder:us-east-1:111111111111:workflow/build/big-" + i + "/1.0.0/1";
                    api.call("GetWorkflow", c -> c.getWorkflow(r -> r.workflowBuildVersionArn(arn)));
                }
                long held = heapAfterCollection() - before;
                assertTrue(cache.bytes() <= bound, "estimated " + cache.bytes());
                assertTrue(cache.bytes() > bound * 3 / 4, "and full: estimated " + cache.bytes());
                assertTrue(held < bound * 3 / 2 && held > bound / 2, "the answers held " + held + " bytes of heap for an "
                        + "estimate of " + cache.bytes() + " under a bound of " + bound);
                java.lang.ref.Reference.reachabilityFence(cache);
            } finally {
                bigClients.close();
            }
        }
    }

    private static long heapAfterCollection() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a collection may leave what the previous one freed: take the lowest
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    /** The base account's us-east-1 with {@code n} workflows, each with a 16,000-character document. */
    private static Fixture largeWorkflows(int n) {
        StringBuilder json = new StringBuilder("{\"credentials\": {\"accessKeyId\": \"AKIAEMULATORBASE0001\", "
                + "\"secretAccessKey\": \"emulator/base/secret/key/0000000000000001\", \"account\": \"111111111111\"}, "
                + "\"accounts\": {\"111111111111\": {\"regions\": {\"us-east-1\": {\"workflows\": [");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{\"arn\": \"arn:aws:imagebuilder:us-east-1:111111111111:workflow/build/big-")
                    .append(i).append("/1.0.0/1\", \"name\": \"big-").append(i).append("\", \"type\": \"BUILD\", \"data\": \"")
                    .append(Integer.toString(i).repeat(16_000 / Integer.toString(i).length() + 1), 0, 16_000).append("\"}");
        }
        json.append("]}}}}}");
        return Fixture.parse(new java.io.ByteArrayInputStream(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "large workflows");
    }

    private static long cost(Object answer) {
        return ResponseCache.weight(answer);
    }

    private ResponseCache cache() {
        return new ResponseCache(ResponseCache.MAX_BYTES, now::get);
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
                Runnable::run, 1, 0, cache.lookup(config(properties), clients.callerFingerprint()));
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
