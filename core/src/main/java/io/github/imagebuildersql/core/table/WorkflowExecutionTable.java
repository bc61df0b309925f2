package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.INTEGER;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.imagebuilder.model.ListWorkflowExecutionsResponse;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowExecutionMetadata;

/**
 * {@code aws.imagebuilder_workflow_execution}: the build, test and distribution workflows that ran for each image
 * build version (ListWorkflowExecutions, per build). Without {@code image_build_version_arn = …} the images are
 * listed first. The summaries say all that GetWorkflowExecution would, and {@code retried} besides.
 */
public final class WorkflowExecutionTable {
    private WorkflowExecutionTable() {}

    private static final Children<ListWorkflowExecutionsResponse, WorkflowExecutionMetadata> RUNS = ImageTable.children(
            new Paged<>("ListWorkflowExecutions", (options, image, token) -> c -> c.listWorkflowExecutions(
                    r -> r.imageBuildVersionArn(image).nextToken(token)),
                    ListWorkflowExecutionsResponse::workflowExecutions, ListWorkflowExecutionsResponse::nextToken));

    public static final TableDefinition<Child<ListWorkflowExecutionsResponse, WorkflowExecutionMetadata>> DEFINITION =
            TableDefinition.<Child<ListWorkflowExecutionsResponse, WorkflowExecutionMetadata>>table(
                    "imagebuilder_workflow_execution", "image")
            .description("EC2 Image Builder workflow executions: one row per build, test or distribution workflow "
                    + "that ran for an image build version. An unfiltered scan lists the images (ListImages, and "
                    + "ListImageBuildVersions per image version) and makes one ListWorkflowExecutions per image build "
                    + "version; image_build_version_arn = … makes only that image's.")
            .calls("ListImages", "ListImageBuildVersions", "ListWorkflowExecutions")
            .listedBy(RUNS::list)

            .key(e -> e.item().workflowExecutionId(), "the workflow execution's ID")
            .column("workflow_build_version_arn", VARCHAR, e -> e.item().workflowBuildVersionArn(),
                    "The Amazon Resource Name (ARN) of the build version of the workflow that ran.")
            .column("workflow_execution_id", VARCHAR, e -> e.item().workflowExecutionId(),
                    "Unique identifier that Image Builder assigned to this run of the workflow (wf-...).")
            .column("image_build_version_arn", VARCHAR, Child::parent,
                    "The Amazon Resource Name (ARN) of the image build version the workflow ran for.")
            .column("type", VARCHAR, e -> e.item().typeAsString(),
                    "The type of the workflow: BUILD, TEST or DISTRIBUTION.")
            .column("status", VARCHAR, e -> e.item().statusAsString(),
                    "The current runtime status of the workflow: PENDING, SKIPPED, RUNNING, COMPLETED, FAILED, "
                            + "ROLLBACK_IN_PROGRESS, ROLLBACK_COMPLETED or CANCELLED.")
            .column("message", VARCHAR, e -> e.item().message(),
                    "The output message from the workflow, such as why it failed.")
            .column("total_step_count", INTEGER, e -> e.item().totalStepCount(),
                    "The total number of steps in the workflow, which includes steps that ran and steps that were skipped.")
            .column("total_steps_succeeded", INTEGER, e -> e.item().totalStepsSucceeded(),
                    "The total number of steps that completed successfully.")
            .column("total_steps_failed", INTEGER, e -> e.item().totalStepsFailed(),
                    "The total number of steps that failed.")
            .column("total_steps_skipped", INTEGER, e -> e.item().totalStepsSkipped(),
                    "The total number of steps that were skipped.")
            .column("start_time", TIMESTAMP, e -> e.item().startTime(), "When the workflow started (UTC).")
            .column("end_time", TIMESTAMP, e -> e.item().endTime(), "When the workflow finished (UTC).")
            .column("parallel_group", VARCHAR, e -> e.item().parallelGroup(),
                    "The name of the test group that included the test workflow resource at runtime.")
            .region()
            .column("retried", BOOLEAN, e -> e.item().retried(),
                    "Whether this runtime instance of the workflow was retried.")

            .parentFilter("image_build_version_arn", ImageTable.BUILD_FILTER,
                    "ListWorkflowExecutions for those images only, no listing of images", ResourceType.IMAGE)
            .build();

    /** The IDs of the runs of the images the options name, or of every image: the parents of the steps. */
    static void executionIds(PartitionApi api, ListOptions options, Consumer<List<String>> sink) {
        RUNS.list(api, options, page -> sink.accept(page.stream().map(e -> e.item().workflowExecutionId()).toList()));
    }
}
