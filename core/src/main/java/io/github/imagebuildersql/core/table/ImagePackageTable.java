package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.ImagePackage;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePackagesResponse;

/**
 * {@code aws.imagebuilder_image_package}: the packages Systems Manager recorded on each image build version
 * (ListImagePackages, per build). Without {@code image_build_version_arn = …} the images are listed first.
 */
public final class ImagePackageTable {
    private ImagePackageTable() {}

    private static final Children<ListImagePackagesResponse, ImagePackage> PACKAGES = ImageTable.children(
            new Paged<>("ListImagePackages", (options, image, token) -> c -> c.listImagePackages(
                    r -> r.imageBuildVersionArn(image).nextToken(token)),
                    ListImagePackagesResponse::imagePackageList, ListImagePackagesResponse::nextToken));

    public static final TableDefinition<Child<ListImagePackagesResponse, ImagePackage>> DEFINITION = TableDefinition
            .<Child<ListImagePackagesResponse, ImagePackage>>table("imagebuilder_image_package", "image")
            .description("The packages installed on EC2 Image Builder images, as Systems Manager recorded them at build "
                    + "time: one row per package per image build version. An unfiltered scan lists the images "
                    + "(ListImages, and ListImageBuildVersions per image version) and makes one ListImagePackages "
                    + "per image build version; image_build_version_arn = … makes only that image's.")
            .calls("ListImages", "ListImageBuildVersions", "ListImagePackages")
            .listedBy(PACKAGES::list)

            .key(p -> p.parent() + "#" + p.item().packageName() + "#" + p.item().packageVersion(),
                    "the image build version's ARN, '#', the package's name, '#', and its version")
            .column("image_build_version_arn", VARCHAR, Child::parent,
                    "The Amazon Resource Name (ARN) of the image build version the package is installed on.")
            .column("package_name", VARCHAR, p -> p.item().packageName(), "The name of the package.")
            .column("package_version", VARCHAR, p -> p.item().packageVersion(),
                    "The version of the package, as the package manager reports it (e.g. 1.0.2k-26.amzn2.0.3).")
            .region()

            .parentFilter("image_build_version_arn", ImageTable.BUILD_FILTER,
                    "ListImagePackages for those images only, no listing of images", ResourceType.IMAGE)
            .build();
}
