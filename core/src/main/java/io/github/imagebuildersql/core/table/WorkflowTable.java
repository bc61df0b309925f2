package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.partition.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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

    public static final TableDefinition<WorkflowBuild> DEFINITION = TableDefinition.<WorkflowBuild>table(
                    "imagebuilder_workflow")
            .description("EC2 Image Builder workflows: one row per workflow build version owned by a scanned account.")
            .listedBy(WorkflowTable::listBuilds)
            .fetchedBy("workflow/(build|test|distribution)/[a-z0-9-_]+/[0-9]+\\.[0-9]+\\.[0-9]+/[0-9]+", (api, arn) -> api.getOrEmpty("GetWorkflow",
                    c -> c.getWorkflow(r -> r.workflowBuildVersionArn(arn)).workflow())
                    .filter(w -> arn.equals(w.arn()))
                    .map(WorkflowBuild::of), "arn", "_key")

            .column("_key", VARCHAR, WorkflowBuild::arn, "Unique key of the row: the build version's ARN.")
            .partitionColumn("account_id", Partition::account, "The AWS account that owns the workflow.")
            .column("arn", VARCHAR, WorkflowBuild::arn,
                    "The Amazon Resource Name (ARN) of the workflow build version (.../workflow/TYPE/NAME/VERSION/BUILD).")
            .column("change_description", VARCHAR, WorkflowBuild::changeDescription,
                    "Describes what change has been made in this version of the workflow, or what makes this version "
                            + "different from other versions of the workflow.")
            .detailColumn("data", VARCHAR, WorkflowBuild::data,
                    "Contains the YAML document content for the workflow (one GetWorkflow call per row).")
            .column("date_created", TIMESTAMP, WorkflowBuild::dateCreated,
                    "The timestamp when Image Builder created the workflow resource (UTC).")
            .column("description", VARCHAR, WorkflowBuild::description, "The description of the workflow.")
            .detailColumn("kms_key_id", VARCHAR, WorkflowBuild::kmsKeyId,
                    "The KMS key identifier used to encrypt the workflow resource (one GetWorkflow call per row).")
            .column("name", VARCHAR, WorkflowBuild::name, "The name of the workflow resource.")
            .column("owner", VARCHAR, WorkflowBuild::owner, "The owner of the workflow resource.")
            .detailColumn("parameters", JSON, WorkflowBuild::parameters,
                    "An array of input parameters that the image workflow uses to control actions or configure "
                            + "settings (JSON; one GetWorkflow call per row).")
            .column("state", JSON, WorkflowBuild::state,
                    "Describes the current status of the workflow and the reason for that status (JSON; "
                            + "status DEPRECATED or absent).")
            .column("tags", TAGS, WorkflowBuild::tags, "The tags that apply to the workflow resource.")
            .column("type", VARCHAR, WorkflowBuild::type,
                    "Specifies the image creation stage that the workflow applies to: BUILD, TEST or DISTRIBUTION.")
            .column("version", VARCHAR, WorkflowBuild::version, "The workflow resource version.")
            .partitionColumn("region", Partition::region, "The AWS region of the workflow.")

            .apiFilter("name", "name")
            .apiFilter("type", "type")
            .build();

    private static void listBuilds(PartitionApi api, ListOptions options, Consumer<List<WorkflowBuild>> sink) {
        api.pages("ListWorkflows",
                token -> c -> c.listWorkflows(r -> r.owner(Ownership.SELF).filters(options.filtersOrNull())
                        .nextToken(token)),
                ListWorkflowsResponse::workflowVersionList, ListWorkflowsResponse::nextToken,
                versions -> versions.forEach(version -> listBuildsOf(api, version, options.detail(), sink)));
    }

    private static void listBuildsOf(PartitionApi api, WorkflowVersion version, boolean detail,
            Consumer<List<WorkflowBuild>> sink) {
        api.pages("ListWorkflowBuildVersions",
                token -> c -> c.listWorkflowBuildVersions(r -> r.workflowVersionArn(version.arn()).nextToken(token)),
                ListWorkflowBuildVersionsResponse::workflowSummaryList, ListWorkflowBuildVersionsResponse::nextToken,
                builds -> sink.accept(withDetail(api, builds, detail)));
    }

    private static List<WorkflowBuild> withDetail(PartitionApi api, List<WorkflowSummary> builds, boolean detail) {
        if (!detail) {
            return builds.stream().map(s -> new WorkflowBuild(s, null)).toList();
        }
        List<Workflow> workflows = api.detailCalls("GetWorkflow", builds,
                s -> c -> c.getWorkflow(r -> r.workflowBuildVersionArn(s.arn())).workflow());
        List<WorkflowBuild> rows = new ArrayList<>(builds.size());
        for (int i = 0; i < builds.size(); i++) {
            rows.add(new WorkflowBuild(builds.get(i), workflows.get(i)));
        }
        return rows;
    }
}
