package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.connector.aws.AwsClients;
import io.github.imagebuildersql.connector.config.ConnectorConfig;
import io.github.imagebuildersql.connector.partition.Scope;
import io.github.imagebuildersql.connector.table.Column;
import io.github.imagebuildersql.connector.table.ColumnType;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.lookup.CompatibilityLookup;
import org.apache.calcite.schema.lookup.Lookup;

/**
 * Schema {@code aws}: the Image Builder tables of one connection, sharing its clients and scope. A table's
 * definition is loaded when a statement first names the table: defining all eleven (their columns'
 * lambdas) takes about 50 ms of CPU in a new JVM, whose one statement usually reads one table.
 */
public final class ImageBuilderSchema extends AbstractSchema implements AutoCloseable {
    public static final String NAME = "aws";
    /** Every table the connector serves, by name, in the order listings show them; a new table is one more line. */
    private static final Map<String, Supplier<TableDefinition<?>>> DEFINITIONS;

    static {
        Map<String, Supplier<TableDefinition<?>>> defined = new LinkedHashMap<>();
        defined.put("imagebuilder_image_pipeline", () -> ImagePipelineTable.DEFINITION);
        defined.put("imagebuilder_workflow", () -> WorkflowTable.DEFINITION);
        defined.put("imagebuilder_image", () -> ImageTable.DEFINITION);
        defined.put("imagebuilder_image_recipe", () -> ImageRecipeTable.DEFINITION);
        defined.put("imagebuilder_container_recipe", () -> ContainerRecipeTable.DEFINITION);
        defined.put("imagebuilder_image_recipe_component", () -> RecipeComponentTable.DEFINITION);
        defined.put("imagebuilder_component", () -> ComponentTable.DEFINITION);
        defined.put("imagebuilder_infrastructure_configuration", () -> InfrastructureConfigurationTable.DEFINITION);
        defined.put("imagebuilder_distribution_configuration", () -> DistributionConfigurationTable.DEFINITION);
        defined.put("imagebuilder_lifecycle_policy", () -> LifecyclePolicyTable.DEFINITION);
        defined.put("imagebuilder_image_scan_finding", () -> ImageScanFindingTable.DEFINITION);
        DEFINITIONS = Collections.unmodifiableMap(defined);
    }

    private final ConnectorConfig config;
    private final AwsClients clients;
    private final Scope scope;
    private final Map<String, ImageBuilderTable<?>> tables = new ConcurrentHashMap<>();
    private final Lookup<Table> lookup = new CompatibilityLookup<>(this::table, DEFINITIONS::keySet);
    private volatile boolean pushdown = true;

    public ImageBuilderSchema(ConnectorConfig config) {
        this.config = config;
        this.clients = new AwsClients(config);
        this.scope = new Scope(config, clients);
    }

    /** Every table's name, without loading any definition. */
    public static Set<String> tableNames() {
        return DEFINITIONS.keySet();
    }

    /** Every table's definition (which loads them all). */
    public static List<TableDefinition<?>> definitions() {
        return DEFINITIONS.keySet().stream().<TableDefinition<?>>map(ImageBuilderSchema::definition).toList();
    }

    /** The definition of the table with this name, or null when the connector has none. */
    public static TableDefinition<?> definition(String name) {
        Supplier<TableDefinition<?>> defined = name == null ? null : DEFINITIONS.get(name);
        TableDefinition<?> definition = defined == null ? null : defined.get();
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalStateException("table " + name + " is defined as " + definition.name());
        }
        return definition;
    }

    /**
     * The types a result column can have: its own table's column type when the result names one of our
     * tables (loading only that one), otherwise the types of every table's column of that name.
     */
    public static Set<ColumnType> columnTypes(String table, String column) {
        TableDefinition<?> own = definition(table);
        return (own != null ? List.<TableDefinition<?>>of(own) : definitions()).stream()
                .flatMap(t -> t.columns().stream()).filter(c -> c.name().equals(column)).map(Column::type)
                .collect(Collectors.toUnmodifiableSet());
    }

    private ImageBuilderTable<?> table(String name) {
        return DEFINITIONS.containsKey(name) ? tables.computeIfAbsent(name, n -> new ImageBuilderTable<>(definedAs(n), this))
                : null;
    }

    @SuppressWarnings("unchecked")
    private static <T> Supplier<TableDefinition<T>> definedAs(String name) {
        return () -> (TableDefinition<T>) definition(name);
    }

    @Override
    public Lookup<Table> tables() {
        return lookup;
    }

    /** Calcite's older way in, through getTable and getTableNames: every table. */
    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> all = new LinkedHashMap<>();
        DEFINITIONS.keySet().forEach(name -> all.put(name, table(name)));
        return all;
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
