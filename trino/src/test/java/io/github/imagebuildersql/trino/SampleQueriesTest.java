package io.github.imagebuildersql.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trino.Session;
import io.trino.spi.type.TimeZoneKey;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Each sample query in a cluster whose catalog is the demo estate ({@code demo=true}), in a session whose time
 * zone is UTC: its answer is the driver's, the .csv beside it, cell for cell. A query written in the driver's
 * dialect runs with the rewrites docs/trino.md lists (see {@link TrinoDialect}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleQueriesTest {
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

    @TestFactory
    Stream<DynamicTest> everySampleQueryGivesTheDriversAnswer() throws IOException {
        return SampleAnswers.trinoQueries().stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            MaterializedResult result = trino.execute(utc, SampleAnswers.trinoSql(q)).toTestTypes();
            List<List<Object>> rows = new ArrayList<>();
            for (MaterializedRow row : result.getMaterializedRows()) {
                rows.add(row.getFields());
            }
            SampleAnswers.assertAnswer(q, result.getColumnNames(), rows);
        }));
    }

    /** The queries docs/trino.md says Trino does not run do fail in Trino: the list is no longer than it must be. */
    @TestFactory
    Stream<DynamicTest> theQueriesWrittenInCalcitesSqlFailInTrino() throws IOException {
        assertThat(SampleAnswers.calciteOnly()).isNotEmpty();
        return SampleAnswers.calciteOnly().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path q = SampleAnswers.QUERIES.resolve(name);
            assertThat(Files.exists(q)).as(name).isTrue();
            assertThatThrownBy(() -> trino.execute(utc, SampleAnswers.trinoSql(q))).as(name)
                    .isInstanceOf(RuntimeException.class);
        }));
    }

    @Test
    void docsNameTheQueriesThatNeedARewrite() throws IOException {
        List<String> rewritten = new ArrayList<>();
        for (Path q : SampleAnswers.trinoQueries()) {
            if (TrinoDialect.needsRewrite(Files.readString(q))) {
                rewritten.add("`" + q.getFileName() + "`");
            }
        }
        assertThat(rewritten).isNotEmpty();
        String docs = Files.readString(SampleAnswers.QUERIES.resolve("../../docs/trino.md"));
        assertThat(docs.replaceAll("\\s+", " ")).contains("The sample queries that need one of these rewrites: "
                + String.join(", ", rewritten) + ".");
    }
}
