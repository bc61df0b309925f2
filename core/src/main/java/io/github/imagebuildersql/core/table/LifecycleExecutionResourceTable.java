package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.LifecycleExecutionResource;
import software.amazon.awssdk.services.imagebuilder.model.ListLifecycleExecutionResourcesResponse;

/**
 * {@code aws.imagebuilder_lifecycle_execution_resource}: what each lifecycle policy run acted on. A run's
 * ListLifecycleExecutionResources names the Image Builder images; the same call with an image's ARN as
 * {@code parentResourceId} names the AMIs or container images distributed from it. Without
 * {@code lifecycle_execution_id = …} the runs are listed first (the policies, then their runs). A run's ID says
 * nothing of its account and region, so a named run is asked for in every partition scanned.
 */
public final class LifecycleExecutionResourceTable {
    private LifecycleExecutionResourceTable() {}

    /** One resource a run identified, under the image it was distributed from (null for an image). */
    public record Resource(String lifecycleExecutionId, String parentResourceId, LifecycleExecutionResource item) {}

    private static final String RUN_FILTER = "lifecycleExecutionId";
    private static final Pattern RUN_ID = Pattern.compile(
            "lce-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Children<ListLifecycleExecutionResourcesResponse, LifecycleExecutionResource> IMAGES =
            new Children<>(RUN_FILTER, RUN_ID.asMatchPredicate(), LifecycleExecutionTable::executionIds,
                    new Paged<>("ListLifecycleExecutionResources", (options, run, token) -> resources(run, null, token),
                            ListLifecycleExecutionResourcesResponse::resources,
                            ListLifecycleExecutionResourcesResponse::nextToken));

    public static final TableDefinition<Resource> DEFINITION = TableDefinition
            .<Resource>table("imagebuilder_lifecycle_execution_resource", "lifecycle policy")
            .description("The resources EC2 Image Builder lifecycle policy runs acted on: one row per image, and per "
                    + "AMI, snapshot set or container image distributed from it, of each run. An unfiltered scan lists "
                    + "the policies (ListLifecyclePolicies), makes one ListLifecycleExecutions per policy, and per run "
                    + "one ListLifecycleExecutionResources and one more per image it acted on; lifecycle_execution_id "
                    + "= … makes only that run's (in each partition scanned: pin account_id and region too).")
            .calls("ListLifecyclePolicies", "ListLifecycleExecutions", "ListLifecycleExecutionResources")
            .listedBy(LifecycleExecutionResourceTable::list)

            .key(r -> r.lifecycleExecutionId() + "#" + r.item().resourceId(),
                    "the lifecycle execution's ID, '#', and the resource's ID")
            .column("lifecycle_execution_id", VARCHAR, Resource::lifecycleExecutionId,
                    "The ID of the lifecycle policy run that identified the resource (lce-...).")
            .column("resource_account_id", VARCHAR, r -> r.item().accountId(),
                    "The account that owns the resource (the API's accountId).")
            .column("resource_id", VARCHAR, r -> r.item().resourceId(),
                    "The ARN of an Image Builder image, or the ID of an AMI (ami-...) or a container image.")
            .column("state", JSON, r -> r.item().state(),
                    "The runtime state of the action on the resource (JSON: status SUCCESS, FAILED, SKIPPED or "
                            + "IN_PROGRESS, and reason).")
            .column("action", JSON, r -> r.item().action(),
                    "The action taken on the resource (JSON: name AVAILABLE, DELETE, DEPRECATE or DISABLE, and reason).")
            .column("resource_region", VARCHAR, r -> r.item().region(),
                    "The region of the resource (an AMI may be distributed to other regions than the policy's).")
            .column("snapshots", JSON, r -> r.item().snapshots(),
                    "The snapshots of an AMI, each with the state of the action on it (JSON).")
            .column("image_uris", JSON, r -> r.item().imageUris(),
                    "For a container image, its URIs in Amazon ECR (JSON list).")
            .column("start_time", TIMESTAMP, r -> r.item().startTime(), "When the action on the resource started (UTC).")
            .column("end_time", TIMESTAMP, r -> r.item().endTime(), "When the action on the resource ended (UTC).")
            .region()
            .column("parent_resource_id", VARCHAR, Resource::parentResourceId,
                    "For an AMI or container image, the ARN of the Image Builder image it was distributed from; "
                            + "NULL for an image.")

            .parentFilter("lifecycle_execution_id", RUN_FILTER,
                    "ListLifecycleExecutionResources for those runs only, no listing of policies or runs")
            .build();

    private static void list(PartitionApi api, ListOptions options, Consumer<List<Resource>> sink) {
        IMAGES.list(api, options, page -> {
            sink.accept(page.stream().map(r -> new Resource(r.parent(), null, r.item())).toList());
            page.stream().filter(r -> ResourceType.IMAGE.names(r.item().resourceId()))
                    .forEach(r -> distributed(api, r.parent(), r.item().resourceId(), sink));
        });
    }

    /** What was distributed from an image and acted on with it; none when the run or image is gone. */
    private static void distributed(PartitionApi api, String run, String image, Consumer<List<Resource>> sink) {
        Paged.ifFound(() -> api.pages("ListLifecycleExecutionResources", token -> resources(run, image, token),
                ListLifecycleExecutionResourcesResponse::resources, ListLifecycleExecutionResourcesResponse::nextToken,
                resources -> sink.accept(resources.stream().map(r -> new Resource(run, image, r)).toList())));
    }

    private static Function<ImagebuilderClient, ListLifecycleExecutionResourcesResponse> resources(String run,
            String parent, String token) {
        return c -> c.listLifecycleExecutionResources(r -> r.lifecycleExecutionId(run).parentResourceId(parent)
                .nextToken(token));
    }
}
