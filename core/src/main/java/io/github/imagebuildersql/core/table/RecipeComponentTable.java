package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.INTEGER;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;

import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.imagebuilder.model.ContainerRecipe;
import software.amazon.awssdk.services.imagebuilder.model.ContainerRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipe;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ListContainerRecipesResponse;
import software.amazon.awssdk.services.imagebuilder.model.ListImageRecipesResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_image_recipe_component}: the components of every image and container recipe
 * the scanned account owns, one row per component, for joins ("which pipelines use this component").
 * Each recipe costs its List page share and one Get; {@code recipe_arn = …} makes only the Gets.
 */
public final class RecipeComponentTable {
    private RecipeComponentTable() {}

    private static final String IMAGE = "IMAGE";
    private static final String CONTAINER = "CONTAINER";
    private static final String RECIPE_FILTER = "recipeArn";
    private static final String TYPE_FILTER = "recipeType";

    public static final TableDefinition<RecipeComponent> DEFINITION = TableDefinition.<RecipeComponent>table(
                    "imagebuilder_image_recipe_component", "recipe")
            .description("The components of EC2 Image Builder image and container recipes: one row per component of "
                    + "each recipe owned by a scanned account, in the recipe's order.")
            .calls("ListImageRecipes", "GetImageRecipe", "ListContainerRecipes", "GetContainerRecipe")
            .listedBy(RecipeComponentTable::list)

            .key(rc -> rc.recipeArn() + "#" + rc.position(), "the recipe's ARN, '#', and the component's position")
            .region()
            .column("recipe_arn", VARCHAR, RecipeComponent::recipeArn,
                    "The Amazon Resource Name (ARN) of the image or container recipe.")
            .column("recipe_type", VARCHAR, RecipeComponent::recipeType,
                    "IMAGE for an image recipe, CONTAINER for a container recipe.")
            .column("position", INTEGER, RecipeComponent::position,
                    "The component's position in the recipe's list, from 1: the order in which it runs. POSITION is "
                            + "an SQL keyword: write \"position\" in double quotes.")
            .column("component_arn", VARCHAR, rc -> rc.component().componentArn(),
                    "The Amazon Resource Name (ARN) of the component, as the recipe names it (a version, a build "
                            + "version, or an x wildcard).")
            .column("parameters", JSON, rc -> rc.component().parameters(),
                    "The parameter settings the recipe gives the component (JSON; NULL when it gives none).")

            .parentFilter("recipe_arn", RECIPE_FILTER, "one GetImageRecipe or GetContainerRecipe per ARN, no listing",
                    ResourceType.IMAGE_RECIPE, ResourceType.CONTAINER_RECIPE)
            .listingFilter("recipe_type", TYPE_FILTER, "lists only that kind of recipe")
            .build();

    private static void list(PartitionApi api, ListOptions options, Consumer<List<RecipeComponent>> sink) {
        List<String> types = options.values(TYPE_FILTER).orElse(List.of(IMAGE, CONTAINER));
        Optional<List<String>> arns = options.values(RECIPE_FILTER);
        if (arns.isPresent()) {
            for (String arn : arns.get()) {
                if (ResourceType.IMAGE_RECIPE.names(arn) && types.contains(IMAGE)) {
                    api.getOrEmpty("GetImageRecipe", ImageRecipeTable.GET.call().apply(arn))
                            .ifPresent(r -> sink.accept(RecipeComponent.of(r.arn(), IMAGE, r.components())));
                } else if (ResourceType.CONTAINER_RECIPE.names(arn) && types.contains(CONTAINER)) {
                    api.getOrEmpty("GetContainerRecipe", ContainerRecipeTable.GET.call().apply(arn))
                            .ifPresent(r -> sink.accept(RecipeComponent.of(r.arn(), CONTAINER, r.components())));
                }
            }
            return;
        }
        if (types.contains(IMAGE)) {
            api.pages("ListImageRecipes", token -> c -> c.listImageRecipes(r -> r.owner(Ownership.SELF).nextToken(token)),
                    ListImageRecipesResponse::imageRecipeSummaryList, ListImageRecipesResponse::nextToken,
                    page -> sink.accept(api.detailCalls("GetImageRecipe", page,
                                    (ImageRecipeSummary s) -> ImageRecipeTable.GET.call().apply(s.arn())).stream()
                            .flatMap((ImageRecipe r) -> RecipeComponent.of(r.arn(), IMAGE, r.components()).stream())
                            .toList()));
        }
        if (types.contains(CONTAINER)) {
            api.pages("ListContainerRecipes",
                    token -> c -> c.listContainerRecipes(r -> r.owner(Ownership.SELF).nextToken(token)),
                    ListContainerRecipesResponse::containerRecipeSummaryList, ListContainerRecipesResponse::nextToken,
                    page -> sink.accept(api.detailCalls("GetContainerRecipe", page,
                                    (ContainerRecipeSummary s) -> ContainerRecipeTable.GET.call().apply(s.arn())).stream()
                            .flatMap((ContainerRecipe r) -> RecipeComponent.of(r.arn(), CONTAINER, r.components()).stream())
                            .toList()));
        }
    }
}
