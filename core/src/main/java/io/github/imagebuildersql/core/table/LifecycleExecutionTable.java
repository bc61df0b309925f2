package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.imagebuilder.model.LifecycleExecution;
import software.amazon.awssdk.services.imagebuilder.model.ListLifecycleExecutionsResponse;

/**
 * {@code aws.imagebuilder_lifecycle_execution}: the runs of each lifecycle policy (ListLifecycleExecutions with the
 * policy's ARN). Without {@code lifecycle_policy_arn = …} the policies are listed first.
 */
public final class LifecycleExecutionTable {
    private LifecycleExecutionTable() {}

    private static final String POLICY_FILTER = "lifecyclePolicyArn";
    private static final Children<ListLifecycleExecutionsResponse, LifecycleExecution> RUNS = new Children<>(
            POLICY_FILTER, ResourceType.LIFECYCLE_POLICY::names, LifecyclePolicyTable::policyArns,
            new Paged<>("ListLifecycleExecutions", (options, policy, token) -> c -> c.listLifecycleExecutions(
                    r -> r.resourceArn(policy).nextToken(token)),
                    ListLifecycleExecutionsResponse::lifecycleExecutions, ListLifecycleExecutionsResponse::nextToken));

    public static final TableDefinition<Child<ListLifecycleExecutionsResponse, LifecycleExecution>> DEFINITION =
            TableDefinition.<Child<ListLifecycleExecutionsResponse, LifecycleExecution>>table(
                    "imagebuilder_lifecycle_execution", "lifecycle policy")
            .description("Runs of EC2 Image Builder lifecycle policies: one row per run of each policy. An unfiltered "
                    + "scan lists the policies (ListLifecyclePolicies) and makes one ListLifecycleExecutions per "
                    + "policy; lifecycle_policy_arn = … makes only that policy's.")
            .calls("ListLifecyclePolicies", "ListLifecycleExecutions")
            .listedBy(RUNS::list)

            .key(e -> e.item().lifecycleExecutionId(), "the lifecycle execution's ID")
            .column("lifecycle_execution_id", VARCHAR, e -> e.item().lifecycleExecutionId(),
                    "Identifies the lifecycle policy runtime instance (lce-...).")
            .column("lifecycle_policy_arn", VARCHAR, e -> e.item().lifecyclePolicyArn(),
                    "The Amazon Resource Name (ARN) of the lifecycle policy that ran.")
            .column("resources_impacted_summary", JSON, e -> e.item().resourcesImpactedSummary(),
                    "Whether the run identified resources to act on (JSON: hasImpactedResources).")
            .column("state", JSON, e -> e.item().state(),
                    "The runtime status of the run (JSON: status such as SUCCESS, FAILED or IN_PROGRESS, and reason).")
            .column("start_time", TIMESTAMP, e -> e.item().startTime(), "When the run started (UTC).")
            .column("end_time", TIMESTAMP, e -> e.item().endTime(), "When the run finished (UTC).")
            .region()

            .parentFilter("lifecycle_policy_arn", POLICY_FILTER,
                    "ListLifecycleExecutions for those policies only, no listing of policies", ResourceType.LIFECYCLE_POLICY)
            .build();

    /** The IDs of the runs of the policies the options name, or of every policy: the parents of their resources. */
    static void executionIds(PartitionApi api, ListOptions options, Consumer<List<String>> sink) {
        RUNS.list(api, options, page -> sink.accept(page.stream().map(e -> e.item().lifecycleExecutionId()).toList()));
    }
}
