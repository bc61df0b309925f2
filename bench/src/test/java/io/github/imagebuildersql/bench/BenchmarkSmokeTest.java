package io.github.imagebuildersql.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark suite at tiny sizes, so it cannot rot: every case runs, the report renders, and the
 * exact call counts hold. Nothing here asserts a time.
 */
class BenchmarkSmokeTest {

    @Test
    void everyCaseRunsAndTheCallCountsAreExact() throws Exception {
        Benchmarks b = new Benchmarks(Benchmarks.SMOKE, Path.of("..").toAbsolutePath().normalize());
        b.runAll();
        Benchmarks.Settings s = Benchmarks.SMOKE;
        long partitions = (long) s.accounts() * s.regions();
        long pages = (s.pipelines() + 24) / 25;
        assertEquals(s.accounts() + partitions * pages, b.counts.get("fullScan.calls"), "an AssumeRole per account, every page");
        assertEquals(1, b.counts.get("pointLookup.calls"));
        assertEquals(0, b.counts.get("pointLookup.lists"));
        assertEquals(partitions, b.counts.get("name.pushed"));
        assertEquals(partitions * pages, b.counts.get("name.scanned"));
        assertEquals(0, b.counts.get("workflow.list.gets"));
        assertEquals(partitions * s.workflows(), b.counts.get("workflow.data.gets"));
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals(0, b.counts.get("faults.seed" + seed + ".lost"), "rows lost under faults, seed " + seed);
        }
        String md = b.markdown();
        for (String section : new String[] {"## 1. Full scan", "## 2. Point lookup", "## 3.", "## 4.", "## 5.",
                "## 6. Cold start", "## 6b. Whole process", "## 7. Concurrency scaling",
                "## 8. Fault tolerance"}) {
            assertTrue(md.contains(section), section);
        }
    }
}
