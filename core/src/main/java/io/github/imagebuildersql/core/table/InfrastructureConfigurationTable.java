package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.InfrastructureConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.InfrastructureConfigurationSummary;
import software.amazon.awssdk.services.imagebuilder.model.ListInfrastructureConfigurationsResponse;

/**
 * {@code aws.imagebuilder_infrastructure_configuration}: the build and test hosts. The summary lacks
 * the security-relevant members (instance metadata options, terminate on failure, subnet, key pair,
 * logging): they cost one GetInfrastructureConfiguration per configuration.
 */
public final class InfrastructureConfigurationTable {
    private InfrastructureConfigurationTable() {}

    private static final Get<InfrastructureConfiguration> GET = new Get<>("GetInfrastructureConfiguration",
            arn -> c -> c.getInfrastructureConfiguration(r -> r.infrastructureConfigurationArn(arn))
                    .infrastructureConfiguration(), InfrastructureConfiguration::arn);

    public static final TableDefinition<Listed<InfrastructureConfigurationSummary, InfrastructureConfiguration>>
            DEFINITION = TableDefinition
            .<Listed<InfrastructureConfigurationSummary, InfrastructureConfiguration>>table("imagebuilder_infrastructure_configuration", "infrastructure configuration")
            .description("EC2 Image Builder infrastructure configurations: the instances that build and test images, "
                    + "one row per configuration.")
            .calls("ListInfrastructureConfigurations", "GetInfrastructureConfiguration")
            .listedBy((api, options, sink) -> api.pages("ListInfrastructureConfigurations",
                    token -> c -> c.listInfrastructureConfigurations(r -> r.filters(options.filtersOrNull())
                            .nextToken(token)),
                    ListInfrastructureConfigurationsResponse::infrastructureConfigurationSummaryList,
                    ListInfrastructureConfigurationsResponse::nextToken,
                    configs -> sink.accept(GET.page(api, configs, InfrastructureConfigurationSummary::arn, options.detail(), null))))
            .fetchedBy(ResourceType.INFRASTRUCTURE_CONFIGURATION, GET.lookup(), "arn", "_key")

            .key(either(InfrastructureConfigurationSummary::arn, InfrastructureConfiguration::arn))
            .column("arn", VARCHAR, either(InfrastructureConfigurationSummary::arn, InfrastructureConfiguration::arn),
                    "The Amazon Resource Name (ARN) of the infrastructure configuration.")
            .column("name", VARCHAR, either(InfrastructureConfigurationSummary::name, InfrastructureConfiguration::name),
                    "The name of the infrastructure configuration.")
            .column("description", VARCHAR,
                    either(InfrastructureConfigurationSummary::description, InfrastructureConfiguration::description),
                    "The description of the infrastructure configuration.")
            .column("instance_types", JSON,
                    either(InfrastructureConfigurationSummary::instanceTypes, InfrastructureConfiguration::instanceTypes),
                    "The instance types of the infrastructure configuration (JSON list).")
            .column("instance_profile_name", VARCHAR, either(InfrastructureConfigurationSummary::instanceProfileName,
                    InfrastructureConfiguration::instanceProfileName), "The instance profile of the build instances.")
            .detailColumn("security_group_ids", JSON, detail(InfrastructureConfiguration::securityGroupIds),
                    "The security group IDs of the build instances (JSON list; one "
                            + "GetInfrastructureConfiguration call per row).")
            .detailColumn("subnet_id", VARCHAR, detail(InfrastructureConfiguration::subnetId),
                    "The subnet ID of the build instances (one GetInfrastructureConfiguration call per row).")
            .detailColumn("logging", JSON, detail(InfrastructureConfiguration::logging),
                    "The logging configuration: the S3 location of the build logs (JSON; one "
                            + "GetInfrastructureConfiguration call per row).")
            .detailColumn("key_pair", VARCHAR, detail(InfrastructureConfiguration::keyPair),
                    "The Amazon EC2 key pair of the build instances (one GetInfrastructureConfiguration call per row).")
            .detailColumn("terminate_instance_on_failure", BOOLEAN,
                    detail(InfrastructureConfiguration::terminateInstanceOnFailure),
                    "Whether a build instance is terminated when the build fails; false keeps it for troubleshooting "
                            + "(one GetInfrastructureConfiguration call per row).")
            .detailColumn("sns_topic_arn", VARCHAR, detail(InfrastructureConfiguration::snsTopicArn),
                    "The ARN of the SNS topic to which image build event notifications are sent (one "
                            + "GetInfrastructureConfiguration call per row).")
            .column("date_created", TIMESTAMP, either(InfrastructureConfigurationSummary::dateCreated,
                    InfrastructureConfiguration::dateCreated), "The date on which the configuration was created (UTC).")
            .column("date_updated", TIMESTAMP, either(InfrastructureConfigurationSummary::dateUpdated,
                    InfrastructureConfiguration::dateUpdated), "The date on which the configuration was last updated (UTC).")
            .column("resource_tags", TAGS, either(InfrastructureConfigurationSummary::resourceTags,
                    InfrastructureConfiguration::resourceTags), "The tags attached to the resources created by Image Builder.")
            .detailColumn("instance_metadata_options", JSON, detail(InfrastructureConfiguration::instanceMetadataOptions),
                    "The instance metadata options of the build instances: httpTokens 'required' enforces IMDSv2, "
                            + "'optional' allows IMDSv1 (JSON; one GetInfrastructureConfiguration call per row).")
            .column("tags", TAGS, either(InfrastructureConfigurationSummary::tags, InfrastructureConfiguration::tags),
                    "The tags of the infrastructure configuration.")
            .column("placement", JSON,
                    either(InfrastructureConfigurationSummary::placement, InfrastructureConfiguration::placement),
                    "Where the build instances run: availability zone, tenancy, host (JSON).")
            .region()
            .detailColumn("infrastructure_configuration", JSON, detail(c -> c),
                    "The whole configuration as GetInfrastructureConfiguration returns it, as in Datadog DDSQL "
                            + "(JSON; one call per row).")

            .apiFilter("name", "name")
            .build();
}
