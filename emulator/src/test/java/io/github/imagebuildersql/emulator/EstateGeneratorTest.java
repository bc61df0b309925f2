package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelinesResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

class EstateGeneratorTest {

    @Test
    void theSameSpecGivesTheSameEstate() {
        String spec = "accounts=3,regions=2,pipelines=20,workflows=4,seed=42";
        assertEquals(pipelines(EstateGenerator.generate(spec)), pipelines(EstateGenerator.generate(spec)));
        assertNotEquals(pipelines(EstateGenerator.generate(spec)),
                pipelines(EstateGenerator.generate(spec.replace("seed=42", "seed=43"))));
    }

    @Test
    void theEstateHasTheRequestedShape() {
        Fixture f = EstateGenerator.generate("accounts=3,regions=2,pipelines=20,workflows=4");
        assertEquals(3, f.accounts().size());
        for (Fixture.Account a : f.accounts().values()) {
            assertEquals(List.of("us-east-1", "us-west-2"), List.copyOf(a.regions().keySet()));
            a.regions().forEach((region, r) -> {
                assertEquals(20, r.imagePipelines().size());
                assertEquals(4, r.workflows().stream().filter(w -> w.get("owner").asText().equals(a.id())).count());
                r.imagePipelines().forEach(p -> assertTrue(p.get("arn").asText()
                        .startsWith("arn:aws:imagebuilder:" + region + ":" + a.id() + ":image-pipeline/")));
            });
        }
    }

    @Test
    void theDataIsAsAwkwardAsRealData() {
        List<ObjectNode> all = pipelines(EstateGenerator.generate("accounts=2,regions=1,pipelines=40,workflows=2"));
        assertTrue(all.stream().anyMatch(p -> p.get("dateCreated").asText().endsWith("Z")));
        assertTrue(all.stream().anyMatch(p -> p.get("dateCreated").asText().endsWith("+00:00")));
        assertTrue(all.stream().anyMatch(p -> p.path("description").asText().contains("\n")));
        assertTrue(all.stream().anyMatch(p -> p.path("description").asText().contains("\"")));
        assertTrue(all.stream().anyMatch(p -> p.path("description").asText().chars().anyMatch(c -> c > 127)));
        assertTrue(all.stream().anyMatch(p -> !p.has("description")));
        assertTrue(all.stream().anyMatch(p -> !p.has("schedule")));
        assertTrue(all.stream().anyMatch(p -> p.get("tags").has("cost center")));
        assertTrue(all.stream().anyMatch(p -> !p.get("tags").has("team")));
    }

    static final String RESOURCES = ",images=3,components=4,findings=2,lifecyclePolicies=3";

    @Test
    void resourceKeysLeaveThePipelinesAndWorkflowsOfASpecUnchanged() {
        String spec = "accounts=2,regions=2,pipelines=12,workflows=4,seed=7";
        Fixture plain = EstateGenerator.generate(spec);
        Fixture rich = EstateGenerator.generate(spec + RESOURCES);

        assertEquals(pipelines(plain), pipelines(rich));
        assertEquals(all(plain, Fixture.WORKFLOWS), all(rich, Fixture.WORKFLOWS));
        for (String kind : Fixture.KINDS.subList(2, Fixture.KINDS.size())) {
            assertTrue(all(plain, kind).isEmpty(), kind);
            assertFalse(all(rich, kind).isEmpty(), kind);
        }
    }

    @Test
    void resourcesAreDeterministicAndFollowTheirCounts() {
        String spec = "accounts=2,regions=2,pipelines=10,workflows=0,seed=3" + RESOURCES;
        Fixture f = EstateGenerator.generate(spec);
        for (String kind : Fixture.KINDS) {
            assertEquals(all(f, kind), all(EstateGenerator.generate(spec), kind), kind);
        }
        f.accounts().values().forEach(a -> a.regions().values().forEach(r -> {
            assertEquals(30, r.images().size(), "3 per pipeline");
            assertEquals(12, r.components().size(), "4 components of 3 builds");
            assertEquals(3, r.lifecyclePolicies().size());
            assertEquals(2 * r.images().stream().filter(i -> i.has("scanState")).count(), r.imageScanFindings().size());
        }));
        assertEquals(all(f, Fixture.IMAGES).size(), all(f, Fixture.IMAGES).stream().map(i -> i.get("arn")).distinct().count(),
                "image ARNs are unique");
    }

