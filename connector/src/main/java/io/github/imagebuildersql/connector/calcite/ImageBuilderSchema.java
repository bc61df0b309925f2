package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.connector.aws.AwsClients;
import io.github.imagebuildersql.connector.config.ConnectorConfig;
import io.github.imagebuildersql.connector.partition.Scope;
import io.github.imagebuildersql.connector.table.ComponentTable;
import io.github.imagebuildersql.connector.table.ContainerRecipeTable;
import io.github.imagebuildersql.connector.table.DistributionConfigurationTable;
import io.github.imagebuildersql.connector.table.ImagePipelineTable;
import io.github.imagebuildersql.connector.table.ImageRecipeTable;
import io.github.imagebuildersql.connector.table.ImageScanFindingTable;
import io.github.imagebuildersql.connector.table.ImageTable;
import io.github.imagebuildersql.connector.table.InfrastructureConfigurationTable;
import io.github.imagebuildersql.connector.table.LifecyclePolicyTable;
import io.github.imagebuildersql.connector.table.RecipeComponentTable;
import io.github.imagebuildersql.connector.table.TableDefinition;
import io.github.imagebuildersql.connector.table.WorkflowTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** Schema {@code aws}: the Image Builder tables of one connection, sharing its clients and scope. */
public final class ImageBuilderSchema extends AbstractSchema implements AutoCloseable {
    public static final String NAME = "aws";
    /** Every table the connector serves; a new table is one more definition here. */
    public static final List<TableDefinition<?>> TABLES = List.of(ImagePipelineTable.DEFINITION, WorkflowTable.DEFINITION,
            ImageTable.DEFINITION, ImageRecipeTable.DEFINITION, ContainerRecipeTable.DEFINITION,
            RecipeComponentTable.DEFINITION, ComponentTable.DEFINITION, InfrastructureConfigurationTable.DEFINITION,
            DistributionConfigurationTable.DEFINITION, LifecyclePolicyTable.DEFINITION, ImageScanFindingTable.DEFINITION);

    private final ConnectorConfig config;
    private final AwsClients clients;
    private final Scope scope;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private volatile boolean pushdown = true;

    public ImageBuilderSchema(ConnectorConfig config) {
        this.config = config;
        this.clients = new AwsClients(config);
        this.scope = new Scope(config, clients);
        for (TableDefinition<?> t : TABLES) {
            tables.put(t.name(), new ImageBuilderTable<>(t, this));
        }
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }

    public ConnectorConfig config() {
        return config;
    }

    AwsClients clients() {
        return clients;
    }

    Scope scope() {
        return scope;
    }

    boolean pushdownEnabled() {
        return pushdown;
    }

    /**
     * Turns filter pushdown off, so every query lists every partition. For tests that prove pushdown
     * changes the calls made and never the answer.
     */
    public void disablePushdownForTesting() {
        pushdown = false;
    }

    @Override
    public void close() {
        clients.close();
    }
}
