package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
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
 * The built plugin directory in a real Trino 476 server (a coordinator and a worker, each a process with the
 * plugin in a class loader of its own), queried through Trino's own JDBC driver in UTC. Both catalogs are the
 * demo estate, so each node runs its own emulator of it: the coordinator plans on its own, the worker scans on
 * its own, and the answers are still the driver's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoServerIT {
    static final String SKIPPING = "skipping";
    private TrinoServer server;

    @BeforeAll
    void startServer() throws Exception {
        // keys in any case, as a hand-written catalog file may have them; the nodes' files and logs stay in
        // target/ for a look after a failure
        server = TrinoServer.start(Path.of("target", "trino-server-it"), Map.of(
                TrinoCluster.CATALOG, Map.of("DEMO", "true"),
                SKIPPING, Map.of("demo", "true", "Accounts", "222222222222,444444444444", "regions", "us-east-1",
                        "onError", "skip")));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void catalogIsServedByThePluginsConnector() throws Exception {
        assertThat(column("select connector_name from system.metadata.catalogs where catalog_name = '"
                + TrinoCluster.CATALOG + "'")).containsExactly(ImageBuilderConnectorFactory.NAME);
    }

    @Test
    void schemaAwsListsEveryDeclaredTableWithItsColumns() throws Exception {
        assertThat(column("show tables")).containsExactlyInAnyOrderElementsOf(
                Tables.all().stream().map(TableDefinition::name).toList());
        TableDefinition<?> table = Tables.all().get(0);
        assertThat(column("select data_type from information_schema.columns where table_name = '" + table.name()
                + "' and column_name = 'tags'")).containsExactly("map(varchar, varchar)");
    }

    @TestFactory
    Stream<DynamicTest> everySampleQueryGivesTheDriversAnswer() throws Exception {
        return SampleAnswers.trinoQueries().stream().map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> {
            try (Connection c = server.connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SampleAnswers.trinoSql(q))) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                SampleAnswers.assertAnswer(q, columns, rows);
            }
        }));
    }

    /**
     * Trino 476 lets a connector add no query warning (trinodb/trino#31273): the node that skipped a partition logs
     * the driver's line, once per query, and the scan's metrics count it.
     */
    @Test
    void aSkippedPartitionIsLoggedByTheWorkerThatSkippedItAndCountedInTheScansMetrics() throws Exception {
        long logged = skippedLines("worker");
        assertThat(column("select distinct account_id from " + SKIPPING + ".aws.imagebuilder_image_pipeline"))
                .containsExactly("222222222222");
        assertThat(String.join("\n", column("explain analyze verbose select count(*) from " + SKIPPING
                + ".aws.imagebuilder_image_pipeline"))).contains(SkippedPartitions.METRIC);
        Await.until("the worker to log both skips", () -> skippedLines("worker") >= logged + 2);
        assertThat(skippedLines("worker")).isEqualTo(logged + 2);
        assertThat(skippedLines("coordinator")).isZero();
    }

    /** A node's WARN lines for the skipped partition: the driver's line, naming the table, account and region. */
    private long skippedLines(String node) {
        return server.log(node).stream().filter(line -> line.contains("WARN") && line.contains(
                "skipped imagebuilder_image_pipeline: account 444444444444 region us-east-1: ")).count();
    }

    private List<String> column(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
