package io.github.imagebuildersql.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.imagebuildersql.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each file in queries/ is a question users ask; the .csv beside it is the answer on the demo estate.
 * Each runs as {@code query --demo --format csv --file Q.sql} through the shaded jar, in a JVM whose
 * zone is Los Angeles: once planned by Calcite, then again from the plan it kept (planCache).
 */
class SampleQueriesTest {
    static final Path QUERIES = Path.of("queries");
    /** The page that lists the questions, linking each file. */
    static final Path LIST = Path.of("..", "docs", "sample-queries.md");

    /** Where the command line keeps compiled plans: each query runs twice, planned, then from its kept plan. */
    @TempDir
    static Path plans;

    @TestFactory
    Stream<DynamicTest> everySampleQueryGivesItsExpectedAnswer() throws IOException {
        List<Path> sql = files(".sql");
        assertFalse(sql.isEmpty(), "no questions in " + QUERIES.toAbsolutePath());
        assertEquals(stems(sql), stems(files(".csv")), "every question has its answer beside it, and every answer its question");
        return sql.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            String expected = Files.readString(Path.of(q.toString().replaceAll("\\.sql$", ".csv")), StandardCharsets.UTF_8);
            long kept = entries();
            assertEquals(expected, answer(q), "planned");
            assertEquals(kept + 1, entries(), "its compiled plan is kept");
            assertEquals(expected, answer(q), "run again from the kept plan");
        }));
    }

    @Test
    void docsListEveryQuestionAndNoOther() throws IOException {
        String doc = Files.readString(LIST, StandardCharsets.UTF_8);
        List<String> listed = Pattern.compile("\\(\\.\\./sample-queries/queries/([^)]+\\.sql)\\)").matcher(doc).results()
                .map(m -> m.group(1)).toList();
        assertEquals(files(".sql").stream().map(f -> f.getFileName().toString()).toList(), listed,
                LIST + " lists each question once, in file order: add a row for a new query");
    }

    /** The files of queries/ with this extension, in name order. */
    static List<Path> files(String extension) throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static List<String> stems(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString().replaceAll("\\.\\w+$", "")).toList();
    }

    /** The query's answer through the command line, as a user runs it. */
    static String answer(Path q) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"query", "--demo", "--format", "csv", "--planCache", plans.toString(),
                "--file", q.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static long entries() throws IOException {
        try (Stream<Path> files = Files.list(plans)) {
            return files.filter(f -> f.toString().endsWith(".plan")).count();
        }
    }
}
