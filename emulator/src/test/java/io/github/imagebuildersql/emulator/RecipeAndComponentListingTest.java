package io.github.imagebuildersql.emulator;

import static io.github.imagebuildersql.emulator.ImageListingTest.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.Component;
import software.amazon.awssdk.services.imagebuilder.model.ComponentConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.ComponentStatus;
import software.amazon.awssdk.services.imagebuilder.model.ComponentSummary;
import software.amazon.awssdk.services.imagebuilder.model.ComponentVersion;
import software.amazon.awssdk.services.imagebuilder.model.ContainerRecipe;
import software.amazon.awssdk.services.imagebuilder.model.ContainerRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipe;
import software.amazon.awssdk.services.imagebuilder.model.ImageRecipeSummary;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Recipes and components of the bundled sample estate (account 111111111111, and 222222222222 for containers). */
class RecipeAndComponentListingTest extends SampleEstateTest {
    static final String CLOUDWATCH = PREFIX + "component/install-cloudwatch-agent/";
    static ImagebuilderClient payments;

    @BeforeAll
    static void assumeIntoPayments() {
        try (StsClient sts = Sdk.of(emulator).sts()) {
            Credentials member = sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/ImageBuilderInventoryRole")
                    .roleSessionName("recipes")).credentials();
            payments = Sdk.of(emulator, member).imagebuilder("us-east-1");
        }
    }

    @AfterAll
    static void closePayments() {
        payments.close();
    }

    @Test
    void imageRecipesListEveryVersionTheCallerOwns() {
        List<ImageRecipeSummary> recipes = imagebuilder.listImageRecipes(r -> { }).imageRecipeSummaryList();

        assertEquals(List.of(PREFIX + "image-recipe/ci-runner-al2023/3.1.0", PREFIX + "image-recipe/ci-runner-al2023/3.2.0",
                PREFIX + "image-recipe/ci-runner-win2022/1.4.0", PREFIX + "image-recipe/bastion-cis/1.0.3"),
                recipes.stream().map(ImageRecipeSummary::arn).toList());
        assertEquals("111111111111", recipes.get(0).owner());
        assertEquals(emulator.fixture().amazon("us-east-1").imageRecipes().stream().map(o -> o.get("arn").asText()).toList(),
                imagebuilder.listImageRecipes(r -> r.owner(Ownership.AMAZON)).imageRecipeSummaryList().stream()
                        .map(ImageRecipeSummary::arn).toList());
        for (ImageRecipeSummary s : recipes) {
            SummaryAssertions.assertSummaryAgrees(s,
                    imagebuilder.getImageRecipe(r -> r.imageRecipeArn(s.arn())).imageRecipe());
        }
    }

    @Test
    void imageRecipesFilterByNamePlatformAndParentImage() {
        assertEquals(1, imagebuilder.listImageRecipes(r -> r.filters(filter("platform", "Windows")))
                .imageRecipeSummaryList().size());
        assertEquals(2, imagebuilder.listImageRecipes(r -> r.filters(filter("name", "ci-runner-al2023")))
                .imageRecipeSummaryList().size());
        assertEquals(List.of("bastion-cis"), imagebuilder.listImageRecipes(r -> r.filters(filter("parentImage",
                "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2-x86/2024.1.0"))).imageRecipeSummaryList()
                .stream().map(ImageRecipeSummary::name).toList());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImageRecipes(r -> r.filters(
                filter("version", "3.2.0"))));
    }

    @Test
    void getImageRecipeAnswersComponentsInOrderAndAWildcardTheLatestVersion() {
        ImageRecipe recipe = imagebuilder.getImageRecipe(r -> r.imageRecipeArn(
                PREFIX + "image-recipe/ci-runner-al2023/3.x.x")).imageRecipe();

        assertEquals("3.2.0", recipe.version());
        assertEquals(PREFIX + "image-recipe/ci-runner-al2023/3.2.x", imagebuilder.getImageRecipe(r -> r.imageRecipeArn(
                recipe.arn())).latestVersionReferences().latestMinorVersionArn());
        assertEquals(List.of("arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x", CLOUDWATCH + "1.1.0/2",
                PREFIX + "component/github-actions-runner/3.2.0/1", PREFIX + "component/smoke-test-http/1.0.0/1"),
                recipe.components().stream().map(ComponentConfiguration::componentArn).toList());
        assertEquals(List.of("advanced"), recipe.components().get(1).parameters().get(0).value());
        var e = assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getImageRecipe(r -> r.imageRecipeArn(
                PREFIX + "image-recipe/ci-runner-al2023/4.x.x")));
        assertEquals(404, e.statusCode());
    }

    @Test
    void containerRecipeSummariesCarryTheInstanceImage() {
        assertTrue(imagebuilder.listContainerRecipes(r -> { }).containerRecipeSummaryList().isEmpty());
        List<ContainerRecipeSummary> recipes = payments.listContainerRecipes(r -> r.filters(
                filter("containerType", "DOCKER"))).containerRecipeSummaryList();
        assertEquals(List.of("fraud-scoring"), recipes.stream().map(ContainerRecipeSummary::name).toList());

        ContainerRecipe full = payments.getContainerRecipe(r -> r.containerRecipeArn(recipes.get(0).arn())).containerRecipe();
        assertEquals(full.instanceConfiguration().image(), recipes.get(0).instanceImage());
        assertEquals("payments/fraud-scoring", full.targetRepository().repositoryName());
        SummaryAssertions.assertSummaryAgrees(recipes.get(0), full);
    }

    @Test
    void listComponentsAnswersVersionsWithTheLatestBuildsStatus() {
        List<ComponentVersion> versions = imagebuilder.listComponents(r -> { }).componentVersionList();

        assertEquals(List.of(CLOUDWATCH + "1.0.0", CLOUDWATCH + "1.1.0", PREFIX + "component/cis-level2-hardening/1.0.0",
                PREFIX + "component/cis-level2-hardening/2.0.0", PREFIX + "component/github-actions-runner/3.2.0",
                PREFIX + "component/iis-baseline/1.0.0", PREFIX + "component/iis-baseline/1.2.0",
                PREFIX + "component/smoke-test-http/1.0.0"), versions.stream().map(ComponentVersion::arn).toList());
        assertEquals(ComponentStatus.DEPRECATED, versions.get(2).status());
        assertNull(versions.get(3).status());
        List<ObjectNode> amazons = new ArrayList<>(emulator.fixture().account("111111111111").region("us-east-1")
                .components().stream().filter(c -> c.get("arn").asText().split(":")[4].equals("aws")).toList());
        amazons.addAll(emulator.fixture().amazon("us-east-1").components());
        assertEquals(amazons.stream().map(c -> versionOf(c.get("arn").asText())).distinct().toList(),
                imagebuilder.listComponents(r -> r.owner(Ownership.AMAZON)).componentVersionList().stream()
                        .map(ComponentVersion::arn).toList(), "the account's own copy of one, then the amazon section's");
    }

    @Test
    void listComponentsByNameAndFilters() {
        assertEquals(List.of(CLOUDWATCH + "1.1.0", PREFIX + "component/cis-level2-hardening/2.0.0",
                PREFIX + "component/github-actions-runner/3.2.0", PREFIX + "component/iis-baseline/1.2.0",
                PREFIX + "component/smoke-test-http/1.0.0"), imagebuilder.listComponents(r -> r.byName(true))
                .componentVersionList().stream().map(ComponentVersion::arn).toList());
        assertEquals(List.of(CLOUDWATCH + "1.0.0", CLOUDWATCH + "1.1.0"), imagebuilder.listComponents(r -> r.filters(
                filter("supportedOsVersion", "CentOS 7"))).componentVersionList().stream().map(ComponentVersion::arn).toList());
        assertEquals(List.of("smoke-test-http"), imagebuilder.listComponents(r -> r.filters(filter("type", "TEST")))
                .componentVersionList().stream().map(ComponentVersion::name).toList());
        assertEquals(1, imagebuilder.listComponents(r -> r.filters(filter("platform", "Windows"),
                filter("version", "1.2.0"))).componentVersionList().size());
    }

    @Test
    void componentBuildVersionsAreSummariesOfTheFullComponents() {
        List<ComponentSummary> builds = imagebuilder.listComponentBuildVersions(r -> r.componentVersionArn(
                CLOUDWATCH + "1.1.0")).componentSummaryList();

        assertEquals(List.of(CLOUDWATCH + "1.1.0/1", CLOUDWATCH + "1.1.0/2"), builds.stream().map(ComponentSummary::arn).toList());
        assertEquals("Fixes the config path on AL2023", builds.get(1).changeDescription());
        for (ComponentSummary s : builds) {
            SummaryAssertions.assertSummaryAgrees(s,
                    imagebuilder.getComponent(r -> r.componentBuildVersionArn(s.arn())).component());
        }
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listComponentBuildVersions(r -> r
                .componentVersionArn(CLOUDWATCH + "1.x.x")));
    }

    @Test
    void getComponentAnswersTheDocumentAndAVersionArnItsLatestBuild() {
        Component c = imagebuilder.getComponent(r -> r.componentBuildVersionArn(CLOUDWATCH + "1.1.0")).component();

        assertEquals(CLOUDWATCH + "1.1.0/2", c.arn());
        assertTrue(c.data().startsWith("name: install-cloudwatch-agent\n"), c.data());
        assertEquals("metricsSet", c.parameters().get(0).name());
        assertEquals(CLOUDWATCH + "1.1.0/2", imagebuilder.getComponent(r -> r.componentBuildVersionArn(
                CLOUDWATCH + "x.x.x")).component().arn());
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getComponent(r -> r.componentBuildVersionArn(
                CLOUDWATCH + "1.1.0/3")));
    }

    @Test
    void aDeprecatedComponentBuildIsFetchedOnlyByItsBuildArn() {
        String cis = PREFIX + "component/cis-level2-hardening/1.0.0";
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getComponent(r -> r.componentBuildVersionArn(cis)));
        var got = imagebuilder.getComponent(r -> r.componentBuildVersionArn(cis + "/1"));
        assertEquals(ComponentStatus.DEPRECATED, got.component().state().status());
        assertEquals(PREFIX + "component/cis-level2-hardening/1.x.x", got.latestVersionReferences().latestMajorVersionArn());
    }
}
