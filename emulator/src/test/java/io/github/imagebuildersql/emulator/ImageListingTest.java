package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.model.ClientException;
import software.amazon.awssdk.services.imagebuilder.model.Filter;
import software.amazon.awssdk.services.imagebuilder.model.Image;
import software.amazon.awssdk.services.imagebuilder.model.ImageStatus;
import software.amazon.awssdk.services.imagebuilder.model.ImageSummary;
import software.amazon.awssdk.services.imagebuilder.model.ImageVersion;
import software.amazon.awssdk.services.imagebuilder.model.InvalidPaginationTokenException;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.LatestVersionReferences;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;

/**
 * Images of the bundled sample estate, account 111111111111 in us-east-1: ci-runner-al2023 3.1.0/1 (deprecated),
 * 3.2.0/1-3, ci-runner-win2022 1.4.0/1-2, bastion-cis 1.0.3/1-2, and one image another account shares.
 */
class ImageListingTest extends SampleEstateTest {
    static final String CI = PREFIX + "image/ci-runner-al2023/3.2.0";

    @Test
    void listImagesAnswersTheCallersOwnVersionsLeavingOutDeprecatedOnes() {
        List<ImageVersion> versions = imagebuilder.listImages(r -> { }).imageVersionList();

        assertEquals(List.of(CI, PREFIX + "image/ci-runner-win2022/1.4.0", PREFIX + "image/bastion-cis/1.0.3"),
                versions.stream().map(ImageVersion::arn).toList());
        assertEquals("111111111111", versions.get(0).owner());
        assertEquals("3.2.0", versions.get(0).version());
        assertEquals("Windows", versions.get(1).platformAsString());
    }

    @Test
    void includeDeprecatedAddsVersionsWhoseBuildsAreAllDeprecated() {
        assertEquals(List.of(PREFIX + "image/ci-runner-al2023/3.1.0", CI, PREFIX + "image/ci-runner-win2022/1.4.0",
                PREFIX + "image/bastion-cis/1.0.3"), imagebuilder.listImages(r -> r.includeDeprecated(true))
                .imageVersionList().stream().map(ImageVersion::arn).toList());
    }

    @Test
    void byNameKeepsEachNamesLatestVersion() {
        assertEquals(List.of(CI, PREFIX + "image/ci-runner-win2022/1.4.0", PREFIX + "image/bastion-cis/1.0.3"),
                imagebuilder.listImages(r -> r.includeDeprecated(true).byName(true)).imageVersionList().stream()
                        .map(ImageVersion::arn).toList());
    }

    @Test
    void imagesSharedByAnotherAccountAreListedOnlyForOwnerShared() {
        assertEquals(List.of("arn:aws:imagebuilder:us-east-1:999988887777:image/golden-al2023/2024.11.0"),
                imagebuilder.listImages(r -> r.owner(Ownership.SHARED)).imageVersionList().stream()
                        .map(ImageVersion::arn).toList());
        assertEquals(emulator.fixture().amazon("us-east-1").images().stream()
                        .filter(i -> !i.get("state").get("status").asText().equals("DEPRECATED"))
                        .map(i -> versionOf(i.get("arn").asText())).toList(),
                imagebuilder.listImages(r -> r.owner(Ownership.AMAZON)).imageVersionList().stream()
                        .map(ImageVersion::arn).toList(), "Amazon's images, no deprecated version, each built once");
    }

    @Test
    void listImagesFiltersArePlatformNameVersionOsVersionAndTypeOredWithinAndAcross() {
        assertEquals(List.of("ci-runner-win2022"), names(imagebuilder.listImages(r -> r.filters(
                filter("platform", "Windows"))).imageVersionList()));
        assertEquals(List.of("ci-runner-al2023", "bastion-cis"), names(imagebuilder.listImages(r -> r.filters(
                filter("name", "ci-runner-al2023", "bastion-cis"))).imageVersionList()));
        assertEquals(List.of("bastion-cis"), names(imagebuilder.listImages(r -> r.filters(
                filter("osVersion", "Amazon Linux 2"), filter("type", "AMI"))).imageVersionList()));
        assertTrue(imagebuilder.listImages(r -> r.filters(filter("platform", "Linux"), filter("version", "1.4.0")))
                .imageVersionList().isEmpty());
    }

