package io.github.imagebuildersql.core.table;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.imagebuilder.model.ComponentConfiguration;

/** One component of an image or container recipe, at its 1-based position in the recipe's list. */
public record RecipeComponent(String recipeArn, String recipeType, int position, ComponentConfiguration component) {

    /** The rows of one recipe: its components in order (none for a recipe that lists none). */
    static List<RecipeComponent> of(String recipeArn, String recipeType, List<ComponentConfiguration> components) {
        List<RecipeComponent> rows = new ArrayList<>(components.size());
        for (int i = 0; i < components.size(); i++) {
            rows.add(new RecipeComponent(recipeArn, recipeType, i + 1, components.get(i)));
        }
        return rows;
    }
}
