package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static io.github.imagebuildersql.connector.SampleEstate.forEachPartition;
import static io.github.imagebuildersql.connector.SampleEstate.own;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * resource_policy on images, components and image and container recipes: the policy text the service answers,
 * NULL without one, and one Get*Policy call per row made only when the query reads the column.
 */
class ResourcePolicyTest extends SampleEstateTest {
    /** Each table, its operation, and its rows in the fixture. */
    static final Map<String, String> OPERATIONS = Map.of("imagebuilder_image", "GetImagePolicy",
            "imagebuilder_component", "GetComponentPolicy", "imagebuilder_image_recipe", "GetImageRecipePolicy",
            "imagebuilder_container_recipe", "GetContainerRecipePolicy");
    static final Map<String, Function<Fixture.Region, List<ObjectNode>>> ROWS = Map.of(
            "imagebuilder_image", Fixture.Region::images, "imagebuilder_component", Fixture.Region::components,
            "imagebuilder_image_recipe", Fixture.Region::imageRecipes,
            "imagebuilder_container_recipe", Fixture.Region::containerRecipes);
    @Test
    void eachRowHasItsPolicyTextOrNullAtOneCallPerRow() throws Exception {
        for (String table : OPERATIONS.keySet()) {
            aws.stats().reset();
            List<List<Object>> expected = new ArrayList<>();
            forEachPartition((account, data) -> own(account, ROWS.get(table).apply(data)).forEach(row -> expected.add(
                    Arrays.asList(row.get("arn").asText(), data.resourcePolicies().get(row.get("arn").asText())))));
            expected.sort(Comparator.comparing(r -> (String) r.get(0)));
            assertEquals(expected, query(c, "select arn, resource_policy from " + table + " order by arn"), table);
            assertEquals(expected.size(), aws.stats().total(OPERATIONS.get(table)), table + ": one call per row");
            assertTrue(expected.stream().anyMatch(r -> r.get(1) == null), table + " has rows without a policy");
        }
    }

    @Test
    void noPolicyCallUnlessTheColumnIsRead() throws Exception {
        for (String table : OPERATIONS.keySet()) {
            query(c, "select count(*) from " + table);
            query(c, "select arn, name from " + table);
            assertEquals(0, aws.stats().total(OPERATIONS.get(table)), table);
        }
    }

    @Test
    void aFilterOnThePolicyReadsItForEveryRowAndKeepsTheOnesThatMatch() throws Exception {
        String outsider = "999988887777";
        List<List<Object>> expected = new ArrayList<>();
        long[] components = {0};
        forEachPartition((account, data) -> own(account, data.components()).forEach(component -> {
            components[0]++;
            String policy = data.resourcePolicies().get(component.get("arn").asText());
            if (policy != null && policy.contains(outsider)) {
                expected.add(List.of(component.get("arn").asText()));
            }
        }));
        assertEquals(1, expected.size(), "the sample estate shares one component outside the organisation");
        assertEquals(expected, query(c, "select arn from imagebuilder_component where resource_policy like '%"
                + outsider + "%'"));
        assertEquals(components[0], aws.stats().total("GetComponentPolicy"));
        assertEquals(0, aws.stats().total("GetComponent"), "the policy is not a detail of GetComponent's");
    }
}
