package io.github.imagebuildersql.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark suite at tiny sizes, so it cannot rot: every case runs, the report renders, and the
 * exact call counts hold. Nothing here asserts a time.
 */
class BenchmarkSmokeTest {

    @Test
    void everyCaseRunsAndTheCallCountsAreExact() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        // This build stands in for an earlier commit's (bench/run --before), so that the comparing rows run too.
        Benchmarks b = new Benchmarks(Benchmarks.SMOKE, root, List.of(new Before("same", root)));
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
        EstateGenerator.Spec org = EstateGenerator.parseSpec(OrganisationScale.SMOKE.organisations().get(0));
        assertEquals(org.accounts() + (org.accounts() + 19) / 20 + EstateGenerator.pipelinePages(org),
                b.counts.get("org" + org.accounts() + ".calls"), "AssumeRole per account, ListAccounts pages, every page");
        assertTrue(EstateGenerator.pipelinePages(org) > org.accounts() * org.regions(), "some partitions have several pages");
        assertEquals(b.counts.get("rate.unlimited.calls"), b.counts.get("rate.paced.calls"), "pacing costs no retries");
        long imageBuilds = partitions * 4 * 2; // ImageDetailCase's smoke estate: 4 pipelines × 2 builds a partition
        assertEquals(0, b.counts.get("image.list.gets"));
        assertEquals(imageBuilds, b.counts.get("image.detail.gets"), "one GetImage per build");
        assertEquals(b.counts.get("image.list.calls") + imageBuilds, b.counts.get("image.detail.calls"));
        assertEquals(1, b.counts.get("image.pipeline.calls"), "one ListImagePipelineImages and nothing else");
        assertEquals(2, b.counts.get("image.pipeline.rows"));
        long exported = (long) s.exportAccounts() * s.exportRegions() * s.exportPipelines();
        assertEquals(exported, b.counts.get("sync.copy.history"), "one version per pipeline");
        assertEquals(exported, b.counts.get("sync.insert.history"));
        assertEquals(exported, b.counts.get("sync.copy.history.afterResync"), "nothing changed, no new version");
        String md = b.markdown();
        for (String section : new String[] {"## 1. Full scan", "## 2. Point lookup", "## 3.", "## 4.", "## 5.",
                "## 6. Cold start", "## 6b. Whole process", "## 7. Concurrency scaling", "## 8. Fault tolerance",
                "## 9. Organisation scale", "## 10. Images", "## 11. sync into PostgreSQL", "## 13. CPU per API call",
                "JVM start to first row, `java -jar` at same (before) |", "| `bin/imagebuilder-sql`: this commit ÷ same |",
                "| whole process: this commit ÷ same |", "| cold: this commit ÷ at same (before) |"}) {
            assertTrue(md.contains(section), section);
        }
    }
}
