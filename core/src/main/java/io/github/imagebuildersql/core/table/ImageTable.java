package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.imagebuilder.model.Image;
import software.amazon.awssdk.services.imagebuilder.model.ImageSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageVersion;
import software.amazon.awssdk.services.imagebuilder.model.ListImageBuildVersionsResponse;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelineImagesResponse;
import software.amazon.awssdk.services.imagebuilder.model.ListImagesResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_image}: one row per image build version the scanned account owns, deprecated
 * ones included. ListImages names the versions, ListImageBuildVersions their builds; the members only
 * GetImage returns (the recipe, configurations, pipeline, scan state) cost one GetImage per build.
 * {@code source_pipeline_arn = …} lists those pipelines' images with ListImagePipelineImages instead.
 */
public final class ImageTable {
    private ImageTable() {}

    private static final String PIPELINE_FILTER = "sourcePipelineArn";
    /** The filters ListImages and ListImageBuildVersions accept, and those ListImagePipelineImages accepts. */
    private static final Set<String> IMAGE_FILTERS = Set.of("name", "osVersion", "platform", "type", "version");
    private static final Set<String> PIPELINE_IMAGE_FILTERS = Set.of("name", "version");

    private static final Get<Image> GET = new Get<>("GetImage",
            arn -> c -> c.getImage(r -> r.imageBuildVersionArn(arn)).image(), Image::arn);
    private static final BuildVersions<ImageVersion, ImageSummary, Image> BUILDS = new BuildVersions<>(
            new Paged<>("ListImages", (options, under, token) -> c -> c.listImages(r -> r.owner(Ownership.SELF)
                    .includeDeprecated(true).filters(options.filtersOrNull(IMAGE_FILTERS)).nextToken(token)),
                    ListImagesResponse::imageVersionList, ListImagesResponse::nextToken), ImageVersion::arn,
            new Paged<>("ListImageBuildVersions", (options, version, token) -> c -> c.listImageBuildVersions(
                    r -> r.imageVersionArn(version).filters(options.filtersOrNull(IMAGE_FILTERS)).nextToken(token)),
                    ListImageBuildVersionsResponse::imageSummaryList, ListImageBuildVersionsResponse::nextToken),
            ImageSummary::arn, GET);
    private static final Paged<ListImagePipelineImagesResponse, ImageSummary> PIPELINE_IMAGES = new Paged<>(
            "ListImagePipelineImages", (options, pipeline, token) -> c -> c.listImagePipelineImages(r -> r
                    .imagePipelineArn(pipeline).filters(options.filtersOrNull(PIPELINE_IMAGE_FILTERS)).nextToken(token)),
            ListImagePipelineImagesResponse::imageSummaryList, ListImagePipelineImagesResponse::nextToken);

    public static final TableDefinition<Listed<ImageSummary, Image>> DEFINITION = TableDefinition
            .<Listed<ImageSummary, Image>>table("imagebuilder_image", "image build version")
            .description("EC2 Image Builder images: one row per image build version owned by a scanned account.")
            .calls("ListImages", "ListImageBuildVersions", "ListImagePipelineImages", "GetImage", "GetImagePolicy")
            .listedBy(ImageTable::list)
            .fetchedBy(ResourceType.IMAGE, GET.lookup(), "arn", "_key")

