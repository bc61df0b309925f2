package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Versioned.item;

import software.amazon.awssdk.services.imagebuilder.model.ImageVersion;
import software.amazon.awssdk.services.imagebuilder.model.ListImagesResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_public_image}: Amazon's images, the parents recipes start from (ListImages with
 * owner Amazon, deprecated versions included). Every account sees the same ones, so each region is listed once.
 * Only {@code name} is pushed down: a filter on anything else could leave out a name's newest version, which
 * {@code is_latest} is decided against.
 */
public final class PublicImageTable {
    private PublicImageTable() {}

    public static final TableDefinition<Versioned<ImageVersion>> DEFINITION = TableDefinition
            .<Versioned<ImageVersion>>table("imagebuilder_public_image", "image version")
            .description("Amazon-managed EC2 Image Builder images, the parent images recipes build on: one row per "
                    + "image version, deprecated ones included. They are the same for every account: each region is "
                    + "listed once (ListImages with owner Amazon), with the first scanned account's credentials.")
            .listedOncePerRegion()
            .calls("ListImages")
            .listedBy(Versioned.newestOfEachName(new Paged<>("ListImages", (options, under, token) -> c -> c.listImages(
                    r -> r.owner(Ownership.AMAZON).includeDeprecated(true).filters(options.filtersOrNull())
                            .nextToken(token)),
                    ListImagesResponse::imageVersionList, ListImagesResponse::nextToken), ImageVersion::name,
                    ImageVersion::version))

            .key(item(ImageVersion::arn))
            .column("arn", VARCHAR, item(ImageVersion::arn),
                    "The Amazon Resource Name (ARN) of the image version (.../aws:image/NAME/VERSION), as a recipe's "
                            + "parent_image names it when it pins a version.")
            .column("name", VARCHAR, item(ImageVersion::name), "The name of the image, such as Amazon Linux 2023 x86.")
            .column("type", VARCHAR, item(ImageVersion::typeAsString),
                    "Whether the image produces an AMI or a container image: AMI or DOCKER.")
            .column("version", VARCHAR, item(ImageVersion::version), "The semantic version of the image.")
            .column("platform", VARCHAR, item(ImageVersion::platformAsString),
                    "The image operating system platform, such as Linux or Windows.")
            .column("os_version", VARCHAR, item(ImageVersion::osVersion),
                    "The operating system version of the instances launched from the image.")
            .column("owner", VARCHAR, item(ImageVersion::owner), "The owner of the image: Amazon.")
            .column("date_created", TIMESTAMP, item(ImageVersion::dateCreated), "When the image version was created (UTC).")
            .column("build_type", VARCHAR, item(ImageVersion::buildTypeAsString),
                    "The type of build that created the image version.")
            .column("image_source", VARCHAR, item(ImageVersion::imageSourceAsString),
                    "The origin of the base image that Image Builder used to build this image: AMAZON_MANAGED.")
            .region()
            .column("is_latest", BOOLEAN, Versioned::latest,
                    "Whether this is the newest version of its name in its region (semantic version order).")

            .apiFilter("name", "name")
            .build();
}
