package io.github.imagebuildersql.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.trino.Session;
import io.trino.execution.QueryInfo;
import io.trino.operator.OperatorStats;
import io.trino.plugin.base.metrics.LongCount;
import io.trino.server.BasicQueryInfo;
import io.trino.spi.QueryId;
import io.trino.spi.metrics.Metric;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.QueryRunner.MaterializedResultWithPlan;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A partition that fails (the sample estate's suspended account 444444444444 denies its role): onError=fail fails
 * the query with the driver's line, onError=skip and ignoreErrorCodes return the rest and count what they skipped
 * in the page source's metrics. And a slow organisation (every call 200 ms): each worker keeps maxConcurrency
 * requests in flight, and a cancelled query or a met LIMIT stops the calls.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureAndCancellationTest {
    static final String GOOD = "222222222222";
    static final String DENIED = "444444444444";
    static final String ROLE = "ImageBuilderInventoryRole";
    static final EstateGenerator.Spec SLOW = EstateGenerator.parseSpec("accounts=20,regions=3,pipelines=30,workflows=0");
    static final int MAX_CONCURRENCY = 2;

    private final Fixture sample = Fixture.sampleEstate();
    private Emulator sampleAws;
    private Emulator slowAws;
    private DistributedQueryRunner trino;

    @BeforeAll
    void start() throws Exception {
        sampleAws = Emulator.start(sample);
        Fixture slowEstate = EstateGenerator.generate(SLOW);
        slowAws = Emulator.start(slowEstate, EmulatorOptions.defaults().withLatency(Duration.ofMillis(200)));
        trino = TrinoCluster.start(failing("onError", "skip"));
        trino.createCatalog("fail", ImageBuilderConnectorFactory.NAME, failing("onError", "fail"));
        trino.createCatalog("ignore", ImageBuilderConnectorFactory.NAME, failing("ignoreErrorCodes", "AccessDenied"));
        trino.createCatalog("slow", ImageBuilderConnectorFactory.NAME, Map.of("endpoint", slowAws.endpoint().toString(),
                "accounts", "org", "roleName", "Reader", "maxConcurrency", String.valueOf(MAX_CONCURRENCY),
                "regions", String.join(",", EstateGenerator.REGIONS.subList(0, SLOW.regions()))));
    }

    private Map<String, String> failing(String key, String value) {
        return Map.of("endpoint", sampleAws.endpoint().toString(), "accounts", GOOD + "," + DENIED, "roleName", ROLE,
                "regions", "us-east-1", key, value);
    }

    @AfterAll
    void stop() {
        trino.close();
        sampleAws.close();
        slowAws.close();
    }

    @Test
    void onErrorFailFailsTheQueryWithTheDriversLine() throws Exception {
        String sql = "select name from imagebuilder_image_pipeline";
        String driversMessage;
        try (IsolatedJdbcDriver jdbc = new IsolatedJdbcDriver()) {
            driversMessage = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> jdbc.query(String.join(";", failingProperties()), sql)).getMessage();
        }
        assertThatThrownBy(() -> trino.execute(session("fail"), sql))
                .hasMessageContaining("account " + DENIED + " region us-east-1")
                .hasMessageContaining("AccessDenied")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(driversMessage).contains(e.getMessage()));
    }

    private List<String> failingProperties() {
        return failing("onError", "fail").entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    @Test
    void onErrorSkipAndIgnoredCodesReturnTheRestAndCountWhatTheySkipped() {
        int good = sample.account(GOOD).region("us-east-1").imagePipelines().size();
        for (String catalog : List.of(TrinoCluster.CATALOG, "ignore")) {
            MaterializedResultWithPlan result = trino.executeWithPlan(session(catalog),
                    "select account_id from imagebuilder_image_pipeline");
            assertThat(result.result().getOnlyColumn()).as(catalog).hasSize(good).allMatch(GOOD::equals);
            assertThat(skippedPartitions(result.queryId())).as(catalog).isEqualTo(1);
        }
        String explained = (String) trino.execute(session("ignore"),
                "explain analyze verbose select count(*) from imagebuilder_image_pipeline").getOnlyValue();
        assertThat(explained).contains(SkippedPartitions.METRIC);
    }

    /** What EXPLAIN ANALYZE VERBOSE shows as the scan's connector metrics, added up over the query's operators. */
    private long skippedPartitions(QueryId query) {
        QueryInfo info = trino.getCoordinator().getQueryManager().getFullQueryInfo(query);
        long skipped = 0;
        for (OperatorStats operator : info.getQueryStats().getOperatorSummaries()) {
            Metric<?> metric = operator.getConnectorMetrics().getMetrics().get(SkippedPartitions.METRIC);
            if (metric != null) {
                skipped += ((LongCount) metric).getTotal();
            }
        }
        return skipped;
    }

    @Test
    void eachWorkerKeepsItsOwnMaxConcurrencyRequestsInFlight() {
        slowAws.stats().reset();
        long rows = trino.execute(session("slow"), "select name from imagebuilder_image_pipeline").getRowCount();
        assertThat(rows).isEqualTo(EstateGenerator.pipelineCount(SLOW));
        assertThat(slowAws.stats().peakInFlight()).isGreaterThan(MAX_CONCURRENCY)
                .isLessThanOrEqualTo(MAX_CONCURRENCY * TrinoCluster.WORKERS);
    }

    @Test
    void aCancelledQueryStopsCallingTheApi() throws Exception {
        slowAws.stats().reset();
        String sql = "select name from imagebuilder_image_pipeline where name <> 'cancelled query'";
        CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> (long) trino.execute(session("slow"), sql)
                .getRowCount());
        Await.until("the scan to make its first calls", () -> slowAws.stats().total("ListImagePipelines") >= 8);
        QueryId query = trino.getCoordinator().getQueryManager().getQueries().stream()
                .filter(q -> q.getQuery().equals(sql)).map(BasicQueryInfo::getQueryId).findFirst().orElseThrow();
        trino.getCoordinator().getQueryManager().cancelQuery(query);
        assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("canceled");
        assertCallsStopBeforeTheScanEnds();
    }

    @Test
    void aMetLimitStopsTheScan() throws Exception {
        slowAws.stats().reset();
        assertThat(trino.execute(session("slow"), "select name from imagebuilder_image_pipeline limit 3").getRowCount())
                .isEqualTo(3);
        assertCallsStopBeforeTheScanEnds();
    }

    /** Calls are made on scan threads only: once none is left, the count is final. */
    private void assertCallsStopBeforeTheScanEnds() throws InterruptedException {
        Await.until("every scan thread to end", () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("imagebuilder-scan-")));
        assertThat(slowAws.stats().total("ListImagePipelines")).isLessThan(EstateGenerator.pipelinePages(SLOW) / 2);
    }

    private Session session(String catalog) {
        return testSessionBuilder().setCatalog(catalog).setSchema(TrinoTables.SCHEMA).build();
    }
}