            .key(either(ImageSummary::arn, Image::arn))
            .column("arn", VARCHAR, either(ImageSummary::arn, Image::arn),
                    "The Amazon Resource Name (ARN) of the image build version (.../image/NAME/VERSION/BUILD).")
            .column("type", VARCHAR, either(ImageSummary::typeAsString, Image::typeAsString),
                    "Specifies whether this image produces an AMI or a container image: AMI or DOCKER.")
            .column("name", VARCHAR, either(ImageSummary::name, Image::name), "The name of the image.")
            .column("version", VARCHAR, either(ImageSummary::version, Image::version),
                    "The semantic version of the image.")
            .column("platform", VARCHAR, either(ImageSummary::platformAsString, Image::platformAsString),
                    "The image operating system platform, such as Linux or Windows.")
            .detailColumn("enhanced_image_metadata_enabled", BOOLEAN, detail(Image::enhancedImageMetadataEnabled),
                    "Indicates whether Image Builder collects additional information about the image, such as the "
                            + "operating system (OS) version and package list (one GetImage call per row).")
            .column("os_version", VARCHAR, either(ImageSummary::osVersion, Image::osVersion),
                    "The operating system version for instances that launch from this image, for example Amazon Linux 2.")
            .column("state", JSON, either(ImageSummary::state, Image::state),
                    "The state of the image (JSON: status such as AVAILABLE, FAILED or DEPRECATED, and reason).")
            .detailColumn("image_recipe", JSON, detail(Image::imageRecipe),
                    "For images that distribute an AMI, the image recipe that Image Builder used to create the image "
                            + "(JSON; one GetImage call per row).")
            .detailColumn("container_recipe", JSON, detail(Image::containerRecipe),
                    "For container images, the container recipe that Image Builder used to create the image "
                            + "(JSON; one GetImage call per row).")
            .detailColumn("source_pipeline_name", VARCHAR, detail(Image::sourcePipelineName),
                    "The name of the image pipeline that created this image (one GetImage call per row).")
            .detailColumn("source_pipeline_arn", VARCHAR,
                    row -> row.detail() != null ? row.detail().sourcePipelineArn() : row.via(),
                    "The Amazon Resource Name (ARN) of the image pipeline that created this image (one GetImage "
                            + "call per row, unless the query asks for given pipelines' images).")
            .detailColumn("infrastructure_configuration", JSON, detail(Image::infrastructureConfiguration),
                    "The infrastructure that Image Builder used to create this image (JSON; one GetImage call per row).")
            .detailColumn("distribution_configuration", JSON, detail(Image::distributionConfiguration),
                    "The distribution configuration that Image Builder used to create this image "
                            + "(JSON; one GetImage call per row).")
            .detailColumn("image_tests_configuration", JSON, detail(Image::imageTestsConfiguration),
                    "The image tests that ran when Image Builder created this image (JSON; one GetImage call per row).")
            .column("date_created", TIMESTAMP, either(ImageSummary::dateCreated, Image::dateCreated),
                    "The date on which Image Builder created this image (UTC).")
            .column("output_resources", JSON, either(ImageSummary::outputResources, Image::outputResources),
                    "The output resources that Image Builder produces for this image: AMIs and containers (JSON).")
            .column("tags", TAGS, either(ImageSummary::tags, Image::tags), "The tags that apply to this image.")
            .column("build_type", VARCHAR, either(ImageSummary::buildTypeAsString, Image::buildTypeAsString),
                    "Indicates the type of build that created this image: USER_INITIATED, SCHEDULED, IMPORT or IMPORT_ISO.")
            .column("image_source", VARCHAR, either(ImageSummary::imageSourceAsString, Image::imageSourceAsString),
                    "The origin of the base image that Image Builder used to build this image.")
            .detailColumn("scan_state", JSON, detail(Image::scanState),
                    "Contains information about the current state of scans for this image (JSON; one GetImage call per row).")
            .detailColumn("image_scanning_configuration", JSON, detail(Image::imageScanningConfiguration),
                    "Contains settings for vulnerability scans (JSON; one GetImage call per row).")
            .column("deprecation_time", TIMESTAMP, either(ImageSummary::deprecationTime, Image::deprecationTime),
                    "The time when deprecation occurs for an image resource; a past or future date (UTC).")
            .column("lifecycle_execution_id", VARCHAR,
                    either(ImageSummary::lifecycleExecutionId, Image::lifecycleExecutionId),
                    "Identifies the last runtime instance of the lifecycle policy to take action on the image.")
            .detailColumn("execution_role", VARCHAR, detail(Image::executionRole),
                    "The name or Amazon Resource Name (ARN) for the IAM role that grants Image Builder access to "
                            + "perform workflow actions (one GetImage call per row).")
            .detailColumn("workflows", JSON, detail(Image::workflows),
                    "Contains the build and test workflows that are associated with the image (JSON; one GetImage call per row).")
            .column("logging_configuration", JSON,
                    either(ImageSummary::loggingConfiguration, Image::loggingConfiguration),
                    "The logging configuration that's defined for the image (JSON).")
            .region()
            .detailColumn("image_recipe_arn", VARCHAR, detail(i -> i.imageRecipe() == null ? null : i.imageRecipe().arn()),
                    "The ARN of the image recipe that built the image, for joins (one GetImage call per row).")
            .detailColumn("container_recipe_arn", VARCHAR,
                    detail(i -> i.containerRecipe() == null ? null : i.containerRecipe().arn()),
                    "The ARN of the container recipe that built the image, for joins (one GetImage call per row).")
            .detailColumn("infrastructure_configuration_arn", VARCHAR,
                    detail(i -> i.infrastructureConfiguration() == null ? null : i.infrastructureConfiguration().arn()),
                    "The ARN of the infrastructure configuration that built the image, for joins (one GetImage call per row).")
            .detailColumn("distribution_configuration_arn", VARCHAR,
                    detail(i -> i.distributionConfiguration() == null ? null : i.distributionConfiguration().arn()),
                    "The ARN of the distribution configuration of the image, for joins (one GetImage call per row).")
            .callColumn("resource_policy", JSON, "GetImagePolicy",
                    arn -> c -> c.getImagePolicy(r -> r.imageArn(arn)).policy(),
                    "The resource policy that shares the image with other accounts or organizations (JSON); "
                            + "NULL when it has none (one GetImagePolicy call per row).")

            .apiFilter("name", "name")
            .apiFilter("os_version", "osVersion")
            .apiFilter("platform", "platform")
            .apiFilter("type", "type")
            .apiFilter("version", "version")
            .parentFilter("source_pipeline_arn", PIPELINE_FILTER,
                    "ListImagePipelineImages for those pipelines, no ListImages (no GetImage unless other detail columns are read)",
                    ResourceType.IMAGE_PIPELINE)
            .build();

    /** The listing filter naming image build versions, the parents of packages and workflow runs. */
    static final String BUILD_FILTER = "imageBuildVersionArn";

    /** The listing of what belongs to image build versions: the query's ({@link #BUILD_FILTER}), or every one's. */
    static <P, I> Children<P, I> children(Paged<P, I> perBuild) {
        return new Children<>(BUILD_FILTER, ResourceType.IMAGE::names, ImageTable::buildArns, perBuild);
    }

    /** The ARN of every image build version of the partition. */
    private static void buildArns(PartitionApi api, ListOptions unused, Consumer<List<String>> sink) {
        BUILDS.list(api, ListOptions.ALL, page -> sink.accept(page.stream().map(row -> row.summary().arn()).toList()));
    }

    private static void list(PartitionApi api, ListOptions options, Consumer<List<Listed<ImageSummary, Image>>> sink) {
        Optional<List<String>> pipelines = options.values(PIPELINE_FILTER);
        if (pipelines.isEmpty()) {
            BUILDS.list(api, options, sink);
            return;
        }
        boolean detail = options.detailBeyond(Set.of("source_pipeline_arn"));
        for (String pipeline : pipelines.get()) {
            Paged.ifFound(() -> PIPELINE_IMAGES.list(api, options, pipeline, images -> sink.accept(GET.page(api, images,
                    ImageSummary::arn, detail, pipeline))));
        }
    }
}
