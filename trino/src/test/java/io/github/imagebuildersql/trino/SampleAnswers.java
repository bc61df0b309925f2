package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The sample queries (sample-queries/queries) and their answers on the demo estate, the .csv beside each as the
 * driver's command line prints it: NULL empty, instants in ISO-8601 UTC, maps as JSON.
 */
final class SampleAnswers {
    static final Path QUERIES = Path.of(System.getProperty("imagebuilder.sample.queries"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleAnswers() {}

    static List<Path> queries() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            List<Path> sql = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            assertThat(sql).hasSizeGreaterThanOrEqualTo(14);
            return sql;
        }
    }

    /**
     * The sample queries Trino runs: all but those docs/trino.md names as written in Calcite's own SQL (a JSON path
     * built at run time, {@code SIMILAR TO}, {@code char_length}, the driver's information_schema).
     */
    static List<Path> trinoQueries() throws IOException {
        Set<String> calciteOnly = calciteOnly();
        return queries().stream().filter(q -> !calciteOnly.contains(q.getFileName().toString())).toList();
    }

    /** The file names docs/trino.md lists from "The sample queries written in Calcite's own SQL" to "Every other". */
    static Set<String> calciteOnly() throws IOException {
        String docs = Files.readString(QUERIES.resolve("../../docs/trino.md")).replaceAll("\\s+", " ");
        Matcher m = Pattern.compile("The sample queries written in Calcite's own SQL[^:]*:(.*?)Every other sample query")
                .matcher(docs);
        assertThat(m.find()).as("docs/trino.md lists the sample queries Trino does not run").isTrue();
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("`([^`]+\\.sql)`").matcher(m.group(1));
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    /** The query as Trino runs it: the rewrites docs/trino.md lists, and no statement terminator. */
    static String trinoSql(Path query) throws IOException {
        return TrinoDialect.of(Files.readString(query)).strip().replaceAll(";$", "");
    }

    /** Asserts that Trino's answer (column names, and rows of values as Trino's clients return them) is the .csv. */
    static void assertAnswer(Path query, List<String> columns, List<List<Object>> rows) throws IOException {
        List<List<String>> expected = csv(Path.of(query.toString().replaceAll("\\.sql$", ".csv")));
        assertThat(columns).as(query.getFileName().toString()).isEqualTo(expected.get(0));
        List<List<String>> actual = new ArrayList<>();
        List<List<String>> wanted = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            List<String> expectedCells = new ArrayList<>(r + 1 < expected.size() ? expected.get(r + 1) : List.of());
            for (int i = 0; i < rows.get(r).size(); i++) {
                Object value = rows.get(r).get(i);
                cells.add(text(value));
                if (value instanceof Map<?, ?> && i < expectedCells.size() && !expectedCells.get(i).isEmpty()) {
                    expectedCells.set(i, sortedJson(expectedCells.get(i)));
                }
            }
            actual.add(cells);
            wanted.add(expectedCells);
        }
        wanted.addAll(expected.subList(Math.min(rows.size() + 1, expected.size()), expected.size()));
        assertThat(actual).as(query.getFileName().toString()).isEqualTo(wanted);
    }

    /** A value as the driver's CSV prints it. Maps with their keys sorted: Trino's clients do not keep their order. */
    private static String text(Object value) throws JsonProcessingException {
        if (value == null) {
            return "";
        }
        if (value instanceof ZonedDateTime time) {
            return time.toInstant().toString();
        }
        if (value instanceof Timestamp time) {
            return time.toInstant().toString();
        }
        if (value instanceof Map<?, ?> map) {
            return JSON.writeValueAsString(new TreeMap<>(map));
        }
        return value.toString();
    }

    private static String sortedJson(String json) {
        try {
            return JSON.writeValueAsString(JSON.readValue(json, TreeMap.class));
        } catch (JsonProcessingException e) {
            throw new AssertionError(json + " is not a JSON object", e);
        }
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
