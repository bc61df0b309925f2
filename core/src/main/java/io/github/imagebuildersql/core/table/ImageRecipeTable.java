package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipe;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ListImageRecipesResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_image_recipe}: one row per image recipe version the scanned account owns.
 * ListImageRecipes returns a summary; the rest (components, block devices, version, ...) costs one
 * GetImageRecipe per recipe.
 */
public final class ImageRecipeTable {
    private ImageRecipeTable() {}

    static final Get<ImageRecipe> GET = new Get<>("GetImageRecipe",
            arn -> c -> c.getImageRecipe(r -> r.imageRecipeArn(arn)).imageRecipe(), ImageRecipe::arn);

    public static final TableDefinition<Listed<ImageRecipeSummary, ImageRecipe>> DEFINITION = TableDefinition
            .<Listed<ImageRecipeSummary, ImageRecipe>>table("imagebuilder_image_recipe", "image recipe")
            .description("EC2 Image Builder image recipes: one row per image recipe version owned by a scanned account.")
            .calls("ListImageRecipes", "GetImageRecipe", "GetImageRecipePolicy")
            .listedBy((api, options, sink) -> api.pages("ListImageRecipes",
                    token -> c -> c.listImageRecipes(r -> r.owner(Ownership.SELF).filters(options.filtersOrNull())
                            .nextToken(token)),
                    ListImageRecipesResponse::imageRecipeSummaryList, ListImageRecipesResponse::nextToken,
                    recipes -> sink.accept(GET.page(api, recipes, ImageRecipeSummary::arn, options.detail(), null))))
            .fetchedBy(ResourceType.IMAGE_RECIPE, GET.lookup(), "arn", "_key")

            .key(either(ImageRecipeSummary::arn, ImageRecipe::arn))
            .column("arn", VARCHAR, either(ImageRecipeSummary::arn, ImageRecipe::arn),
                    "The Amazon Resource Name (ARN) of the image recipe (.../image-recipe/NAME/VERSION).")
            .detailColumn("type", VARCHAR, detail(ImageRecipe::typeAsString),
                    "Specifies which type of image is created by the recipe: AMI or DOCKER (one GetImageRecipe call per row).")
            .column("name", VARCHAR, either(ImageRecipeSummary::name, ImageRecipe::name), "The name of the image recipe.")
            .detailColumn("description", VARCHAR, detail(ImageRecipe::description),
                    "The description of the image recipe (one GetImageRecipe call per row).")
            .column("platform", VARCHAR, either(ImageRecipeSummary::platformAsString, ImageRecipe::platformAsString),
                    "The platform of the image recipe: Windows, Linux or macOS.")
            .column("owner", VARCHAR, either(ImageRecipeSummary::owner, ImageRecipe::owner), "The owner of the image recipe.")
            .detailColumn("version", VARCHAR, detail(ImageRecipe::version),
                    "The version of the image recipe (one GetImageRecipe call per row).")
            .detailColumn("components", JSON, detail(ImageRecipe::components),
                    "The components that are included in the image recipe, in order, with their parameters "
                            + "(JSON; one GetImageRecipe call per row).")
            .column("parent_image", VARCHAR, either(ImageRecipeSummary::parentImage, ImageRecipe::parentImage),
                    "The base image for customizations: an AMI ID, an Image Builder image ARN, an SSM parameter "
                            + "(ssm:...), or an AWS Marketplace product ID.")
            .detailColumn("block_device_mappings", JSON, detail(ImageRecipe::blockDeviceMappings),
                    "The block device mappings to apply when creating images from this recipe "
                            + "(JSON; one GetImageRecipe call per row).")
            .column("date_created", TIMESTAMP, either(ImageRecipeSummary::dateCreated, ImageRecipe::dateCreated),
                    "The date on which this image recipe was created (UTC).")
            .column("tags", TAGS, either(ImageRecipeSummary::tags, ImageRecipe::tags), "The tags of the image recipe.")
            .detailColumn("working_directory", VARCHAR, detail(ImageRecipe::workingDirectory),
                    "The working directory to be used during build and test workflows (one GetImageRecipe call per row).")
            .detailColumn("additional_instance_configuration", JSON, detail(ImageRecipe::additionalInstanceConfiguration),
                    "Settings and user data for the temporary EC2 instances that build and test the image "
                            + "(JSON; one GetImageRecipe call per row).")
            .detailColumn("ami_tags", TAGS, detail(ImageRecipe::amiTags),
                    "Tags that are applied to the AMI that Image Builder creates during the Build phase "
                            + "(one GetImageRecipe call per row).")
            .region()
            .detailColumn("image_recipe", JSON, detail(r -> r),
                    "The whole image recipe as GetImageRecipe returns it, as in Datadog DDSQL (JSON; one call per row).")
            .callColumn("resource_policy", JSON, "GetImageRecipePolicy",
                    arn -> c -> c.getImageRecipePolicy(r -> r.imageRecipeArn(arn)).policy(),
                    "The resource policy that shares the image recipe with other accounts or organizations (JSON); "
                            + "NULL when it has none (one GetImageRecipePolicy call per row).")

            .apiFilter("name", "name")
            .apiFilter("parent_image", "parentImage")
            .apiFilter("platform", "platform")
            .build();
}
