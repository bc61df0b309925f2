package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ComponentVersion;
import software.amazon.awssdk.services.imagebuilder.model.Image;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageVersion;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The sample estate's amazon section: the same Amazon-managed images, components and image recipes for every
 * account, listed with {@code owner=Amazon} and fetched by ARN (account {@code aws}).
 */
class AmazonManagedTest extends SampleEstateTest {
    static ImagebuilderClient payments;
    static ImagebuilderClient dataInEurope;

    @BeforeAll
    static void assumeIntoOtherAccounts() {
        try (StsClient sts = Sdk.of(emulator).sts()) {
            payments = Sdk.of(emulator, sts.assumeRole(r -> r.roleArn(
                    "arn:aws:iam::222222222222:role/ImageBuilderInventoryRole").roleSessionName("amazon")).credentials())
                    .imagebuilder("us-east-1");
            // 333333333333 has nothing of its own in eu-west-1
            dataInEurope = Sdk.of(emulator, sts.assumeRole(r -> r.roleArn(
                    "arn:aws:iam::333333333333:role/ImageBuilderInventoryRole").roleSessionName("amazon")).credentials())
                    .imagebuilder("eu-west-1");
        }
    }

    @AfterAll
    static void closeClients() {
        payments.close();
        dataInEurope.close();
    }

    @Test
    void everyAccountSeesAmazonsImagesAndRecipesOfItsRegion() {
        Fixture.Region usEast = emulator.fixture().amazon("us-east-1");
        for (ImagebuilderClient client : List.of(imagebuilder, payments)) {
            assertEquals(versions(usEast.images()), imageVersions(client));
            assertEquals(arns(usEast.imageRecipes()), client.listImageRecipes(r -> r.owner(Ownership.AMAZON))
                    .imageRecipeSummaryList().stream().map(ImageRecipeSummary::arn).toList());
        }
        Fixture.Region europe = emulator.fixture().amazon("eu-west-1");
        assertEquals(versions(europe.images()), imageVersions(dataInEurope));
        assertEquals(versions(europe.components()), dataInEurope.listComponents(r -> r.owner(Ownership.AMAZON))
                .componentVersionList().stream().map(ComponentVersion::arn).toList());
        assertEquals(versions(usEast.components()), payments.listComponents(r -> r.owner(Ownership.AMAZON))
                .componentVersionList().stream().map(ComponentVersion::arn).toList());
    }

    @Test
    void amazonsObjectsAreNeitherTheCallersOwnNorShared() {
        for (Ownership owner : List.of(Ownership.SELF, Ownership.SHARED)) {
            assertTrue(dataInEurope.listImages(r -> r.owner(owner).includeDeprecated(true)).imageVersionList().isEmpty());
            assertTrue(dataInEurope.listComponents(r -> r.owner(owner)).componentVersionList().isEmpty());
            assertTrue(dataInEurope.listImageRecipes(r -> r.owner(owner)).imageRecipeSummaryList().isEmpty());
        }
        ImageVersion v = payments.listImages(r -> r.owner(Ownership.AMAZON)).imageVersionList().get(0);
        assertEquals("Amazon", v.owner());
    }

    @Test
    void aDeprecatedAmazonVersionIsListedOnlyWithIncludeDeprecated() {
        List<String> all = payments.listImages(r -> r.owner(Ownership.AMAZON).includeDeprecated(true)).imageVersionList()
                .stream().map(ImageVersion::arn).toList();

        assertEquals(allVersions(emulator.fixture().amazon("us-east-1").images()), all);
        assertTrue(all.size() > imageVersions(payments).size(), "the sample has a deprecated Amazon version");
    }

    @Test
    void aPinnedParentImageIsOlderThanAmazonsLatestOfTheSameName() {
        String pinned = imagebuilder.getImageRecipe(r -> r.imageRecipeArn(PREFIX + "image-recipe/bastion-cis/1.0.3"))
                .imageRecipe().parentImage();
        String name = pinned.substring(0, pinned.lastIndexOf('/'));

        Image parent = payments.getImage(r -> r.imageBuildVersionArn(pinned)).image();
        Image latest = payments.getImage(r -> r.imageBuildVersionArn(name + "/x.x.x")).image();
        ObjectNode newest = emulator.fixture().amazon("us-east-1").images().stream()
                .filter(i -> i.get("arn").asText().startsWith(name + "/"))
                .filter(i -> i.get("state").get("status").asText().equals("AVAILABLE"))
                .max(Comparator.comparing(i -> i.get("dateCreated").asText())).orElseThrow();

        assertEquals(pinned + "/1", parent.arn());
        assertEquals(newest.get("arn").asText(), latest.arn());
        assertFalse(parent.version().equals(latest.version()), "bastion-cis pins an older Amazon Linux 2");
        assertEquals(List.of(latest.arn()), payments.listImageBuildVersions(r -> r.imageVersionArn(
                versionOf(latest.arn()))).imageSummaryList().stream().map(ImageSummary::arn).toList());
    }

    @Test
    void amazonsComponentsAndRecipesAreFetchedByArnFromAnyAccount() {
        ObjectNode component = emulator.fixture().amazon("eu-west-1").components().get(0);
        var got = dataInEurope.getComponent(r -> r.componentBuildVersionArn(component.get("arn").asText())).component();
        assertEquals(component.get("data").asText(), got.data());
        assertEquals("Amazon", got.owner());

        ObjectNode recipe = emulator.fixture().amazon("eu-west-1").imageRecipes().get(0);
        assertEquals(recipe.get("parentImage").asText(), dataInEurope.getImageRecipe(r -> r.imageRecipeArn(
                recipe.get("arn").asText())).imageRecipe().parentImage());
        assertEquals(1, emulator.stats().inPartition("333333333333", "eu-west-1", "GetImageRecipe"));
    }

    @Test
    void anAmazonBuildsSummaryAgreesWithItsImage() {
        for (ImageVersion v : imageVersionsOf(payments)) {
            for (ImageSummary s : payments.listImageBuildVersions(r -> r.imageVersionArn(v.arn())).imageSummaryList()) {
                SummaryAssertions.assertSummaryAgrees(s, payments.getImage(r -> r.imageBuildVersionArn(s.arn())).image());
                assertEquals("Amazon", s.owner());
            }
        }
    }

    private static List<ImageVersion> imageVersionsOf(ImagebuilderClient client) {
        return client.listImagesPaginator(r -> r.owner(Ownership.AMAZON)).imageVersionList().stream().toList();
    }

    private static List<String> imageVersions(ImagebuilderClient client) {
        return imageVersionsOf(client).stream().map(ImageVersion::arn).toList();
    }

    /** The versions of builds that are not all deprecated, as ListImages answers them by default. */
    private static List<String> versions(List<ObjectNode> builds) {
        return builds.stream().filter(b -> !b.path("state").path("status").asText().equals("DEPRECATED"))
                .map(b -> versionOf(b.get("arn").asText())).distinct().toList();
    }

    private static List<String> allVersions(List<ObjectNode> builds) {
        return builds.stream().map(b -> versionOf(b.get("arn").asText())).distinct().toList();
    }

    private static List<String> arns(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.get("arn").asText()).toList();
    }
}
