package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ComponentSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageSummary;

/** A generated estate's images, components and findings, read back through the SDK as a connector would. */
class GeneratedEstateServingTest {
    static Emulator emulator;
    static ImagebuilderClient imagebuilder;
    static Fixture.Region partition;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EstateGenerator.generate(
                "accounts=1,regions=1,pipelines=12,workflows=2,images=4,components=3,findings=3,lifecyclePolicies=2"));
        imagebuilder = Sdk.of(emulator).imagebuilder("us-east-1");
        partition = emulator.fixture().account(EstateGenerator.accountId(0)).region("us-east-1");
    }

    @AfterAll
    static void stop() {
        imagebuilder.close();
        emulator.close();
    }

    @Test
    void everyImageBuildIsReachableFromListImagesWithDeprecatedIncluded() {
        List<String> builds = imagebuilder.listImagesPaginator(r -> r.includeDeprecated(true)).imageVersionList().stream()
                .flatMap(v -> imagebuilder.listImageBuildVersionsPaginator(r -> r.imageVersionArn(v.arn()))
                        .imageSummaryList().stream())
                .map(ImageSummary::arn).sorted().toList();

        assertEquals(arns(partition.images()), builds);
    }

    @Test
    void eachPipelineListsItsOwnImages() {
        for (ObjectNode p : partition.imagePipelines()) {
            String arn = p.get("arn").asText();
            assertEquals(4, imagebuilder.listImagePipelineImagesPaginator(r -> r.imagePipelineArn(arn))
                    .imageSummaryList().stream().count(), arn);
        }
    }

    @Test
    void everyComponentBuildAndRecipeCanBeFetched() {
        List<String> builds = imagebuilder.listComponentsPaginator(r -> { }).componentVersionList().stream()
                .flatMap(v -> imagebuilder.listComponentBuildVersionsPaginator(r -> r.componentVersionArn(v.arn()))
                        .componentSummaryList().stream())
                .map(ComponentSummary::arn).sorted().toList();
        assertEquals(arns(partition.components()), builds);
        builds.forEach(b -> assertEquals(b, imagebuilder.getComponent(r -> r.componentBuildVersionArn(b)).component().arn()));
        partition.imageRecipes().forEach(recipe -> assertEquals(recipe.get("arn").asText(), imagebuilder.getImageRecipe(
                r -> r.imageRecipeArn(recipe.get("arn").asText())).imageRecipe().arn()));
    }

    @Test
    void findingsAndLifecyclePoliciesPageThroughTheWholePartition() {
        assertEquals(partition.imageScanFindings().size(), imagebuilder.listImageScanFindingsPaginator(r -> { })
                .findings().stream().count());
        assertEquals(2, imagebuilder.listLifecyclePoliciesPaginator(r -> { }).lifecyclePolicySummaryList().stream().count());
    }

    private static List<String> arns(List<ObjectNode> objects) {
        return objects.stream().map(o -> o.get("arn").asText()).sorted().toList();
    }
}
