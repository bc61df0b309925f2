package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import software.amazon.awssdk.services.imagebuilder.model.ListWaitingWorkflowStepsResponse;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStepExecution;

/**
 * {@code aws.imagebuilder_waiting_workflow_step}: the workflow steps waiting for someone to act on them (a
 * WaitForAction step, such as a manual approval), one ListWaitingWorkflowSteps listing per account and region.
 */
public final class WaitingWorkflowStepTable {
    private WaitingWorkflowStepTable() {}

    public static final TableDefinition<WorkflowStepExecution> DEFINITION = TableDefinition
            .<WorkflowStepExecution>table("imagebuilder_waiting_workflow_step", "waiting step")
            .description("EC2 Image Builder workflow steps waiting for an action (such as an approval, through "
                    + "SendWorkflowStepAction): one row per waiting step, in every scanned account and region.")
            .calls("ListWaitingWorkflowSteps")
            .listedBy((api, options, sink) -> api.pages("ListWaitingWorkflowSteps",
                    token -> c -> c.listWaitingWorkflowSteps(r -> r.nextToken(token)),
                    ListWaitingWorkflowStepsResponse::steps, ListWaitingWorkflowStepsResponse::nextToken, sink))

            .key(WorkflowStepExecution::stepExecutionId, "the step execution's ID")
            .column("step_execution_id", VARCHAR, WorkflowStepExecution::stepExecutionId,
                    "Uniquely identifies the runtime instance of the waiting step (step-...).")
            .column("image_build_version_arn", VARCHAR, WorkflowStepExecution::imageBuildVersionArn,
                    "The Amazon Resource Name (ARN) of the image build version whose workflow waits.")
            .column("workflow_execution_id", VARCHAR, WorkflowStepExecution::workflowExecutionId,
                    "The ID of the workflow run that waits (wf-...).")
            .column("workflow_build_version_arn", VARCHAR, WorkflowStepExecution::workflowBuildVersionArn,
                    "The Amazon Resource Name (ARN) of the build version of the workflow that waits.")
            .column("name", VARCHAR, WorkflowStepExecution::name, "The name of the waiting step.")
            .column("action", VARCHAR, WorkflowStepExecution::action, "The step's action: WaitForAction.")
            .column("start_time", TIMESTAMP, WorkflowStepExecution::startTime, "Since when the step has been waiting (UTC).")
            .region()
            .build();
}
