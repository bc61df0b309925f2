package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import io.trino.spi.TrinoException;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedResult;
import io.trino.testing.MaterializedRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Schema {@code aws} as a Trino cluster shows it, and catalogs whose properties are right or wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataTest {
    private DistributedQueryRunner trino;

    @BeforeAll
    void startCluster() throws Exception {
        trino = TrinoCluster.start(Map.of("regions", "us-east-1"));
    }

    @AfterAll
    void stopCluster() {
        trino.close();
    }

    private MaterializedResult computeActual(String sql) {
        return trino.execute(sql);
    }

    @Test
    void clusterHasACoordinatorAndTwoWorkers() {
        assertThat(computeActual("select count(*) from system.runtime.nodes where coordinator = false")
                .getOnlyValue()).isEqualTo((long) TrinoCluster.WORKERS);
    }

    @Test
    void schemaAwsListsEveryDeclaredTable() {
        assertThat(computeActual("show schemas").getOnlyColumnAsSet()).contains(TrinoTables.SCHEMA);
        assertThat(computeActual("show tables").getOnlyColumn().toList())
                .containsExactlyInAnyOrderElementsOf(Tables.all().stream().map(TableDefinition::name)
                        .toList());
    }

    @Test
    void everyColumnHasTheDriversNameTypeAndDescription() {
        for (TableDefinition<?> table : Tables.all()) {
            List<MaterializedRow> described = computeActual("describe " + table.name()).getMaterializedRows();
            assertThat(described).as(table.name()).hasSameSizeAs(table.columns());
            for (int i = 0; i < described.size(); i++) {
                var column = table.columns().get(i);
                assertThat(described.get(i).getFields())
                        .as(table.name() + "." + column.name())
                        .containsExactly(column.name(), trinoType(column.type()), "", column.description());
            }
            assertThat(computeActual("select comment from system.metadata.table_comments where catalog_name = '"
                    + TrinoCluster.CATALOG + "' and table_name = '" + table.name() + "'").getOnlyValue())
                    .isEqualTo(table.description());
        }
    }

    @Test
    void catalogKeysAreCaseInsensitive() {
        trino.createCatalog("mixed_case", ImageBuilderConnectorFactory.NAME,
                Map.of("REGIONS", "us-east-1", "onerror", "skip", "MaxConcurrency", "8"));
        assertThat(computeActual("show tables from mixed_case.aws").getRowCount())
                .isEqualTo(Tables.names().size());
    }

    @Test
    void anUnknownKeyFailsTheCatalogWithTheDriversMessage() {
        assertCatalogFails("misspelt", Map.of("region", "us-east-1"));
    }

    @Test
    void aBadValueFailsTheCatalogWithTheDriversMessage() {
        assertCatalogFails("bad_value", Map.of("maxConcurrency", "0"));
    }

    private void assertCatalogFails(String catalog, Map<String, String> properties) {
        String driversMessage = driversMessage(properties);
        assertThatThrownBy(() -> trino.createCatalog(catalog, ImageBuilderConnectorFactory.NAME,
                properties))
                .isInstanceOf(TrinoException.class)
                .hasMessage("catalog " + catalog + ": " + driversMessage);
        assertThat(computeActual("show catalogs").getOnlyColumnAsSet()).doesNotContain(catalog);
    }

    private static String driversMessage(Map<String, String> properties) {
        try {
            ConnectorConfig.parse(properties);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError(properties + " should not parse");
    }

    /** The types issue 26 asks for, in Trino's spelling. */
    private static String trinoType(ColumnType type) {
        return switch (type) {
            case VARCHAR, JSON -> "varchar";
            case BOOLEAN -> "boolean";
            case INTEGER -> "integer";
            case DOUBLE -> "double";
            case TIMESTAMP -> "timestamp(3) with time zone";
            case TAGS -> "map(varchar, varchar)";
        };
    }
}
