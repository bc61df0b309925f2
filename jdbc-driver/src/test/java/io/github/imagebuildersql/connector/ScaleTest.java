package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a scan of a whole organisation holds: threads bounded by maxConcurrency, not by accounts ×
 * regions; one role session per account; nothing left running once the connection is closed.
 */
class ScaleTest {
    static final int ACCOUNTS = 100;
    static final int MAX_CONCURRENCY = 16;
    /** The SDK's timeout scheduler (2), the HTTP pool's idle-connection reaper (1), and one to spare. */
    static final int FIXED_THREADS = 4;
    static final int REGIONS = 16;
    static final Fixture ESTATE = EstateGenerator.generate("accounts=" + ACCOUNTS + ",regions=" + REGIONS
            + ",pipelines=1,workflows=0");
    static final int PARTITIONS = ACCOUNTS * REGIONS;
    static EmulatedAws aws;

    @BeforeAll
    static void start() {
        aws = EmulatedAws.start(ESTATE);
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void anOrganisationScanRunsOnAtMostMaxConcurrencyThreadsAndAssumesEachRoleOnce() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int peak = 0;
        int rows = 0;
        try (Connection c = aws.connect("accounts=org", "roleName=Reader", "maxConcurrency=" + MAX_CONCURRENCY,
                "regions=" + String.join(",", EstateGenerator.REGIONS.subList(0, REGIONS)));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select account_id, region, name from imagebuilder_image_pipeline")) {
            while (rs.next()) {
                if (rows++ % 25 == 0) {
                    peak = Math.max(peak, connectorThreads(before).size());
                }
            }
        }
        assertEquals(PARTITIONS, rows);
        assertEquals(PARTITIONS, aws.stats().total("ListImagePipelines"));
        assertEquals(ACCOUNTS, aws.stats().total("AssumeRole"), "one role session per account, shared by its regions");
        assertTrue(peak <= MAX_CONCURRENCY + FIXED_THREADS, "peak of " + peak + " connector threads for "
                + PARTITIONS + " partitions at maxConcurrency=" + MAX_CONCURRENCY);
        assertTrue(peak > 0, "the sampling saw the scan's threads");

        long calls = aws.stats().totalRequests();
        for (Thread t : connectorThreads(before)) {
            t.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(t.isAlive(), t.getName() + " outlived its connection");
        }
        assertEquals(calls, aws.stats().totalRequests(), "no call after close");
    }

    /** Threads started since {@code before} that are not the emulator's. */
    private static List<Thread> connectorThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.getName().startsWith("emulator-") && t.isAlive())
                .toList();
    }
}
