package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ImageVersion;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowExecutionMetadata;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStepExecution;

/**
 * What {@code --generate} records beside the resources: the amazon section and resource policies whenever it
 * generates resources, and on request packages, workflow runs and lifecycle runs, all cross-referenced.
 */
class GeneratedHistoryTest {
    static final String RESOURCES = "accounts=2,regions=2,pipelines=12,workflows=4,seed=7" + EstateGeneratorTest.RESOURCES;
    static final String HISTORY = ",packages=30,workflowExecutions=1,lifecycleExecutions=3";
    static final Fixture PLAIN = EstateGenerator.generate(RESOURCES);
    static final Fixture RICH = EstateGenerator.generate(RESOURCES + HISTORY);

    @Test
    void historyIsOffByDefaultAndLeavesEverythingGeneratedBeforeItAsItWas() {
        for (String kind : Fixture.KINDS) {
            assertEquals(all(PLAIN, kind), all(RICH, kind).stream().filter(o -> !isHandStarted(o)).toList(), kind);
        }
        for (String kind : Fixture.RECORD_KINDS) {
            assertTrue(all(PLAIN, kind).isEmpty(), kind);
            assertFalse(all(RICH, kind).isEmpty(), kind);
        }
        assertTrue(partitions(PLAIN).allMatch(r -> r.imagePackages().isEmpty() && r.lifecycleExecutionResources().isEmpty()));
        assertEquals(partitions(RICH).count(), all(RICH, Fixture.IMAGES).stream().filter(GeneratedHistoryTest::isHandStarted)
                .count(), "one build started by hand in each partition");
        assertEquals(all(RICH, Fixture.WORKFLOW_EXECUTIONS), all(EstateGenerator.generate(RESOURCES + HISTORY),
                Fixture.WORKFLOW_EXECUTIONS), "the same spec, the same records");
    }

    @Test
    void everyBuiltAmiHasItsPackagesAndEveryPipelinesFirstBuildAnOldOpenssl() {
        partitions(RICH).forEach(r -> {
            List<String> built = r.images().stream().filter(i -> i.get("type").asText().equals("AMI"))
                    .filter(i -> Set.of("AVAILABLE", "DEPRECATED").contains(status(i))).map(i -> i.get("arn").asText())
                    .toList();
            assertEquals(Set.copyOf(built), r.imagePackages().keySet());
            r.imagePackages().values().forEach(p -> assertEquals(30, p.size()));
        });
        List<String> oldOpenssl = partitions(RICH).flatMap(r -> r.imagePackages().values().stream())
                .flatMap(List::stream).filter(p -> p.get("packageName").asText().equals("openssl"))
                .map(p -> p.get("packageVersion").asText()).filter(v -> v.compareTo("3.0.7") < 0).toList();
        assertFalse(oldOpenssl.isEmpty(), "some image carries an openssl older than 3.0.7");
    }

    @Test
    void everyBuildRanWorkflowsWhoseStepsMatchHowItEnded() {
        partitions(RICH).forEach(r -> {
            Map<String, ObjectNode> images = byKey(r.images(), "arn");
            Map<String, ObjectNode> executions = byKey(r.workflowExecutions(), "workflowExecutionId");
            assertEquals(images.keySet(), Set.copyOf(r.workflowExecutions().stream()
                    .map(e -> e.get("imageBuildVersionArn").asText()).toList()), "every build ran a workflow");
            for (ObjectNode step : r.workflowStepExecutions()) {
                assertTrue(executions.containsKey(step.get("workflowExecutionId").asText()), step.toString());
            }
            for (ObjectNode image : images.values()) {
                ObjectNode first = r.workflowExecutions().stream().filter(e -> e.get("imageBuildVersionArn").asText()
                        .equals(image.get("arn").asText())).findFirst().orElseThrow();
                List<ObjectNode> steps = r.workflowStepExecutions().stream().filter(s -> s.get("workflowExecutionId")
                        .equals(first.get("workflowExecutionId"))).toList();
                assertEquals(first.get("totalStepCount").asInt(), steps.size());
                switch (status(image)) {
                    case "FAILED" -> assertEquals(List.of(image.get("state").get("reason").asText()), steps.stream()
                            .filter(s -> s.get("status").asText().equals("FAILED")).map(s -> s.get("message").asText())
                            .toList(), "the step it failed in says why");
                    case "BUILDING" -> assertEquals(List.of("WaitForAction"), steps.stream()
                            .filter(s -> s.get("status").asText().equals("RUNNING")).map(s -> s.get("action").asText())
                            .toList());
                    default -> assertEquals(status(image).equals("CANCELLED") ? "CANCELLED" : "COMPLETED",
                            first.get("status").asText());
                }
            }
        });
        assertTrue(all(RICH, Fixture.IMAGES).stream().anyMatch(i -> status(i).equals("FAILED")));
    }

