package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Image and container recipes: versions without builds, listed by owner and fetched by (wildcard) version ARN. */
final class RecipeOperations {
    private static final Filters IMAGE_FILTERS = Filters.members("name", "parentImage", "platform");
    private static final Filters CONTAINER_FILTERS = Filters.members("containerType", "name", "parentImage", "platform");

    private final Requests requests;

    RecipeOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListImageRecipes", (call, data) -> list(call, data.imageRecipes(), IMAGE_FILTERS,
                "imageRecipeSummaryList", r -> summary(r, "ImageRecipeSummary", Map.of())));
        operations.put("GetImageRecipe", (call, data) -> get(call, data.imageRecipes(), "imageRecipeArn",
                "imageRecipe"));
        operations.put("ListContainerRecipes", (call, data) -> list(call, data.containerRecipes(), CONTAINER_FILTERS,
                "containerRecipeSummaryList", r -> summary(r, "ContainerRecipeSummary",
                        Map.of("instanceImage", r.path("instanceConfiguration").path("image")))));
        operations.put("GetContainerRecipe", (call, data) -> get(call, data.containerRecipes(), "containerRecipeArn",
                "containerRecipe"));
    }

    private ObjectNode list(Call call, List<ObjectNode> recipes, Filters filters, String member,
            Function<ObjectNode, ObjectNode> summary) {
        JsonNode body = requests.body(call);
        String owner = requests.owner(body);
        Predicate<ObjectNode> filter = requests.filters(body, filters);
        return requests.page(call, body, member, recipes.stream()
                .filter(r -> owner.equals(Versions.ownership(r, call.caller().account())) && filter.test(r))
                .map(summary).toList());
    }

    private ObjectNode summary(ObjectNode recipe, String shape, Map<String, JsonNode> derived) {
        Map<String, JsonNode> all = new HashMap<>(derived);
        all.put("owner", TextNode.valueOf(Versions.owner(recipe)));
        return requests.summary(recipe, shape, all);
    }

    private ObjectNode get(Call call, List<ObjectNode> recipes, String parameter, String member) {
        String arn = requests.requiredParameter(call, parameter);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode recipe = Versions.version(recipes, arn).orElseThrow(() -> requests.notFound(arn));
        out.set(member, recipe);
        out.set("latestVersionReferences", Versions.latestVersionReferences(recipe.get("arn").asText()));
        return out;
    }
}
