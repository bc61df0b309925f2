package io.github.imagebuildersql.core.table;

import static io.github.imagebuildersql.core.table.ColumnType.BOOLEAN;
import static io.github.imagebuildersql.core.table.ColumnType.JSON;
import static io.github.imagebuildersql.core.table.ColumnType.TAGS;
import static io.github.imagebuildersql.core.table.ColumnType.TIMESTAMP;
import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static io.github.imagebuildersql.core.table.Listed.detail;
import static io.github.imagebuildersql.core.table.Listed.either;

import io.github.imagebuildersql.core.aws.ResourceType;
import software.amazon.awssdk.services.imagebuilder.model.ContainerRecipe;
import software.amazon.awssdk.services.imagebuilder.model.ContainerRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ListContainerRecipesResponse;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;

/**
 * {@code aws.imagebuilder_container_recipe}: one row per container recipe version the scanned account
 * owns. ListContainerRecipes returns a summary; the rest costs one GetContainerRecipe per recipe.
 */
public final class ContainerRecipeTable {
    private ContainerRecipeTable() {}

    static final Get<ContainerRecipe> GET = new Get<>("GetContainerRecipe",
            arn -> c -> c.getContainerRecipe(r -> r.containerRecipeArn(arn)).containerRecipe(), ContainerRecipe::arn);

    public static final TableDefinition<Listed<ContainerRecipeSummary, ContainerRecipe>> DEFINITION = TableDefinition
            .<Listed<ContainerRecipeSummary, ContainerRecipe>>table("imagebuilder_container_recipe", "container recipe")
            .description("EC2 Image Builder container recipes: one row per container recipe version owned by a "
                    + "scanned account.")
            .calls("ListContainerRecipes", "GetContainerRecipe", "GetContainerRecipePolicy")
            .listedBy((api, options, sink) -> api.pages("ListContainerRecipes",
                    token -> c -> c.listContainerRecipes(r -> r.owner(Ownership.SELF).filters(options.filtersOrNull())
                            .nextToken(token)),
                    ListContainerRecipesResponse::containerRecipeSummaryList, ListContainerRecipesResponse::nextToken,
                    recipes -> sink.accept(GET.page(api, recipes, ContainerRecipeSummary::arn, options.detail(), null))))
            .fetchedBy(ResourceType.CONTAINER_RECIPE, GET.lookup(), "arn", "_key")

            .key(either(ContainerRecipeSummary::arn, ContainerRecipe::arn))
            .column("arn", VARCHAR, either(ContainerRecipeSummary::arn, ContainerRecipe::arn),
                    "The Amazon Resource Name (ARN) of the container recipe (.../container-recipe/NAME/VERSION).")
            .column("container_type", VARCHAR,
                    either(ContainerRecipeSummary::containerTypeAsString, ContainerRecipe::containerTypeAsString),
                    "Specifies the type of container, such as DOCKER.")
            .column("name", VARCHAR, either(ContainerRecipeSummary::name, ContainerRecipe::name),
                    "The name of the container recipe.")
            .detailColumn("description", VARCHAR, detail(ContainerRecipe::description),
                    "The description of the container recipe (one GetContainerRecipe call per row).")
            .column("platform", VARCHAR,
                    either(ContainerRecipeSummary::platformAsString, ContainerRecipe::platformAsString),
                    "The system platform for the container, such as Windows or Linux.")
            .column("owner", VARCHAR, either(ContainerRecipeSummary::owner, ContainerRecipe::owner),
                    "The owner of the container recipe.")
            .detailColumn("version", VARCHAR, detail(ContainerRecipe::version),
                    "The semantic version of the container recipe (one GetContainerRecipe call per row).")
            .detailColumn("components", JSON, detail(ContainerRecipe::components),
                    "Build and test components that are included in the container recipe, in order, with their "
                            + "parameters (JSON; one GetContainerRecipe call per row).")
            .detailColumn("instance_configuration", JSON, detail(ContainerRecipe::instanceConfiguration),
                    "Options that configure the instance that builds and tests the container image "
                            + "(JSON; one GetContainerRecipe call per row).")
            .detailColumn("dockerfile_template_data", VARCHAR, detail(ContainerRecipe::dockerfileTemplateData),
                    "The Dockerfile template used to build the image (one GetContainerRecipe call per row).")
            .detailColumn("kms_key_id", VARCHAR, detail(ContainerRecipe::kmsKeyId),
                    "The KMS key (key ARN or alias ARN) that encrypts the container image for distribution "
                            + "(one GetContainerRecipe call per row).")
            .detailColumn("encrypted", BOOLEAN, detail(ContainerRecipe::encrypted),
                    "A flag that indicates if the target container is encrypted (one GetContainerRecipe call per row).")
            .column("parent_image", VARCHAR,
                    either(ContainerRecipeSummary::parentImage, ContainerRecipe::parentImage),
                    "The base image for customizations: an Image Builder image ARN or a container image URI.")
            .column("date_created", TIMESTAMP,
                    either(ContainerRecipeSummary::dateCreated, ContainerRecipe::dateCreated),
                    "The date when this container recipe was created (UTC).")
            .column("tags", TAGS, either(ContainerRecipeSummary::tags, ContainerRecipe::tags),
                    "Tags that are attached to the container recipe.")
            .detailColumn("working_directory", VARCHAR, detail(ContainerRecipe::workingDirectory),
                    "The working directory for use during build and test workflows (one GetContainerRecipe call per row).")
            .detailColumn("target_repository", JSON, detail(ContainerRecipe::targetRepository),
                    "The destination repository for the container image (JSON; one GetContainerRecipe call per row).")
            .region()
            .detailColumn("container_recipe", JSON, detail(r -> r),
                    "The whole container recipe as GetContainerRecipe returns it, as in Datadog DDSQL "
                            + "(JSON; one call per row).")
            .callColumn("resource_policy", JSON, "GetContainerRecipePolicy",
                    arn -> c -> c.getContainerRecipePolicy(r -> r.containerRecipeArn(arn)).policy(),
                    "The resource policy that shares the container recipe with other accounts or organizations (JSON); "
                            + "NULL when it has none (one GetContainerRecipePolicy call per row).")

            .apiFilter("container_type", "containerType")
            .apiFilter("name", "name")
            .apiFilter("parent_image", "parentImage")
            .apiFilter("platform", "platform")
            .build();
}
