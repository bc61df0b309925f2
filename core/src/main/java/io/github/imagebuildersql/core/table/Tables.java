package io.github.imagebuildersql.core.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every table the inventory serves, by name, in the order listings show them; a new table is one more line
 * here. A definition is built when it is first asked for: defining all of them (their columns' lambdas) takes
 * about 50 ms of CPU in a new JVM, whose one statement usually reads one table.
 */
public final class Tables {
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
        defined.put("imagebuilder_public_image", () -> PublicImageTable.DEFINITION);
        defined.put("imagebuilder_public_component", () -> PublicComponentTable.DEFINITION);
        defined.put("imagebuilder_public_image_recipe", () -> PublicImageRecipeTable.DEFINITION);
        defined.put("imagebuilder_image_package", () -> ImagePackageTable.DEFINITION);
        defined.put("imagebuilder_workflow_execution", () -> WorkflowExecutionTable.DEFINITION);
        defined.put("imagebuilder_workflow_step_execution", () -> WorkflowStepExecutionTable.DEFINITION);
        defined.put("imagebuilder_waiting_workflow_step", () -> WaitingWorkflowStepTable.DEFINITION);
        defined.put("imagebuilder_lifecycle_execution", () -> LifecycleExecutionTable.DEFINITION);
        defined.put("imagebuilder_lifecycle_execution_resource", () -> LifecycleExecutionResourceTable.DEFINITION);
        DEFINITIONS = Collections.unmodifiableMap(defined);
    }

    private Tables() {}

    /** Every table's name, without building any definition. */
    public static Set<String> names() {
        return DEFINITIONS.keySet();
    }

    /** Every table's definition (which builds them all). */
    public static List<TableDefinition<?>> all() {
        return DEFINITIONS.keySet().stream().<TableDefinition<?>>map(Tables::definition).toList();
    }

    /**
     * Every Image Builder operation the tables call, table by table in the order each declares them: what the
     * IAM policy grants, and all reads.
     */
    public static Set<String> operations() {
        Set<String> all = new LinkedHashSet<>();
        all().forEach(t -> all.addAll(t.operations()));
        return Collections.unmodifiableSet(all);
    }

    /** The definition of the table with this name, or null when there is none. */
    public static TableDefinition<?> definition(String name) {
        Supplier<TableDefinition<?>> defined = name == null ? null : DEFINITIONS.get(name);
        TableDefinition<?> definition = defined == null ? null : defined.get();
        if (definition != null && !definition.name().equals(name)) {
            throw new IllegalStateException("table " + name + " is defined as " + definition.name());
        }
        return definition;
    }
}