    @Test
    void everyReferenceResolvesWithinItsPartition() {
        Fixture f = EstateGenerator.generate("accounts=2,regions=2,pipelines=30,workflows=2" + RESOURCES);
        f.accounts().values().forEach(a -> a.regions().values().forEach(r -> {
            Set<String> arns = new HashSet<>();
            Fixture.KINDS.forEach(k -> r.objects(k).forEach(o -> arns.add(o.path("arn").asText())));
            for (ObjectNode p : r.imagePipelines()) {
                String recipe = p.has("imageRecipeArn") ? p.get("imageRecipeArn").asText() : p.get("containerRecipeArn").asText();
                assertTrue(arns.containsAll(List.of(recipe, p.get("infrastructureConfigurationArn").asText(),
                        p.get("distributionConfigurationArn").asText())), p.get("arn").asText());
            }
            for (ObjectNode recipe : all(r, Fixture.IMAGE_RECIPES, Fixture.CONTAINER_RECIPES)) {
                recipe.get("components").forEach(c -> assertTrue(c.get("componentArn").asText().contains(":aws:component/")
                        || arns.contains(c.get("componentArn").asText()), c.toString()));
            }
            r.images().forEach(i -> assertTrue(arns.contains(i.get("sourcePipelineArn").asText())));
            r.imageScanFindings().forEach(x -> assertTrue(arns.contains(x.get("imageBuildVersionArn").asText())));
        }));
        List<ObjectNode> images = all(f, Fixture.IMAGES);
        for (String status : List.of("AVAILABLE", "FAILED", "DEPRECATED")) {
            assertTrue(images.stream().anyMatch(i -> i.get("state").get("status").asText().equals(status)), status);
        }
        assertTrue(images.stream().anyMatch(i -> !i.has("scanState")), "some images are not scanned");
        List<ObjectNode> hosts = all(f, Fixture.INFRASTRUCTURE_CONFIGURATIONS);
        assertTrue(hosts.stream().anyMatch(h -> !h.get("terminateInstanceOnFailure").asBoolean()));
        assertTrue(hosts.stream().anyMatch(h -> h.path("instanceMetadataOptions").path("httpTokens").asText().equals("optional")));
    }