    @Test
    void enabledLifecyclePoliciesRanAndTheFirstDeprecatingRunListsWhatItDeprecated() {
        partitions(RICH).forEach(r -> {
            List<ObjectNode> enabled = r.lifecyclePolicies().stream().filter(p -> p.get("status").asText().equals("ENABLED"))
                    .toList();
            assertEquals(3 * enabled.size(), r.lifecycleExecutions().size());
            for (ObjectNode p : enabled) {
                List<ObjectNode> runs = r.lifecycleExecutions().stream()
                        .filter(e -> e.get("lifecyclePolicyArn").equals(p.get("arn"))).toList();
                assertEquals(p.get("dateLastRun").asLong(), runs.get(2).get("startTime").asLong());
            }
            Map<String, ObjectNode> images = byKey(r.images(), "arn");
            r.lifecycleExecutionResources().forEach((run, resources) -> {
                Set<String> parents = new HashSet<>();
                for (ObjectNode resource : resources) {
                    if (resource.has("parentResourceId")) {
                        assertTrue(parents.contains(resource.get("parentResourceId").asText()), resource.toString());
                    } else {
                        assertEquals("DEPRECATED", status(images.get(resource.get("resourceId").asText())));
                        parents.add(resource.get("resourceId").asText());
                    }
                }
            });
        });
        assertFalse(partitions(RICH).allMatch(r -> r.lifecycleExecutionResources().isEmpty()), "some run deprecated images");
    }

    @Test
    void aComponentIsSharedOutsideTheOrganisationAndOthersWithinIt() {
        Set<String> organisation = RICH.accounts().keySet();
        for (Fixture.Region r : partitions(RICH).toList()) {
            Set<String> arns = new HashSet<>();
            Stream.of(Fixture.IMAGES, Fixture.COMPONENTS, Fixture.IMAGE_RECIPES).forEach(k -> r.objects(k)
                    .forEach(o -> arns.add(o.get("arn").asText())));
            assertTrue(arns.containsAll(r.resourcePolicies().keySet()), "policies are attached to the partition's objects");
            List<String> outside = r.resourcePolicies().values().stream().flatMap(p -> principals(p).stream())
                    .filter(a -> !organisation.contains(a)).toList();
            assertEquals(List.of("999988887777"), outside);
        }
        assertEquals(PLAIN.account(EstateGenerator.accountId(0)).region("us-east-1").resourcePolicies(),
                RICH.account(EstateGenerator.accountId(0)).region("us-east-1").resourcePolicies(), "cheap, so always on");
    }

    @Test
    void theAmazonCatalogueHoldsWhatTheRecipesNameInEveryRegion() {
        for (String region : EstateGenerator.REGIONS.subList(0, 2)) {
            Fixture.Region amazon = PLAIN.amazon(region);
            assertTrue(amazon.images().stream().filter(i -> !status(i).equals("DEPRECATED")).count() > 25,
                    "two pages of ListImages");
            Set<String> names = new HashSet<>();
            Stream.of(Fixture.IMAGES, Fixture.COMPONENTS).forEach(k -> amazon.objects(k).forEach(o -> {
                String arn = o.get("arn").asText();
                names.add(arn.substring(0, arn.lastIndexOf('/', arn.lastIndexOf('/') - 1)));
            }));
            for (Fixture.Account a : PLAIN.accounts().values()) {
                for (ObjectNode recipe : Stream.concat(a.region(region).imageRecipes().stream(),
                        a.region(region).containerRecipes().stream()).toList()) {
                    String parent = recipe.has("instanceConfiguration") ? recipe.get("instanceConfiguration").get("image")
                            .asText() : recipe.get("parentImage").asText();
                    assertTrue(names.contains(parent.substring(0, parent.lastIndexOf('/'))), parent);
                    recipe.get("components").forEach(c -> {
                        String arn = c.get("componentArn").asText();
                        assertTrue(!arn.contains(":aws:component/") || names.contains(arn.substring(0, arn.lastIndexOf('/'))), arn);
                    });
                }
            }
        }
        assertTrue(EstateGenerator.generate("accounts=1,regions=1,pipelines=1,workflows=0").amazon().isEmpty(),
                "no resources, no recipes naming Amazon's images");
    }

