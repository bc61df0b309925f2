package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The built plugin directory in a real Trino 476 server, queried through Trino's own JDBC driver. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrinoServerIT {
    private TrinoServer server;

    @BeforeAll
    void startServer() throws Exception {
        // keys in any case, as a hand-written catalog file may have them; the nodes' files and logs stay in
        // target/ for a look after a failure
        server = TrinoServer.start(Path.of("target", "trino-server-it"), Map.of("Regions", "us-east-1",
                "ONERROR", "skip"));
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
    void schemaAwsListsEveryDeclaredTable() throws Exception {
        assertThat(column("show tables")).containsExactlyInAnyOrderElementsOf(
                Tables.all().stream().map(TableDefinition::name).toList());
    }

    @Test
    void columnsAreTypedInThePluginsClassLoader() throws Exception {
        TableDefinition<?> table = Tables.all().get(0);
        assertThat(column("select data_type from information_schema.columns where table_name = '" + table.name()
                + "' and column_name = 'tags'")).containsExactly("map(varchar, varchar)");
        assertThat(column("select column_name from information_schema.columns where table_name = '" + table.name()
                + "' order by ordinal_position"))
                .containsExactlyElementsOf(table.columns().stream().map(c -> c.name()).toList());
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