    @Test
    void anUnknownFilterNameIsAnInvalidRequestNamingTheValidOnes() {
        var e = assertThrows(InvalidRequestException.class, () -> imagebuilder.listImages(r -> r.filters(
                filter("state", "AVAILABLE"))));
        assertEquals(400, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("name, osVersion, platform, type, version"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void buildVersionsOfAVersionCarryStateAndOutputResources() {
        List<ImageSummary> builds = imagebuilder.listImageBuildVersions(r -> r.imageVersionArn(CI)).imageSummaryList();

        assertEquals(List.of(CI + "/1", CI + "/2", CI + "/3"), builds.stream().map(ImageSummary::arn).toList());
        assertEquals(List.of(ImageStatus.AVAILABLE, ImageStatus.FAILED, ImageStatus.AVAILABLE),
                builds.stream().map(b -> b.state().status()).toList());
        assertEquals(3, builds.get(2).outputResources().amis().size());
        assertTrue(builds.get(1).outputResources().amis().isEmpty());
        assertEquals("111111111111", builds.get(0).owner());
    }

    @Test
    void buildVersionsPageByMaxResultsAndTokensAreBoundToTheirListing() {
        var pages = imagebuilder.listImageBuildVersionsPaginator(r -> r.imageVersionArn(CI).maxResults(2)).stream().toList();
        assertEquals(List.of(2, 1), pages.stream().map(p -> p.imageSummaryList().size()).toList());
        assertEquals(2, emulator.stats().total("ListImageBuildVersions"));

        String token = pages.get(0).nextToken();
        assertThrows(InvalidPaginationTokenException.class, () -> imagebuilder.listImageBuildVersions(r -> r
                .imageVersionArn(PREFIX + "image/ci-runner-win2022/1.4.0").nextToken(token)));
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImageBuildVersions(r -> r
                .imageVersionArn(CI).maxResults(26)));
    }

    @Test
    void aSummaryIsTheFullImagesMembersMemberForMember() {
        for (ImageSummary s : imagebuilder.listImageBuildVersions(r -> r.imageVersionArn(CI)).imageSummaryList()) {
            Image full = imagebuilder.getImage(r -> r.imageBuildVersionArn(s.arn())).image();
            SummaryAssertions.assertSummaryAgrees(s, full);
        }
    }

    @Test
    void getImageAnswersTheImageWithItsRecipeAndConfigurations() {
        Image image = imagebuilder.getImage(r -> r.imageBuildVersionArn(CI + "/3")).image();

        assertEquals(PREFIX + "image-recipe/ci-runner-al2023/3.2.0", image.imageRecipe().arn());
        assertEquals(PREFIX + "infrastructure-configuration/ci-builders", image.infrastructureConfiguration().arn());
        assertEquals(PREFIX + "distribution-configuration/ci-all-regions", image.distributionConfiguration().arn());
        assertEquals(PREFIX + "image-pipeline/ci-runner-al2023", image.sourcePipelineArn());
        assertEquals(1, emulator.stats().total("GetImage"));
    }

    @Test
    void getImageByAWildcardVersionAnswersTheLatestAvailableBuild() {
        assertEquals(CI + "/3", imagebuilder.getImage(r -> r.imageBuildVersionArn(
                PREFIX + "image/ci-runner-al2023/3.x.x")).image().arn());
        assertEquals(CI + "/3", imagebuilder.getImage(r -> r.imageBuildVersionArn(CI)).image().arn());
        assertEquals(PREFIX + "image/ci-runner-win2022/1.4.0/1", imagebuilder.getImage(r -> r.imageBuildVersionArn(
                PREFIX + "image/ci-runner-win2022/1.4.0")).image().arn(), "build 2 failed");
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getImage(r -> r.imageBuildVersionArn(
                PREFIX + "image/ci-runner-al2023/3.1.0")), "its only build is deprecated");
        assertEquals(ImageStatus.DEPRECATED, imagebuilder.getImage(r -> r.imageBuildVersionArn(
                PREFIX + "image/ci-runner-al2023/3.1.0/1")).image().state().status());
    }

    @Test
    void getImageNamesTheWildcardArnsOfItsLatestVersions() {
        LatestVersionReferences refs = imagebuilder.getImage(r -> r.imageBuildVersionArn(CI + "/2"))
                .latestVersionReferences();

        assertEquals(PREFIX + "image/ci-runner-al2023/x.x.x", refs.latestVersionArn());
        assertEquals(PREFIX + "image/ci-runner-al2023/3.x.x", refs.latestMajorVersionArn());
        assertEquals(PREFIX + "image/ci-runner-al2023/3.2.x", refs.latestMinorVersionArn());
        assertEquals(CI, refs.latestPatchVersionArn());
    }

    @Test
    void anUnknownImageIsResourceNotFoundAndAMalformedArnAnInvalidRequest() {
        var e = assertThrows(ResourceNotFoundException.class,
                () -> imagebuilder.getImage(r -> r.imageBuildVersionArn(CI + "/9")));
        assertEquals(404, e.statusCode());
        assertThrows(InvalidRequestException.class,
                () -> imagebuilder.getImage(r -> r.imageBuildVersionArn(PREFIX + "image-recipe/ci-runner-al2023/3.2.0")));
    }

    @Test
    void pipelineImagesAreEveryBuildThePipelineMadeDeprecatedAndFailedIncluded() {
        String pipeline = PREFIX + "image-pipeline/ci-runner-al2023";
        List<ImageSummary> images = imagebuilder.listImagePipelineImages(r -> r.imagePipelineArn(pipeline))
                .imageSummaryList();

        assertEquals(List.of(PREFIX + "image/ci-runner-al2023/3.1.0/1", CI + "/1", CI + "/2", CI + "/3"),
                images.stream().map(ImageSummary::arn).toList());
        assertEquals(ImageStatus.DEPRECATED, images.get(0).state().status());
        assertEquals(3, imagebuilder.listImagePipelineImages(r -> r.imagePipelineArn(pipeline)
                .filters(filter("version", "3.2.0"))).imageSummaryList().size());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImagePipelineImages(r -> r
                .imagePipelineArn(pipeline).filters(filter("platform", "Linux"))));
    }

    @Test
    void imagesOfAnUnknownPipelineAreResourceNotFound() {
        var e = assertThrows(ResourceNotFoundException.class, () -> imagebuilder.listImagePipelineImages(r -> r
                .imagePipelineArn(PREFIX + "image-pipeline/no-such-pipeline")));
        assertEquals(404, e.statusCode());
    }

    @Test
    void writeOperationsAreRefusedAndRecordedForTheAudit() {
        var e = assertThrows(ClientException.class, () -> imagebuilder.deleteImage(r -> r.imageBuildVersionArn(CI + "/1")));
        assertEquals(400, e.statusCode());
        imagebuilder.listImages(r -> { });
        Set<String> seen = emulator.stats().operationsEverSeen();
        assertTrue(seen.contains("DeleteImage") && seen.contains("ListImages"), seen.toString());
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<String> names(List<ImageVersion> versions) {
        return versions.stream().map(ImageVersion::name).toList();
    }
}
