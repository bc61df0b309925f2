package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.Filter;
import software.amazon.awssdk.services.imagebuilder.model.ImagePipeline;
import software.amazon.awssdk.services.imagebuilder.model.InvalidPaginationTokenException;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelinesRequest;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelinesResponse;
import software.amazon.awssdk.services.imagebuilder.model.PipelineStatus;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;

class ImagePipelineListingTest {
    static final String REGION = "us-east-1";
    static Emulator emulator;
    static ImagebuilderClient imagebuilder;
    static List<ObjectNode> fixturePipelines;

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start(EstateGenerator.generate("accounts=1,regions=2,pipelines=60,workflows=0"));
        imagebuilder = Sdk.of(emulator).imagebuilder(REGION);
        Fixture f = emulator.fixture();
        fixturePipelines = f.account(f.credentials().account()).region(REGION).imagePipelines();
    }

    @AfterAll
    static void stop() {
        imagebuilder.close();
        emulator.close();
    }

    @BeforeEach
    void resetStats() {
        emulator.stats().reset();
    }

    @Test
    void pagesOfTwentyFiveByDefaultUntilEveryPipelineIsListed() {
        List<ListImagePipelinesResponse> pages = imagebuilder.listImagePipelinesPaginator(r -> { }).stream().toList();

        assertEquals(List.of(25, 25, 10), pages.stream().map(p -> p.imagePipelineList().size()).toList());
        assertEquals(fixtureArns(), pages.stream().flatMap(p -> p.imagePipelineList().stream())
                .map(ImagePipeline::arn).toList());
        assertEquals(3, emulator.stats().total("ListImagePipelines"));
        assertEquals(3, emulator.stats().inPartition(EstateGenerator.accountId(0), REGION, "ListImagePipelines"));
    }

    @Test
    void smallPagesFollowMaxResults() {
        List<Integer> sizes = imagebuilder.listImagePipelinesPaginator(r -> r.maxResults(7)).stream()
                .map(p -> p.imagePipelineList().size()).toList();

        assertEquals(9, sizes.size());
        assertEquals(60, sizes.stream().mapToInt(Integer::intValue).sum());
        assertEquals(4, sizes.get(8));
    }

    @Test
    void maxResultsOutsideOneToTwentyFiveIsAnInvalidRequest() {
        for (int bad : new int[] {0, 26}) {
            var e = assertThrows(InvalidRequestException.class,
                    () -> imagebuilder.listImagePipelines(r -> r.maxResults(bad)));
            assertEquals(400, e.statusCode());
        }
    }

    @Test
    void listedPipelinesAreTheFixtureObjectsMemberForMember() throws Exception {
        ListImagePipelinesResponse page = imagebuilder.listImagePipelines(r -> r.maxResults(1));
        ImagePipeline listed = page.imagePipelineList().get(0);
        ObjectNode expected = fixturePipelines.get(0);

        assertEquals(expected.get("name").asText(), listed.name());
        assertEquals(expected.get("dateCreated").asText(), listed.dateCreated());
        assertEquals(expected.get("tags").get("cost center").asText(), listed.tags().get("cost center"));
        assertEquals(expected.get("imageTestsConfiguration").get("timeoutMinutes").asInt(),
                listed.imageTestsConfiguration().timeoutMinutes());
        assertNull(listed.dateLastRun(), "absent members stay absent");
    }

    @Test
    void eachFilterMatchesExactlyAndValuesOfOneFilterAreOred() {
        ObjectNode first = fixturePipelines.get(0);
        for (String member : List.of("name", "description", "imageRecipeArn", "distributionConfigurationArn",
                "infrastructureConfigurationArn")) {
            String value = first.get(member).asText();
            if (!value.matches("[0-9a-zA-Z./_ :,{}\"-]+")) {
                continue; // not expressible as a filter value; the model's pattern forbids it
            }
            List<String> listed = listed(r -> r.filters(Filter.builder().name(member).values(value).build()));
            List<String> expected = fixtureArns(p -> p.has(member) && p.get(member).asText().equals(value));
            assertEquals(expected, listed, "filter " + member);
        }
        String a = fixturePipelines.get(1).get("name").asText();
        String b = fixturePipelines.get(2).get("name").asText();
        assertEquals(2, listed(r -> r.filters(Filter.builder().name("name").values(a, b).build())).size());
    }

    @Test
    void filtersAreAnded() {
        List<String> enabledLinux = listed(r -> r.filters(
                Filter.builder().name("status").values(PipelineStatus.ENABLED.toString()).build(),
                Filter.builder().name("distributionConfigurationArn")
                        .values(fixturePipelines.get(0).get("distributionConfigurationArn").asText()).build()));
        List<String> expected = fixtureArns(p -> p.get("status").asText().equals("ENABLED")
                && p.get("distributionConfigurationArn").equals(fixturePipelines.get(0).get("distributionConfigurationArn")));
        assertEquals(expected, enabledLinux);
        assertTrue(expected.size() > 0 && expected.size() < 60);
    }

    @Test
    void anUnknownFilterNameIsAnInvalidRequest() {
        var e = assertThrows(InvalidRequestException.class, () -> imagebuilder.listImagePipelines(
                r -> r.filters(Filter.builder().name("platform").values("Linux").build())));
        assertTrue(e.getMessage().contains("platform"), e.getMessage());
    }

    @Test
    void aTamperedTokenIsRejected() {
        String token = imagebuilder.listImagePipelines(r -> r.maxResults(5)).nextToken();
        String tampered = token.substring(0, 3) + (token.charAt(3) == 'A' ? 'B' : 'A') + token.substring(4);

        assertThrows(InvalidPaginationTokenException.class,
                () -> imagebuilder.listImagePipelines(r -> r.maxResults(5).nextToken(tampered)));
        assertThrows(InvalidPaginationTokenException.class,
                () -> imagebuilder.listImagePipelines(r -> r.nextToken("not-a-token")));
    }

    @Test
    void aTokenFromAnotherListingIsForeign() {
        String token = imagebuilder.listImagePipelines(r -> r.maxResults(5)).nextToken();
        try (ImagebuilderClient otherRegion = Sdk.of(emulator).imagebuilder("us-west-2")) {
            assertThrows(InvalidPaginationTokenException.class,
                    () -> otherRegion.listImagePipelines(r -> r.maxResults(5).nextToken(token)));
        }
        assertThrows(InvalidPaginationTokenException.class, () -> imagebuilder.listImagePipelines(r -> r
                .nextToken(token).filters(Filter.builder().name("status").values("ENABLED").build())));
        assertThrows(InvalidPaginationTokenException.class,
                () -> imagebuilder.listWorkflows(r -> r.nextToken(token)));
    }

    @Test
    void getImagePipelineReturnsThePipeline() {
        ObjectNode expected = fixturePipelines.get(17);
        ImagePipeline got = imagebuilder.getImagePipeline(r -> r.imagePipelineArn(expected.get("arn").asText()))
                .imagePipeline();

        assertEquals(expected.get("arn").asText(), got.arn());
        assertEquals(expected.get("description") == null ? null : expected.get("description").asText(),
                got.description());
        assertEquals(1, emulator.stats().total("GetImagePipeline"));
        assertEquals(0, emulator.stats().total("ListImagePipelines"));
    }

    @Test
    void anUnknownArnIsResourceNotFoundWith404() {
        String arn = "arn:aws:imagebuilder:us-east-1:" + EstateGenerator.accountId(0) + ":image-pipeline/nope";
        var e = assertThrows(ResourceNotFoundException.class,
                () -> imagebuilder.getImagePipeline(r -> r.imagePipelineArn(arn)));
        assertEquals(404, e.statusCode());
        assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
    }

    @Test
    void aPipelineOfAnotherRegionIsNotFoundHere() {
        String arn = fixturePipelines.get(0).get("arn").asText().replace(REGION, "us-west-2");
        assertThrows(ResourceNotFoundException.class,
                () -> imagebuilder.getImagePipeline(r -> r.imagePipelineArn(arn)));
    }

    @Test
    void aMalformedArnIsAnInvalidRequest() {
        assertThrows(InvalidRequestException.class,
                () -> imagebuilder.getImagePipeline(r -> r.imagePipelineArn("arn:aws:s3:::bucket")));
    }

    private List<String> listed(Consumer<ListImagePipelinesRequest.Builder> request) {
        List<String> arns = new ArrayList<>();
        imagebuilder.listImagePipelinesPaginator(request).imagePipelineList().forEach(p -> arns.add(p.arn()));
        return arns;
    }

    private List<String> fixtureArns() {
        return fixtureArns(p -> true);
    }

    private List<String> fixtureArns(java.util.function.Predicate<ObjectNode> which) {
        return fixturePipelines.stream().filter(which).map(p -> p.get("arn").asText()).toList();
    }

}
