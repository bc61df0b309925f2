package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.INTEGER;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.ImagePipeline;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelinesResponse;

/** {@code aws.imagebuilder_image_pipeline}: Datadog DDSQL's columns, then region and run health. */
public final class ImagePipelineTable {
    private ImagePipelineTable() {}

    public static final TableDefinition<ImagePipeline> DEFINITION = TableDefinition.<ImagePipeline>table(
                    "imagebuilder_image_pipeline", "pipeline")
            .description("EC2 Image Builder image pipelines: one row per pipeline, in every scanned account and region.")
            .calls("ListImagePipelines", "GetImagePipeline")
            .listedBy((api, options, sink) -> api.pages("ListImagePipelines",
                    token -> c -> c.listImagePipelines(r -> r.filters(options.filtersOrNull()).nextToken(token)),
                    ListImagePipelinesResponse::imagePipelineList, ListImagePipelinesResponse::nextToken, sink))
            .fetchedBy(ResourceType.IMAGE_PIPELINE, (api, arn) -> api.getOrEmpty("GetImagePipeline",
                    c -> c.getImagePipeline(r -> r.imagePipelineArn(arn)).imagePipeline()), "arn", "_key")

            .key(ImagePipeline::arn)
            .column("arn", VARCHAR, ImagePipeline::arn, "The Amazon Resource Name (ARN) of the image pipeline.")
            .column("container_recipe_arn", VARCHAR, ImagePipeline::containerRecipeArn,
                    "The Amazon Resource Name (ARN) of the container recipe that is used for this pipeline.")
            .column("date_created", TIMESTAMP, ImagePipeline::dateCreated,
                    "The date on which this image pipeline was created (UTC).")
            .column("date_last_run", TIMESTAMP, ImagePipeline::dateLastRun,
                    "This is no longer supported, and does not return a value (always NULL).")
            .column("date_next_run", TIMESTAMP, ImagePipeline::dateNextRun,
                    "The next date when the pipeline is scheduled to run (UTC).")
            .column("date_updated", TIMESTAMP, ImagePipeline::dateUpdated,
                    "The date on which this image pipeline was last updated (UTC).")
            .column("description", VARCHAR, ImagePipeline::description, "The description of the image pipeline.")
            .column("distribution_configuration_arn", VARCHAR, ImagePipeline::distributionConfigurationArn,
                    "The Amazon Resource Name (ARN) of the distribution configuration associated with this image pipeline.")
            .column("enhanced_image_metadata_enabled", BOOLEAN, ImagePipeline::enhancedImageMetadataEnabled,
                    "Collects additional information about the image being created, including the operating system "
                            + "(OS) version and package list.")
            .column("execution_role", VARCHAR, ImagePipeline::executionRole,
                    "The name or Amazon Resource Name (ARN) for the IAM role you create that grants Image Builder "
                            + "access to perform workflow actions.")
            .column("image_recipe_arn", VARCHAR, ImagePipeline::imageRecipeArn,
                    "The Amazon Resource Name (ARN) of the image recipe associated with this image pipeline.")
            .column("image_scanning_configuration", JSON, ImagePipeline::imageScanningConfiguration,
                    "Contains settings for vulnerability scans (JSON).")
            .column("image_tests_configuration", JSON, ImagePipeline::imageTestsConfiguration,
                    "The image tests configuration of the image pipeline (JSON).")
            .column("infrastructure_configuration_arn", VARCHAR, ImagePipeline::infrastructureConfigurationArn,
                    "The Amazon Resource Name (ARN) of the infrastructure configuration associated with this image pipeline.")
            .column("name", VARCHAR, ImagePipeline::name, "The name of the image pipeline.")
            .column("platform", VARCHAR, ImagePipeline::platformAsString,
                    "The platform of the image pipeline: Windows, Linux or macOS.")
            .column("schedule", JSON, ImagePipeline::schedule, "The schedule of the image pipeline (JSON).")
            .column("status", VARCHAR, ImagePipeline::statusAsString,
                    "The status of the image pipeline: ENABLED or DISABLED.")
            .column("tags", TAGS, p -> p.hasTags() ? p.tags() : null, "The tags of this image pipeline.")
            .column("workflows", JSON, p -> p.hasWorkflows() ? p.workflows() : null,
                    "Contains the workflows that run for the image pipeline (JSON).")
            .region()
            .column("last_run_status", VARCHAR, ImagePipeline::lastRunStatusAsString,
                    "The status of the last image that this pipeline built, such as BUILDING, TESTING, FAILED, or AVAILABLE.")
            .column("consecutive_failures", INTEGER, ImagePipeline::consecutiveFailures,
                    "The number of consecutive failures of scheduled runs; a successful run resets it to zero.")
            .column("logging_configuration", JSON, ImagePipeline::loggingConfiguration,
                    "Defines logging configuration for the output image (JSON).")

            .apiFilter("name", "name")
            .apiFilter("status", "status")
            .apiFilter("description", "description")
            .apiFilter("image_recipe_arn", "imageRecipeArn")
            .apiFilter("distribution_configuration_arn", "distributionConfigurationArn")
            .apiFilter("infrastructure_configuration_arn", "infrastructureConfigurationArn")
            .build();
}