    @Test
    void aBadSpecSaysWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec("accounts=2,regions=x"));
        assertTrue(e.getMessage().contains("regions") && e.getMessage().contains("'x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec("accounts=2,color=red"));
        assertTrue(e.getMessage().contains("color=red"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec("accounts=2,regions=1"));
        assertTrue(e.getMessage().contains("pipelines"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EstateGenerator.parseSpec("accounts=1,regions=1,pipelines=1,workflows=0,images=-1"));
        assertTrue(e.getMessage().contains("images must be 0-100000, got -1"), e.getMessage());
    }

    @Test
    void theGeneratorKnowsTwentyAwsRegions() {
        assertEquals(20, EstateGenerator.REGIONS.size());
        assertEquals(20, Set.copyOf(EstateGenerator.REGIONS).size());
        for (String region : EstateGenerator.REGIONS) {
            assertEquals("aws", Region.of(region).metadata().partition().id(), region);
        }
        assertEquals(20, EstateGenerator.parseSpec("accounts=1,regions=20,pipelines=0,workflows=0").regions());
        var e = assertThrows(IllegalArgumentException.class,
                () -> EstateGenerator.parseSpec("accounts=1,regions=21,pipelines=0,workflows=0"));
        assertEquals("--generate: regions must be 1-20, got 21", e.getMessage());
    }

    static final String VARIED = "accounts=6,regions=20,pipelines=2,workflows=1,varied=1";

    @Test
    void variedIsOffByDefaultAndEitherZeroOrOne() {
        assertFalse(EstateGenerator.parseSpec("accounts=1,regions=1,pipelines=1,workflows=0").varied());
        assertFalse(EstateGenerator.parseSpec("accounts=1,regions=1,pipelines=1,workflows=0,varied=0").varied());
        assertTrue(EstateGenerator.parseSpec(VARIED).varied());
        var e = assertThrows(IllegalArgumentException.class,
                () -> EstateGenerator.parseSpec("accounts=1,regions=1,pipelines=1,workflows=0,varied=2"));
        assertEquals("--generate: varied must be 0 (every partition alike) or 1 (some empty, a few of several pages), "
                + "got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> EstateGenerator.parseSpec("accounts=1,regions=1,pipelines=1,workflows=0,varied=yes"));
        assertEquals("--generate: varied must be a whole number, got 'yes'", e.getMessage());
    }

    @Test
    void aVariedSpecGivesTheSameEstateEveryTime() {
        Fixture once = EstateGenerator.generate(VARIED);
        Fixture again = EstateGenerator.generate(VARIED);
        assertEquals(pipelines(once), pipelines(again));
        assertEquals(all(once, Fixture.WORKFLOWS), all(again, Fixture.WORKFLOWS));
    }

    @Test
    void aVariedEstateHasEmptyPartitionsAFewOfSeveralPagesAndTheRestAlike() {
        EstateGenerator.Spec spec = EstateGenerator.parseSpec(VARIED);
        List<Fixture.Region> partitions = EstateGenerator.generate(spec).accounts().values().stream()
                .flatMap(a -> a.regions().values().stream()).toList();
        assertEquals(120, partitions.size());
        for (int i = 0; i < partitions.size(); i++) {
            Fixture.Region r = partitions.get(i);
            int expected = i % 6 == 5 ? 0 : i % 100 == 0 ? 52 : 2;
            assertEquals(expected, r.imagePipelines().size(), "partition " + i);
            assertEquals(expected, EstateGenerator.pipelinesIn(spec, i), "partition " + i);
            assertEquals(expected == 0 ? 0 : 2, r.workflows().size(), "own and Amazon's workflow, partition " + i);
        }
        // 20 empty, 2 of 52 pipelines (3 pages), 98 of 2
        assertEquals(300, EstateGenerator.pipelineCount(spec));
        assertEquals(124, EstateGenerator.pipelinePages(spec));
    }

    @Test
    void totalsWithoutVariedAreAccountsTimesRegionsTimesPipelines() {
        EstateGenerator.Spec spec = EstateGenerator.parseSpec("accounts=3,regions=2,pipelines=60,workflows=0");
        assertEquals(360, EstateGenerator.pipelineCount(spec));
        assertEquals(18, EstateGenerator.pipelinePages(spec), "25, 25 and 10 in each of 6 partitions");
        assertEquals(6, EstateGenerator.pipelinePages(EstateGenerator.parseSpec("accounts=3,regions=2,pipelines=0,"
                + "workflows=0")), "an empty partition still answers one page");
    }

    @Test
    void theOrganisationBenchmarksSizesHoldWhatIssueNineDescribes() {
        assertEquals(6_400, EstateGenerator.pipelineCount(
                EstateGenerator.parseSpec("accounts=300,regions=16,pipelines=1,workflows=0,varied=1")));
        EstateGenerator.Spec large = EstateGenerator.parseSpec("accounts=1000,regions=20,pipelines=1,workflows=0,varied=1");
        // 3,333 empty partitions, 200 of 51 pipelines (3 pages), 16,467 of one
        assertEquals(26_667, EstateGenerator.pipelineCount(large));
        assertEquals(20_400, EstateGenerator.pipelinePages(large));
    }

    @Test
    void listingEveryPartitionThroughTheSdkTakesExactlyTheComputedPages() throws Exception {
        EstateGenerator.Spec spec = EstateGenerator.parseSpec(VARIED);
        try (Emulator emulator = Emulator.start(EstateGenerator.generate(spec)); StsClient sts = Sdk.of(emulator).sts()) {
            Map<String, ImagebuilderClient> clients = new LinkedHashMap<>();
            EstateGenerator.REGIONS.forEach(region -> clients.put(region, Sdk.of(emulator).imagebuilder(region)));
            List<Integer> pages = new ArrayList<>();
            long pipelines = 0;
            for (int a = 0; a < spec.accounts(); a++) {
                String account = EstateGenerator.accountId(a);
                Credentials role = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/Reader")
                        .roleSessionName("pages")).credentials();
                var session = StaticCredentialsProvider.create(AwsSessionCredentials.create(role.accessKeyId(),
                        role.secretAccessKey(), role.sessionToken()));
                for (ImagebuilderClient client : clients.values()) {
                    List<ListImagePipelinesResponse> partition = client.listImagePipelinesPaginator(
                            r -> r.overrideConfiguration(o -> o.credentialsProvider(session))).stream().toList();
                    pages.add(partition.size());
                    pipelines += partition.stream().mapToLong(p -> p.imagePipelineList().size()).sum();
                }
            }
            clients.values().forEach(ImagebuilderClient::close);

            assertEquals(EstateGenerator.pipelineCount(spec), pipelines);
            assertEquals(EstateGenerator.pipelinePages(spec), emulator.stats().total("ListImagePipelines"));
            assertEquals(EstateGenerator.pipelinePages(spec), pages.stream().mapToLong(Integer::longValue).sum());
            assertEquals(List.of(3, 1, 1, 1, 1, 1), pages.subList(0, 6));
            assertEquals(3, pages.get(100), "the 100th partition, account 5 in us-east-1");
        }
    }

    private static List<ObjectNode> all(Fixture f, String kind) {
        return f.accounts().values().stream().flatMap(a -> a.regions().values().stream())
                .flatMap(r -> r.objects(kind).stream()).toList();
    }

    private static List<ObjectNode> all(Fixture.Region r, String... kinds) {
        return java.util.Arrays.stream(kinds).flatMap(k -> r.objects(k).stream()).toList();
    }

    private static List<ObjectNode> pipelines(Fixture f) {
        return f.accounts().values().stream().flatMap(a -> a.regions().values().stream())
                .flatMap(r -> r.imagePipelines().stream()).toList();
    }
}
