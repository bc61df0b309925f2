package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.imagebuilder.model.ListWorkflowStepExecutionsResponse;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStepMetadata;

/**
 * {@code aws.imagebuilder_workflow_step_execution}: the steps of each workflow run (ListWorkflowStepExecutions,
 * per run). Without {@code workflow_execution_id = …} the runs are listed first, those of the images
 * {@code image_build_version_arn = …} names, or of every image. A run's ID says nothing of its account and region,
 * so a named run is asked for in every partition scanned (where it is not, the answer is "not found").
 */
public final class WorkflowStepExecutionTable {
    private WorkflowStepExecutionTable() {}

    private static final String RUN_FILTER = "workflowExecutionId";
    private static final Pattern RUN_ID = Pattern.compile(
            "wf-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Children<ListWorkflowStepExecutionsResponse, WorkflowStepMetadata> STEPS = new Children<>(
            RUN_FILTER, RUN_ID.asMatchPredicate(), WorkflowExecutionTable::executionIds,
            new Paged<>("ListWorkflowStepExecutions", (options, run, token) -> c -> c.listWorkflowStepExecutions(
                    r -> r.workflowExecutionId(run).nextToken(token)),
                    ListWorkflowStepExecutionsResponse::steps, ListWorkflowStepExecutionsResponse::nextToken));

    public static final TableDefinition<Child<ListWorkflowStepExecutionsResponse, WorkflowStepMetadata>> DEFINITION =
            TableDefinition.<Child<ListWorkflowStepExecutionsResponse, WorkflowStepMetadata>>table(
                    "imagebuilder_workflow_step_execution", "image")
            .description("The steps of EC2 Image Builder workflow executions: one row per step of each workflow run. "
                    + "An unfiltered scan lists the images (ListImages, and ListImageBuildVersions per image version), "
                    + "makes one ListWorkflowExecutions per image build version and one ListWorkflowStepExecutions per "
                    + "run; image_build_version_arn = … makes only that image's, workflow_execution_id = … only that "
                    + "run's (in each partition scanned: pin account_id and region too to make it one call).")
            .calls("ListImages", "ListImageBuildVersions", "ListWorkflowExecutions", "ListWorkflowStepExecutions")
            .listedBy(STEPS::list)

            .key(s -> s.item().stepExecutionId(), "the step execution's ID")
            .column("step_execution_id", VARCHAR, s -> s.item().stepExecutionId(),
                    "Uniquely identifies the runtime instance of the workflow step (step-...).")
            .column("workflow_build_version_arn", VARCHAR, s -> s.page().workflowBuildVersionArn(),
                    "The Amazon Resource Name (ARN) of the build version of the workflow the step belongs to.")
            .column("workflow_execution_id", VARCHAR, Child::parent,
                    "The ID of the workflow run the step belongs to (wf-...).")
            .column("image_build_version_arn", VARCHAR, s -> s.page().imageBuildVersionArn(),
                    "The Amazon Resource Name (ARN) of the image build version the workflow ran for.")
            .column("name", VARCHAR, s -> s.item().name(), "The name of the workflow step.")
            .column("description", VARCHAR, s -> s.item().description(), "The description of the workflow step.")
            .column("action", VARCHAR, s -> s.item().action(),
                    "The step action name, such as LaunchInstance, ExecuteComponents or WaitForAction.")
            .column("status", VARCHAR, s -> s.item().statusAsString(),
                    "The runtime status of the step: PENDING, SKIPPED, RUNNING, COMPLETED, FAILED or CANCELLED.")
            .column("rollback_status", VARCHAR, s -> s.item().rollbackStatusAsString(),
                    "Reports on the rollback status of the step, if applicable.")
            .column("message", VARCHAR, s -> s.item().message(),
                    "Detailed output message that the step returns, such as why it failed.")
            .column("inputs", JSON, s -> s.item().inputs(), "Input parameters that Image Builder provided to the step (JSON).")
            .column("outputs", JSON, s -> s.item().outputs(), "The file names that the step produced, and other outputs (JSON).")
            .column("start_time", TIMESTAMP, s -> s.item().startTime(), "When the step started (UTC).")
            .column("end_time", TIMESTAMP, s -> s.item().endTime(), "When the step finished (UTC).")
            .region()

            .parentFilter("workflow_execution_id", RUN_FILTER,
                    "ListWorkflowStepExecutions for those runs only, no listing of images or runs")
            .parentFilter("image_build_version_arn", ImageTable.BUILD_FILTER,
                    "ListWorkflowExecutions for those images only, no listing of images", ResourceType.IMAGE)
            .build();
}
