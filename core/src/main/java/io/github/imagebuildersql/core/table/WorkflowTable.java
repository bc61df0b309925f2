package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.ListWorkflowBuildVersionsResponse;
import software.amazon.awssdk.services.imagebuilder.model.ListWorkflowsResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;
import software.amazon.awssdk.services.imagebuilder.model.Workflow;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowSummary;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowVersion;

/**
 * {@code aws.imagebuilder_workflow}: one row per workflow build version the scanned account owns
 * (Amazon-managed, shared and third-party workflows are not its inventory). ListWorkflows names the
 * versions, ListWorkflowBuildVersions their builds; only data, parameters and kms_key_id need a
 * GetWorkflow per build.
 */
public final class WorkflowTable {
    private WorkflowTable() {}

    private static final Get<Workflow> GET = new Get<>("GetWorkflow",
            arn -> c -> c.getWorkflow(r -> r.workflowBuildVersionArn(arn)).workflow(), Workflow::arn);
    private static final BuildVersions<WorkflowVersion, WorkflowSummary, Workflow> BUILDS = new BuildVersions<>(
            new Paged<>("ListWorkflows", (options, under, token) -> c -> c.listWorkflows(r -> r.owner(Ownership.SELF)
                    .filters(options.filtersOrNull()).nextToken(token)),
                    ListWorkflowsResponse::workflowVersionList, ListWorkflowsResponse::nextToken), WorkflowVersion::arn,
            new Paged<>("ListWorkflowBuildVersions", (options, version, token) -> c -> c.listWorkflowBuildVersions(
                    r -> r.workflowVersionArn(version).nextToken(token)),
                    ListWorkflowBuildVersionsResponse::workflowSummaryList, ListWorkflowBuildVersionsResponse::nextToken),
            WorkflowSummary::arn, GET);

    public static final TableDefinition<Listed<WorkflowSummary, Workflow>> DEFINITION = TableDefinition
            .<Listed<WorkflowSummary, Workflow>>table("imagebuilder_workflow", "workflow build version")
            .description("EC2 Image Builder workflows: one row per workflow build version owned by a scanned account.")
            .calls("ListWorkflows", "ListWorkflowBuildVersions", "GetWorkflow")
            .listedBy(BUILDS::list)
            .fetchedBy(ResourceType.WORKFLOW, GET.lookup(), "arn", "_key")

            .key(either(WorkflowSummary::arn, Workflow::arn))
            .column("arn", VARCHAR, either(WorkflowSummary::arn, Workflow::arn),
                    "The Amazon Resource Name (ARN) of the workflow build version (.../workflow/TYPE/NAME/VERSION/BUILD).")
            .column("change_description", VARCHAR, either(WorkflowSummary::changeDescription, Workflow::changeDescription),
                    "Describes what change has been made in this version of the workflow, or what makes this version "
                            + "different from other versions of the workflow.")
            .detailColumn("data", VARCHAR, detail(Workflow::data),
                    "Contains the YAML document content for the workflow (one GetWorkflow call per row).")
            .column("date_created", TIMESTAMP, either(WorkflowSummary::dateCreated, Workflow::dateCreated),
                    "The timestamp when Image Builder created the workflow resource (UTC).")
            .column("description", VARCHAR, either(WorkflowSummary::description, Workflow::description),
                    "The description of the workflow.")
            .detailColumn("kms_key_id", VARCHAR, detail(Workflow::kmsKeyId),
                    "The KMS key identifier used to encrypt the workflow resource (one GetWorkflow call per row).")
            .column("name", VARCHAR, either(WorkflowSummary::name, Workflow::name), "The name of the workflow resource.")
            .column("owner", VARCHAR, either(WorkflowSummary::owner, Workflow::owner), "The owner of the workflow resource.")
            .detailColumn("parameters", JSON, detail(Workflow::parameters),
                    "An array of input parameters that the image workflow uses to control actions or configure "
                            + "settings (JSON; one GetWorkflow call per row).")
            .column("state", JSON, either(WorkflowSummary::state, Workflow::state),
                    "Describes the current status of the workflow and the reason for that status (JSON; "
                            + "status DEPRECATED or absent).")
            .column("tags", TAGS, either(WorkflowSummary::tags, Workflow::tags),
                    "The tags that apply to the workflow resource.")
            .column("type", VARCHAR, either(WorkflowSummary::typeAsString, Workflow::typeAsString),
                    "Specifies the image creation stage that the workflow applies to: BUILD, TEST or DISTRIBUTION.")
            .column("version", VARCHAR, either(WorkflowSummary::version, Workflow::version), "The workflow resource version.")
            .region()

            .apiFilter("name", "name")
            .apiFilter("type", "type")
            .build();
}
