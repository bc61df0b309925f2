package io.github.imagebuildersql.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trino.Session;
import io.trino.spi.type.MapType;
import io.trino.spi.type.TimeZoneKey;
import io.trino.spi.type.Type;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Each sample query (sample-queries/queries) in a cluster whose catalog is the demo estate ({@code demo=true}),
 * in a session whose time zone is UTC: its answer is the .csv beside it, the driver's answer, cell for cell. A
 * query written in the driver's dialect runs with the rewrites docs/trino.md lists (see {@link TrinoDialect}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleQueriesTest {
    static final Path QUERIES = Path.of(System.getProperty("imagebuilder.sample.queries"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    private DistributedQueryRunner trino;
    private Session utc;

    @BeforeAll
    void startCluster() throws Exception {
        trino = TrinoCluster.start(Map.of("demo", "true"));
        utc = testSessionBuilder().setCatalog(TrinoCluster.CATALOG).setSchema(TrinoTables.SCHEMA)
                .setTimeZoneKey(TimeZoneKey.UTC_KEY).build();
    }

    @AfterAll
    void stopCluster() {
        trino.close();
    }

    static List<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleQueryGivesTheDriversAnswer() throws IOException {
        List<Path> queries = queries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(14);
        return queries.stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            List<List<String>> expected = csv(Path.of(q.toString().replaceAll("\\.sql$", ".csv")));
            MaterializedResult result = trino.execute(utc, TrinoDialect.of(Files.readString(q)).replaceAll(";\\s*$", ""));
            assertThat(result.getColumnNames()).isEqualTo(expected.get(0));
            List<List<String>> actual = new ArrayList<>();
            for (MaterializedRow row : result.toTestTypes().getMaterializedRows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getFieldCount(); i++) {
                    cells.add(text(row.getField(i), result.getTypes().get(i)));
                }
                actual.add(cells);
            }
            List<List<String>> expectedRows = expected.subList(1, expected.size()).stream()
                    .map(r -> normalised(r, result.getTypes())).toList();
            assertThat(actual).isEqualTo(expectedRows);
        }));
    }

    @Test
    void docsNameTheQueriesThatNeedARewrite() throws IOException {
        List<String> rewritten = new ArrayList<>();
        for (Path q : queries()) {
            if (TrinoDialect.needsRewrite(Files.readString(q))) {
                rewritten.add("`" + q.getFileName() + "`");
            }
        }
        assertThat(rewritten).isNotEmpty();
        String docs = Files.readString(QUERIES.resolve("../../docs/trino.md"));
        assertThat(docs).contains("The sample queries that need one of these rewrites: " + String.join(", ", rewritten)
                + ".");
    }

    /** A value as the driver's CSV prints it: NULL empty, instants in ISO-8601 UTC, maps as JSON. */
    private static String text(Object value, Type type) throws IOException {
        if (value == null) {
            return "";
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toString();
        }
        if (type instanceof MapType) {
            return JSON.writeValueAsString(new TreeMap<>((Map<?, ?>) value));
        }
        return value.toString();
    }

    /** Maps compare with their keys sorted: Trino hands a map over without its keys' order. */
    private static List<String> normalised(List<String> row, List<Type> types) {
        List<String> cells = new ArrayList<>(row);
        for (int i = 0; i < cells.size(); i++) {
            if (types.get(i) instanceof MapType && !cells.get(i).isEmpty()) {
                try {
                    cells.set(i, JSON.writeValueAsString(JSON.readValue(cells.get(i), TreeMap.class)));
                } catch (IOException e) {
                    throw new AssertionError(cells.get(i) + " is not JSON", e);
                }
            }
        }
        return cells;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                rows.add(record.toList());
            }
            return rows;
        }
    }
}
