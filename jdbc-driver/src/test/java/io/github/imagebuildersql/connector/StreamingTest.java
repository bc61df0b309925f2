package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows stream as pages arrive, and a reader that stops early stops the work: the emulator's call count
 * freezes and no scan thread is left running. 60 partitions of 2 pages at 30 ms a call, 4 at a time:
 * a full scan is 120 calls. Each test counts only its own calls.
 */
class StreamingTest {
    static final List<String> REGIONS = EstateGenerator.REGIONS.subList(0, 3);
    static Fixture estate = EstateGenerator.generate("accounts=20,regions=3,pipelines=30,workflows=0");
    /** The ListImagePipelines calls of a full scan. */
    static final long PAGES = FixtureCounts.pages(estate, Fixture.IMAGE_PIPELINES, REGIONS);
    static EmulatedAws aws;
    static String[] properties;

    @BeforeAll
    static void start() {
        aws = EmulatedAws.start(estate, EmulatorOptions.defaults().withLatency(Duration.ofMillis(30)));
        properties = new String[] {"accounts=" + String.join(",", estate.accounts().keySet()), "roleName=Reader",
                "regions=" + String.join(",", REGIONS), "maxConcurrency=4"};
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void closingAfterTheFirstRowStopsTheScan() throws Exception {
        try (Connection c = aws.connect(properties)) {
            aws.stats().reset();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
                assertTrue(rs.next());
            }
            long afterClose = callsOnceScanThreadsEnded();
            assertTrue(afterClose < PAGES / 2, "the scan stopped early: " + afterClose + " calls of " + PAGES
                    + " (plus role sessions)");
            assertEquals(afterClose, aws.stats().totalRequests(), "nothing runs after close");
            assertConnectionStillAnswers(c);
        }
    }

    @Test
    void limitClosesTheScanEarly() throws Exception {
        try (Connection c = aws.connect(properties)) {
            aws.stats().reset();
            assertEquals(5, EmulatedAws.column(c, "select name from imagebuilder_image_pipeline limit 5").size());
            long calls = callsOnceScanThreadsEnded();
            assertTrue(calls < PAGES / 2, "calls: " + calls);
        }
    }

    @Test
    void cancelStopsTheScanAndTheConnectionStaysUsable() throws Exception {
        try (Connection c = aws.connect(properties); Statement s = c.createStatement()) {
            aws.stats().reset();
            ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline");
            assertTrue(rs.next());
            s.cancel();
            SQLException e = assertThrows(SQLException.class, () -> {
                while (rs.next()) {
                    // reading on until the cancel is seen
                }
            });
            assertTrue(e.getMessage().contains("cancel"), e.getMessage());
            long calls = callsOnceScanThreadsEnded();
            assertTrue(calls < PAGES / 2, "the scan stopped early: " + calls + " calls of " + PAGES
                    + " (plus role sessions)");
            assertConnectionStillAnswers(c);
        }
    }

    @Test
    void queryTimeoutEndsAQueryWaitingOnAHungPartition() throws Exception {
        Fixture hung = ReliabilityTest.fixture("{\"us-east-1\": {\"delayMs\": 600000}}");
        try (EmulatedAws slow = EmulatedAws.start(hung);
                Connection c = slow.connect("regions=us-east-1", "callTimeout=3"); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            SQLException e = assertThrows(SQLException.class, () -> {
                try (ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
                    rs.next();
                }
            });
            assertTrue(e instanceof SQLTimeoutException, e.toString());
            assertTrue(e.getMessage().contains("timeout of 1000 ms"), e.getMessage());
            callsOnceScanThreadsEnded();
        }
    }

    @Test
    void theFirstRowArrivesBeforeTheLastPartitionIsListed() throws Exception {
        try (Connection c = aws.connect(properties)) {
            aws.stats().reset();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
                assertTrue(rs.next());
                long atFirstRow = aws.stats().total("ListImagePipelines");
                assertTrue(atFirstRow < PAGES, "first row after " + atFirstRow + " of " + PAGES + " calls");
                int n = 1;
                while (rs.next()) {
                    n++;
                }
                assertEquals(FixtureCounts.objects(estate, Fixture.IMAGE_PIPELINES, a -> true), n);
                assertEquals(PAGES, aws.stats().total("ListImagePipelines"));
            }
        }
    }

    /** One partition's pipelines, every one of them, on the connection whose earlier scan was stopped. */
    private static void assertConnectionStillAnswers(Connection c) throws SQLException {
        String account = EstateGenerator.accountId(3);
        assertEquals(estate.account(account).region(REGIONS.get(2)).imagePipelines().size(),
                EmulatedAws.column(c, "select name from imagebuilder_image_pipeline where account_id = '" + account
                        + "' and region = '" + REGIONS.get(2) + "'").size(), "the connection is still usable");
    }

    /** Waits for every scan worker to end (join, not sleep), then reads the now-final call count. */
    private static long callsOnceScanThreadsEnded() throws Exception {
        List<Thread> scanThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("imagebuilder-scan-")).toList();
        CompletableFuture.runAsync(() -> scanThreads.forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).get(30, TimeUnit.SECONDS);
        return aws.stats().totalRequests();
    }
}