    @Test
    void theRecordsAreServedThroughTheSdkInTheComputedPages() throws Exception {
        Fixture.Region own = RICH.account(EstateGenerator.accountId(0)).region("us-east-1");
        try (Emulator emulator = Emulator.start(RICH); ImagebuilderClient client = Sdk.of(emulator).imagebuilder("us-east-1")) {
            List<String> amazon = client.listImagesPaginator(r -> r.owner(Ownership.AMAZON)).imageVersionList().stream()
                    .map(ImageVersion::arn).toList();
            assertEquals(RICH.amazon("us-east-1").images().stream().filter(i -> !status(i).equals("DEPRECATED")).count(),
                    amazon.size());
            assertTrue(amazon.size() > 25, "more than a page");
            assertEquals((amazon.size() + 24) / 25, emulator.stats().total("ListImages"));

            String image = own.imagePackages().keySet().iterator().next();
            assertEquals(30, client.listImagePackagesPaginator(r -> r.imageBuildVersionArn(image)).imagePackageList()
                    .stream().count());
            assertEquals(2, emulator.stats().total("ListImagePackages"), "30 packages, 25 a page");

            List<WorkflowStepExecution> waiting = client.listWaitingWorkflowSteps(r -> { }).steps();
            assertEquals(own.images().stream().filter(GeneratedHistoryTest::isHandStarted).map(i -> i.get("arn").asText())
                    .toList(), waiting.stream().map(WorkflowStepExecution::imageBuildVersionArn).toList());

            for (ObjectNode i : own.images()) {
                String arn = i.get("arn").asText();
                assertEquals(own.workflowExecutions().stream().filter(e -> e.get("imageBuildVersionArn").asText().equals(arn))
                        .map(e -> e.get("workflowExecutionId").asText()).toList(), client.listWorkflowExecutions(
                                r -> r.imageBuildVersionArn(arn)).workflowExecutions().stream()
                                .map(WorkflowExecutionMetadata::workflowExecutionId).toList());
            }
            for (ObjectNode p : own.lifecyclePolicies()) {
                assertEquals(own.lifecycleExecutions().stream().filter(e -> e.get("lifecyclePolicyArn").equals(p.get("arn")))
                        .count(), client.listLifecycleExecutions(r -> r.resourceArn(p.get("arn").asText()))
                                .lifecycleExecutions().size());
            }
        }
    }

    @Test
    void workflowExecutionsIsEitherZeroOrOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec(
                "accounts=1,regions=1,pipelines=1,workflows=0,workflowExecutions=2"));
        assertEquals("--generate: workflowExecutions must be 0 (no records) or 1 (every build's workflow runs), got 2",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EstateGenerator.parseSpec(
                "accounts=1,regions=1,pipelines=1,workflows=0,packages=-1"));
        assertTrue(e.getMessage().contains("packages must be 0-100000, got -1"), e.getMessage());
    }

    /** A build started by hand: the generator adds one per partition with {@code workflowExecutions=1}. */
    static boolean isHandStarted(ObjectNode image) {
        return image.path("arn").asText().contains(":image/") && !image.has("sourcePipelineArn");
    }

    static Stream<Fixture.Region> partitions(Fixture f) {
        return f.accounts().values().stream().flatMap(a -> a.regions().values().stream());
    }

    private static List<ObjectNode> all(Fixture f, String kind) {
        return partitions(f).flatMap(r -> r.objects(kind).stream()).toList();
    }

    private static Map<String, ObjectNode> byKey(List<ObjectNode> objects, String member) {
        Map<String, ObjectNode> m = new java.util.LinkedHashMap<>();
        objects.forEach(o -> m.put(o.get(member).asText(), o));
        return m;
    }

    private static String status(ObjectNode o) {
        return o.path("state").path("status").asText();
    }

    private static List<String> principals(String policy) {
        try {
            return ResourcePolicyTest.principalAccounts(policy);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
