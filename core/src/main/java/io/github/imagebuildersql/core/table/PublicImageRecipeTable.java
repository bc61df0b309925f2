package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Versioned.item;

import software.amazon.awssdk.services.imagebuilder.model.ImageRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ListImageRecipesResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_public_image_recipe}: Amazon's image recipes (ListImageRecipes with owner Amazon), the
 * same for every account, so each region is listed once. A recipe's version is the last part of its ARN (the
 * summary has no version member). Only {@code name} is pushed down, as for the public images.
 */
public final class PublicImageRecipeTable {
    private PublicImageRecipeTable() {}

    public static final TableDefinition<Versioned<ImageRecipeSummary>> DEFINITION = TableDefinition
            .<Versioned<ImageRecipeSummary>>table("imagebuilder_public_image_recipe", "image recipe")
            .description("Amazon-managed EC2 Image Builder image recipes: one row per recipe version. They are the "
                    + "same for every account: each region is listed once (ListImageRecipes with owner Amazon), with "
                    + "the first scanned account's credentials.")
            .listedOncePerRegion()
            .calls("ListImageRecipes")
            .listedBy(Versioned.newestOfEachName(new Paged<>("ListImageRecipes", (options, under, token) -> c -> c
                    .listImageRecipes(r -> r.owner(Ownership.AMAZON).filters(options.filtersOrNull()).nextToken(token)),
                    ListImageRecipesResponse::imageRecipeSummaryList, ListImageRecipesResponse::nextToken),
                    ImageRecipeSummary::name, PublicImageRecipeTable::version))

            .key(item(ImageRecipeSummary::arn))
            .column("arn", VARCHAR, item(ImageRecipeSummary::arn),
                    "The Amazon Resource Name (ARN) of the image recipe (.../aws:image-recipe/NAME/VERSION).")
            .column("name", VARCHAR, item(ImageRecipeSummary::name), "The name of the image recipe.")
            .column("platform", VARCHAR, item(ImageRecipeSummary::platformAsString),
                    "The platform of the image recipe: Windows, Linux or macOS.")
            .column("owner", VARCHAR, item(ImageRecipeSummary::owner), "The owner of the image recipe: Amazon.")
            .column("parent_image", VARCHAR, item(ImageRecipeSummary::parentImage),
                    "The base image of the recipe: an Image Builder image ARN, an AMI ID or an SSM parameter.")
            .column("date_created", TIMESTAMP, item(ImageRecipeSummary::dateCreated),
                    "When the image recipe was created (UTC).")
            .column("tags", TAGS, item(ImageRecipeSummary::tags), "The tags of the image recipe.")
            .region()
            .column("version", VARCHAR, item(PublicImageRecipeTable::version),
                    "The semantic version of the recipe, the last part of its ARN.")
            .column("is_latest", BOOLEAN, Versioned::latest,
                    "Whether this is the newest version of its name in its region (semantic version order).")

            .apiFilter("name", "name")
            .build();

    private static String version(ImageRecipeSummary recipe) {
        return recipe.arn() == null ? null : recipe.arn().substring(recipe.arn().lastIndexOf('/') + 1);
    }
}
