package io.github.imagebuildersql.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.table.ImagePipelineTable;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading a scan without blocking the reader's thread (as a Trino driver thread must), and scans that share
 * one inventory's budget of requests in flight (as a Trino worker's splits do).
 */
class NonBlockingScanTest {
    static final EstateGenerator.Spec SPEC = EstateGenerator.parseSpec("accounts=6,regions=2,pipelines=30,workflows=0");
    static final Fixture ESTATE = EstateGenerator.generate(SPEC);
    static final List<String> COLUMNS = List.of("arn", "name");
    static Emulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(ESTATE, EmulatorOptions.defaults().withLatency(Duration.ofMillis(100)));
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.stats().reset();
    }

    static ConnectorConfig config(String maxConcurrency) {
        return ConnectorConfig.parse(Map.of("endpoint", emulator.endpoint().toString(), "accounts",
                String.join(",", ESTATE.accounts().keySet()), "roleName", "Reader", "regions",
                String.join(",", EstateGenerator.REGIONS.subList(0, SPEC.regions())), "maxConcurrency", maxConcurrency));
    }

    @Test
    void readyRowsNeverWaitAndWhenReadyCompletesAsPagesArrive() throws Exception {
        try (Inventory inventory = new Inventory(config("4"))) {
            ScanRequest request = ScanRequest.of(COLUMNS);
            ScanPlan plan = inventory.plan(ImagePipelineTable.DEFINITION, request);
            try (ScanExecution<?> scan = inventory.execute(ImagePipelineTable.DEFINITION, plan, request,
                    ScanListener.NONE, null, 0)) {
                // every call takes 80 ms or more, and AssumeRole comes first: nothing can be ready yet
                assertEquals(List.of(), scan.readyRows(100));
                CompletableFuture<Void> ready = scan.whenReady();
                assertFalse(ready.isDone());
                assertFalse(scan.finished());

                List<Object[]> rows = new ArrayList<>();
                int reads = 0;
                while (!scan.finished()) {
                    scan.whenReady().get(60, TimeUnit.SECONDS);
                    List<Object[]> batch = scan.readyRows(7);
                    assertTrue(batch.size() <= 7);
                    rows.addAll(batch);
                    reads++;
                }
                assertTrue(ready.isDone(), "an earlier future completes too");
                assertEquals(EstateGenerator.pipelineCount(SPEC), rows.size());
                assertTrue(reads >= rows.size() / 7);
                assertEquals(EstateGenerator.pipelinePages(SPEC), emulator.stats().total("ListImagePipelines"));
                assertTrue(scan.whenReady().isDone(), "a finished scan is never waited for");
            }
        }
    }

    @Test
    void aLimitEndsTheScanAfterThatManyRows() throws Exception {
        try (Inventory inventory = new Inventory(config("1"))) {
            ScanRequest request = ScanRequest.of(COLUMNS).limit(3);
            try (ScanExecution<?> scan = inventory.execute(ImagePipelineTable.DEFINITION,
                    inventory.plan(ImagePipelineTable.DEFINITION, request), request, ScanListener.NONE, null, 0)) {
                List<Object[]> rows = new ArrayList<>();
                while (!scan.finished()) {
                    scan.whenReady().get(60, TimeUnit.SECONDS);
                    rows.addAll(scan.readyRows(100));
                }
                assertEquals(3, rows.size());
                assertTrue(scan.awaitWorkersEnded(30, TimeUnit.SECONDS));
            }
            assertEquals(1, emulator.stats().total("ListImagePipelines"), "one page gave the rows");
        }
    }

    @Test
    void scansOfAnInventorySharingOneBudgetStayWithinItsMaxConcurrency() throws Exception {
        assertEquals(2, peakInFlightOfOneScanPerSplit(Inventory::sharingOneBudget));
        assertTrue(peakInFlightOfOneScanPerSplit(Inventory::new) > 2, "without sharing, each scan has its own 2");
    }

    /** Every partition scanned at once as a scan of its own, as a Trino worker runs its splits. */
    private int peakInFlightOfOneScanPerSplit(Function<ConnectorConfig, Inventory> inventories) throws Exception {
        try (Inventory inventory = inventories.apply(config("2"))) {
            ScanRequest request = ScanRequest.of(COLUMNS);
            ScanPlan plan = inventory.plan(ImagePipelineTable.DEFINITION, request);
            emulator.stats().reset();
            List<ScanExecution<?>> scans = new ArrayList<>();
            for (Split split : plan.splits()) {
                scans.add(inventory.execute(ImagePipelineTable.DEFINITION, new ScanPlan(List.of(split)), request,
                        ScanListener.NONE, null, 0));
            }
            long rows = 0;
            for (ScanExecution<?> scan : scans) {
                while (scan.hasNext()) {
                    scan.next();
                    rows++;
                }
                scan.close();
            }
            assertEquals(EstateGenerator.pipelineCount(SPEC), rows);
            return emulator.stats().peakInFlight();
        }
    }
}
