package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.imagebuilder.model.LifecyclePolicy;
import software.amazon.awssdk.services.imagebuilder.model.LifecyclePolicySummary;
import software.amazon.awssdk.services.imagebuilder.model.ListLifecyclePoliciesResponse;

/**
 * {@code aws.imagebuilder_lifecycle_policy}: the rules that deprecate and delete old images. The rules
 * and the resource selection cost one GetLifecyclePolicy per policy.
 */
public final class LifecyclePolicyTable {
    private LifecyclePolicyTable() {}

    private static final Get<LifecyclePolicy> GET = new Get<>("GetLifecyclePolicy",
            arn -> c -> c.getLifecyclePolicy(r -> r.lifecyclePolicyArn(arn)).lifecyclePolicy(), LifecyclePolicy::arn);

    public static final TableDefinition<Listed<LifecyclePolicySummary, LifecyclePolicy>> DEFINITION = TableDefinition
            .<Listed<LifecyclePolicySummary, LifecyclePolicy>>table("imagebuilder_lifecycle_policy", "lifecycle policy")
            .description("EC2 Image Builder lifecycle policies: one row per policy, in every scanned account and region.")
            .calls("ListLifecyclePolicies", "GetLifecyclePolicy")
            .listedBy((api, options, sink) -> api.pages("ListLifecyclePolicies",
                    token -> c -> c.listLifecyclePolicies(r -> r.filters(options.filtersOrNull()).nextToken(token)),
                    ListLifecyclePoliciesResponse::lifecyclePolicySummaryList, ListLifecyclePoliciesResponse::nextToken,
                    policies -> sink.accept(GET.page(api, policies, LifecyclePolicySummary::arn, options.detail(), null))))
            .fetchedBy(ResourceType.LIFECYCLE_POLICY, GET.lookup(), "arn", "_key")

            .key(either(LifecyclePolicySummary::arn, LifecyclePolicy::arn))
            .column("arn", VARCHAR, either(LifecyclePolicySummary::arn, LifecyclePolicy::arn),
                    "The Amazon Resource Name (ARN) of the lifecycle policy.")
            .column("name", VARCHAR, either(LifecyclePolicySummary::name, LifecyclePolicy::name),
                    "The name of the lifecycle policy.")
            .column("description", VARCHAR, either(LifecyclePolicySummary::description, LifecyclePolicy::description),
                    "The description of the lifecycle policy.")
            .column("status", VARCHAR, either(LifecyclePolicySummary::statusAsString, LifecyclePolicy::statusAsString),
                    "Whether the lifecycle policy is enabled: ENABLED or DISABLED.")
            .column("execution_role", VARCHAR,
                    either(LifecyclePolicySummary::executionRole, LifecyclePolicy::executionRole),
                    "The name or ARN of the IAM role that Image Builder uses to run the lifecycle policy.")
            .column("resource_type", VARCHAR,
                    either(LifecyclePolicySummary::resourceTypeAsString, LifecyclePolicy::resourceTypeAsString),
                    "The type of resources the lifecycle policy targets: AMI_IMAGE or CONTAINER_IMAGE.")
            .detailColumn("policy_details", JSON, detail(LifecyclePolicy::policyDetails),
                    "The rules of the policy: action, filter, exclusion rules (JSON; one GetLifecyclePolicy call per row).")
            .detailColumn("resource_selection", JSON, detail(LifecyclePolicy::resourceSelection),
                    "The resources the policy applies to: recipes or tags (JSON; one GetLifecyclePolicy call per row).")
            .column("date_created", TIMESTAMP, either(LifecyclePolicySummary::dateCreated, LifecyclePolicy::dateCreated),
                    "When Image Builder created the lifecycle policy (UTC).")
            .column("date_updated", TIMESTAMP, either(LifecyclePolicySummary::dateUpdated, LifecyclePolicy::dateUpdated),
                    "When Image Builder last updated the lifecycle policy (UTC).")
            .column("date_last_run", TIMESTAMP, either(LifecyclePolicySummary::dateLastRun, LifecyclePolicy::dateLastRun),
                    "When Image Builder last ran the lifecycle policy (UTC).")
            .column("tags", TAGS, either(LifecyclePolicySummary::tags, LifecyclePolicy::tags), "The tags of the lifecycle policy.")
            .region()

            .apiFilter("name", "name")
            .apiFilter("status", "status")
            .build();

    /** The ARN of every lifecycle policy of the partition: the parents of their runs. */
    static void policyArns(PartitionApi api, ListOptions unused, Consumer<List<String>> sink) {
        DEFINITION.lister().list(api, ListOptions.ALL, page -> sink.accept(page.stream()
                .map(p -> p.summary().arn()).toList()));
    }
}
