package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ImagePackage;
import software.amazon.awssdk.services.imagebuilder.model.InvalidPaginationTokenException;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;

/** The packages Image Builder recorded for account 111111111111's builds in us-east-1. */
class ImagePackageListingTest extends SampleEstateTest {
    static final String CI = PREFIX + "image/ci-runner-al2023/3.2.0/3";

    @Test
    void packagesAreListedAsTheFixtureHoldsThemTwentyFiveAPage() {
        List<ObjectNode> expected = packages(CI);
        List<ImagePackage> listed = imagebuilder.listImagePackagesPaginator(r -> r.imageBuildVersionArn(CI))
                .imagePackageList().stream().toList();

        assertTrue(expected.size() > 25, "the sample's CI runner needs two pages");
        assertEquals(expected.stream().map(p -> p.get("packageName").asText() + " " + p.get("packageVersion").asText())
                .toList(), listed.stream().map(p -> p.packageName() + " " + p.packageVersion()).toList());
        assertEquals((expected.size() + 24) / 25, emulator.stats().total("ListImagePackages"));
    }

    @Test
    void maxResultsSetsThePageSizeWithinOneToTwentyFive() {
        int pages = imagebuilder.listImagePackagesPaginator(r -> r.imageBuildVersionArn(CI).maxResults(10)).stream()
                .mapToInt(p -> 1).sum();

        assertEquals((packages(CI).size() + 9) / 10, pages);
        for (int bad : new int[] {0, 26}) {
            var e = assertThrows(InvalidRequestException.class, () -> imagebuilder.listImagePackages(r -> r
                    .imageBuildVersionArn(CI).maxResults(bad)));
            assertTrue(e.getMessage().contains("maxResults must be between 1 and 25"), e.getMessage());
        }
    }

    @Test
    void aPageTokenIsGoodOnlyForTheBuildItWasIssuedFor() {
        String token = imagebuilder.listImagePackages(r -> r.imageBuildVersionArn(CI).maxResults(5)).nextToken();
        assertThrows(InvalidPaginationTokenException.class, () -> imagebuilder.listImagePackages(r -> r
                .imageBuildVersionArn(PREFIX + "image/ci-runner-al2023/3.2.0/1").nextToken(token)));
    }

    @Test
    void theAmazonLinux2BastionCarriesAnOpensslOlderThanThreeZeroSeven() {
        ImagePackage openssl = imagebuilder.listImagePackages(r -> r.imageBuildVersionArn(PREFIX + "image/bastion-cis/1.0.3/1"))
                .imagePackageList().stream().filter(p -> p.packageName().equals("openssl")).findFirst().orElseThrow();
        assertTrue(openssl.packageVersion().startsWith("1.0.2k"), openssl.packageVersion());
    }

    @Test
    void aBuildWithoutPackagesListsNoneAndAnUnknownBuildIsNotFound() {
        assertEquals(List.of(), imagebuilder.listImagePackages(r -> r.imageBuildVersionArn(
                PREFIX + "image/ci-runner-al2023/3.2.0/2")).imagePackageList(), "a failed build recorded no inventory");
        var e = assertThrows(ResourceNotFoundException.class, () -> imagebuilder.listImagePackages(r -> r
                .imageBuildVersionArn(PREFIX + "image/ci-runner-al2023/3.2.0/9")));
        assertEquals(404, e.statusCode());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listImagePackages(r -> r
                .imageBuildVersionArn(PREFIX + "image/ci-runner-al2023/3.2.0")));
    }

    @Test
    void theAnswerIsWrittenInTheModelsOrder() {
        RawAnswers raw = new RawAnswers();
        try (ImagebuilderClient client = Sdk.of(emulator).imagebuilder("us-east-1", raw)) {
            client.listImagePackages(r -> r.imageBuildVersionArn(CI).maxResults(2));
        }
        assertEquals(List.of("requestId", "imagePackageList", "nextToken"), RawAnswers.members(raw.last()));
        assertEquals(RawAnswers.inModelOrder("ImagePackage", raw.last().get("imagePackageList").get(0)),
                RawAnswers.members(raw.last().get("imagePackageList").get(0)));
    }

    private static List<ObjectNode> packages(String image) {
        return emulator.fixture().account("111111111111").region("us-east-1").imagePackages().get(image);
    }
}
