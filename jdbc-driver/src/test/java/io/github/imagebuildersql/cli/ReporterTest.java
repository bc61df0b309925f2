package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.scan.PartitionFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What stderr says about skipped partitions: each of the first, then a count by error, or each with --verbose. */
class ReporterTest {
    private static final int SKIPPED = Reporter.LISTED + 7;

    @Test
    void theFirstSkippedPartitionsAreListedAndTheRestCountedByErrorWhenTheCommandEnds() {
        List<String> lines = report(false);
        assertEquals(Reporter.LISTED + 2, lines.size(), String.join("\n", lines));
        assertEquals("warning: partition skipped: imagebuilder_image_pipeline: account 100000000000 region "
                + "us-east-1: AssumeRole failed: AccessDenied: not authorized", lines.get(0));
        assertEquals(Reporter.LISTED, lines.stream().filter(l -> l.startsWith("warning: partition skipped: ")).count());
        assertEquals("warning: more partitions skipped: counted from here on, not listed (--verbose lists each)",
                lines.get(Reporter.LISTED));
        assertEquals("warning: 7 more partition(s) skipped besides those listed: AccessDenied 4, Throttling 3",
                lines.get(Reporter.LISTED + 1));
    }

    @Test
    void verboseListsEverySkippedPartitionOnce() {
        List<String> lines = report(true);
        assertEquals(SKIPPED, lines.size(), String.join("\n", lines));
        assertEquals(SKIPPED, lines.stream().filter(l -> l.startsWith("warning: partition skipped: ")).distinct().count());
    }

    /** SKIPPED partitions, each reported twice (as two scans of one statement would), the last three throttled. */
    private static List<String> report(boolean verbose) {
        StringWriter err = new StringWriter();
        try (Reporter reporter = Reporter.install(new PrintWriter(err), false, verbose)) {
            for (int twice = 0; twice < 2; twice++) {
                for (int i = 0; i < SKIPPED; i++) {
                    boolean throttled = i >= SKIPPED - 3;
                    reporter.partitionSkipped(new PartitionFailure("imagebuilder_image_pipeline",
                            new Partition(String.valueOf(100_000_000_000L + i), "us-east-1"),
                            throttled ? "ListImagePipelines" : "AssumeRole", throttled ? "Throttling" : "AccessDenied",
                            throttled ? "rate exceeded" : "not authorized", 0));
                }
            }
            assertEquals(SKIPPED, reporter.skipped().size(), "each partition once");
        }
        return err.toString().lines().toList();
    }
}
