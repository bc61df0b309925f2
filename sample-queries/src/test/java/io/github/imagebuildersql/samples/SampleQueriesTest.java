package io.github.imagebuildersql.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each file in queries/ is a question users ask; the .csv beside it is the answer on the demo estate.
 * Each runs as {@code query --demo --format csv --file Q.sql} through the shaded jar, in a JVM whose
 * zone is Los Angeles.
 */
class SampleQueriesTest {
    static final Path QUERIES = Path.of("queries");

    @TestFactory
    Stream<DynamicTest> everySampleQueryGivesItsExpectedAnswer() throws IOException {
        List<Path> sql;
        try (Stream<Path> files = Files.list(QUERIES)) {
            sql = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(sql.size() >= 14, "the questions of the README: " + sql);
        return sql.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            Path expected = Path.of(q.toString().replaceAll("\\.sql$", ".csv"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = Main.run(new String[] {"query", "--demo", "--format", "csv", "--file", q.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        }));
    }
}
