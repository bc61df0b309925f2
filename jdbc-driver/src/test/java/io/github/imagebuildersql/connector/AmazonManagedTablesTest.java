package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static io.github.imagebuildersql.connector.SampleEstate.ACCOUNTS;
import static io.github.imagebuildersql.connector.SampleEstate.FIXTURE;
import static io.github.imagebuildersql.connector.SampleEstate.REGIONS;
import static io.github.imagebuildersql.connector.SampleEstate.amazons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Amazon-managed tables against the sample estate's amazon section: their rows, which version of each name is
 * the latest, and one listing per region (through the first scanned account), never per account.
 */
class AmazonManagedTablesTest extends SampleEstateTest {
    @Test
    void publicImagesAreAmazonsVersionsInEachRegionWithTheNewestOfEachNameMarked() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        for (String region : REGIONS) {
            Map<String, ObjectNode> versions = new TreeMap<>();
            for (ObjectNode image : amazons(FIXTURE.view(ACCOUNTS.get(0), region).images())) {
                String arn = image.get("arn").asText();
                versions.putIfAbsent(arn.substring(0, arn.lastIndexOf('/')), image);
            }
            Map<String, String> newest = newest(versions.values(), v -> v.get("name").asText(),
                    v -> v.get("version").asText());
            versions.forEach((arn, v) -> expected.add(List.of(region, arn, v.get("name").asText(),
                    v.get("version").asText(), v.get("version").asText().equals(newest.get(v.get("name").asText())))));
        }
        expected.sort(Comparator.comparing(Object::toString));
        List<List<Object>> rows = query(c, "select region, arn, name, version, is_latest from imagebuilder_public_image");
        rows.sort(Comparator.comparing(Object::toString));
        assertEquals(expected, rows);
        assertTrue(rows.contains(List.of("us-east-1", "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/"
                + "2024.11.0", "Amazon Linux 2023 x86", "2024.11.0", true)), "2024.11.0 is newer than 2024.9.0");
        assertEquals(REGIONS.size(), aws.stats().total("ListImages"), "one page in each region");
        for (String region : REGIONS) {
            assertEquals(1, aws.stats().inPartition(ACCOUNTS.get(0), region, "ListImages"), region);
        }
    }

    @Test
    void aRegionConstraintListsThatRegionOnlyAndANameIsAFilter() throws Exception {
        List<List<Object>> rows = query(c, "select version, is_latest from imagebuilder_public_image "
                + "where region = 'eu-west-1' and name = 'Amazon Linux 2 x86' order by version");
        assertTrue(rows.size() > 1, rows.toString());
        assertEquals(1, rows.stream().filter(r -> r.get(1).equals(true)).count(), "one latest among the name's versions");
        assertEquals(1, aws.stats().total("ListImages"));
        assertEquals(1, aws.stats().inPartition(ACCOUNTS.get(0), "eu-west-1", "ListImages"));
    }

    @Test
    void publicComponentsAndRecipesAreListedOncePerRegionToo() throws Exception {
        long components = REGIONS.stream().mapToLong(r -> amazons(FIXTURE.view(ACCOUNTS.get(0), r).components()).size())
                .sum();
        long recipes = REGIONS.stream().mapToLong(r -> amazons(FIXTURE.view(ACCOUNTS.get(0), r).imageRecipes()).size())
                .sum();
        assertEquals(List.of(List.of(components)), query(c, "select count(*) from imagebuilder_public_component"));
        assertEquals(List.of(List.of(recipes)), query(c, "select count(*) from imagebuilder_public_image_recipe"));
        assertEquals(REGIONS.size(), aws.stats().total("ListComponents"));
        assertEquals(REGIONS.size(), aws.stats().total("ListImageRecipes"));
        Map<String, String> newest = newest(amazons(FIXTURE.view(ACCOUNTS.get(0), "us-east-1").imageRecipes()), r -> r.get("name").asText(),
                r -> r.get("arn").asText().substring(r.get("arn").asText().lastIndexOf('/') + 1));
        List<List<Object>> expected = new ArrayList<>();
        newest.forEach((name, version) -> expected.add(List.of(name, version)));
        assertEquals(expected, query(c, "select name, version from imagebuilder_public_image_recipe "
                + "where region = 'us-east-1' and is_latest order by name"));
    }

    /** Each name's newest version, numbers compared as numbers. */
    static <T> Map<String, String> newest(Iterable<T> items, Function<T, String> name, Function<T, String> version) {
        Comparator<String> semantic = Comparator.comparing(v -> java.util.Arrays.stream(v.split("\\."))
                .mapToLong(Long::parseLong).toArray(), java.util.Arrays::compare);
        Map<String, String> newest = new TreeMap<>();
        for (T item : items) {
            newest.merge(name.apply(item), version.apply(item), (a, b) -> semantic.compare(a, b) >= 0 ? a : b);
        }
        return newest;
    }
}
