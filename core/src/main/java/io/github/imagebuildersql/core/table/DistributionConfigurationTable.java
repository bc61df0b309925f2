package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.INTEGER;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.DistributionConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.DistributionConfigurationSummary;
import software.amazon.awssdk.services.imagebuilder.model.ListDistributionConfigurationsResponse;

/**
 * {@code aws.imagebuilder_distribution_configuration}: where images go. The distributions themselves
 * (regions, AMI launch permissions, sharing) cost one GetDistributionConfiguration per configuration.
 */
public final class DistributionConfigurationTable {
    private DistributionConfigurationTable() {}

    private static final Get<DistributionConfiguration> GET = new Get<>("GetDistributionConfiguration",
            arn -> c -> c.getDistributionConfiguration(r -> r.distributionConfigurationArn(arn))
                    .distributionConfiguration(), DistributionConfiguration::arn);

    public static final TableDefinition<Listed<DistributionConfigurationSummary, DistributionConfiguration>>
            DEFINITION = TableDefinition
            .<Listed<DistributionConfigurationSummary, DistributionConfiguration>>table("imagebuilder_distribution_configuration", "distribution configuration")
            .description("EC2 Image Builder distribution configurations: where and to whom images are distributed, "
                    + "one row per configuration.")
            .calls("ListDistributionConfigurations", "GetDistributionConfiguration")
            .listedBy((api, options, sink) -> api.pages("ListDistributionConfigurations",
                    token -> c -> c.listDistributionConfigurations(r -> r.filters(options.filtersOrNull())
                            .nextToken(token)),
                    ListDistributionConfigurationsResponse::distributionConfigurationSummaryList,
                    ListDistributionConfigurationsResponse::nextToken,
                    configs -> sink.accept(GET.page(api, configs, DistributionConfigurationSummary::arn, options.detail(), null))))
            .fetchedBy(ResourceType.DISTRIBUTION_CONFIGURATION, GET.lookup(), "arn", "_key")

            .key(either(DistributionConfigurationSummary::arn, DistributionConfiguration::arn))
            .column("arn", VARCHAR, either(DistributionConfigurationSummary::arn, DistributionConfiguration::arn),
                    "The Amazon Resource Name (ARN) of the distribution configuration.")
            .column("name", VARCHAR, either(DistributionConfigurationSummary::name, DistributionConfiguration::name),
                    "The name of the distribution configuration.")
            .column("description", VARCHAR,
                    either(DistributionConfigurationSummary::description, DistributionConfiguration::description),
                    "The description of the distribution configuration.")
            .detailColumn("distributions", JSON, detail(DistributionConfiguration::distributions),
                    "The per-region distribution settings: AMI names, tags, launch permissions (accounts, "
                            + "organizations, groups the AMI is shared with), container and launch template targets "
                            + "(JSON; one GetDistributionConfiguration call per row).")
            .detailColumn("timeout_minutes", INTEGER, detail(DistributionConfiguration::timeoutMinutes),
                    "The maximum duration in minutes for this distribution configuration "
                            + "(one GetDistributionConfiguration call per row).")
            .column("date_created", TIMESTAMP, either(DistributionConfigurationSummary::dateCreated,
                    DistributionConfiguration::dateCreated), "The date on which the configuration was created (UTC).")
            .column("date_updated", TIMESTAMP, either(DistributionConfigurationSummary::dateUpdated,
                    DistributionConfiguration::dateUpdated), "The date on which the configuration was last updated (UTC).")
            .column("tags", TAGS, either(DistributionConfigurationSummary::tags, DistributionConfiguration::tags),
                    "The tags of the distribution configuration.")
            .region()

            .apiFilter("name", "name")
            .build();
}
