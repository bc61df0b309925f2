package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static io.github.imagebuildersql.connector.SampleEstate.ACCOUNTS;
import static io.github.imagebuildersql.connector.SampleEstate.FIXTURE;
import static io.github.imagebuildersql.connector.SampleEstate.REGIONS;
import static io.github.imagebuildersql.connector.SampleEstate.forEachPartition;
import static io.github.imagebuildersql.connector.SampleEstate.ownImages;
import static io.github.imagebuildersql.connector.SampleEstate.pages;
import static io.github.imagebuildersql.connector.SampleEstate.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tables of what belongs to an image or a lifecycle policy (packages, workflow runs and their steps, lifecycle
 * runs and what they acted on) and the waiting steps, against the sample estate: their rows, computed from the
 * fixture, and their exact calls, unfiltered (the parents listed first) and with the parent pinned (only the
 * child calls for those parents).
 */
class ChildTablesTest extends SampleEstateTest {
    static long calls(String operation) {
        return aws.stats().total(operation);
    }

    /** The calls that list every image build version: ListImages per partition, ListImageBuildVersions per version. */
    static void assertImagesListed() {
        long[] expected = new long[2];
        forEachPartition((account, data) -> {
            Set<String> versions = new LinkedHashSet<>();
            ownImages(account, data).forEach(arn -> versions.add(arn.substring(0, arn.lastIndexOf('/'))));
            expected[0] += pages(versions.size());
            for (String version : versions) {
                expected[1] += pages(ownImages(account, data).stream().filter(a -> a.startsWith(version + "/")).count());
            }
        });
        assertEquals(expected[0], calls("ListImages"));
        assertEquals(expected[1], calls("ListImageBuildVersions"));
    }

    static List<ObjectNode> executionsOf(Fixture.Region data, String image) {
        return data.workflowExecutions().stream().filter(e -> e.get("imageBuildVersionArn").asText().equals(image))
                .toList();
    }

    static List<ObjectNode> stepsOf(Fixture.Region data, String run) {
        return data.workflowStepExecutions().stream().filter(s -> s.get("workflowExecutionId").asText().equals(run))
                .toList();
    }

    @Test
    void packagesOfEveryImageListTheImagesThenOnePackageListingPerBuild() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] packageCalls = {0};
        forEachPartition((account, data) -> ownImages(account, data).forEach(image -> {
            List<ObjectNode> packages = data.imagePackages().getOrDefault(image, List.of());
            packageCalls[0] += pages(packages.size());
            packages.forEach(p -> expected.add(List.of(account, image, p.get("packageName").asText(),
                    p.get("packageVersion").asText())));
        }));
        assertEquals(sorted(expected), sorted(query(c, "select account_id, image_build_version_arn, package_name, "
                + "package_version from imagebuilder_image_package")));
        assertImagesListed();
        assertEquals(packageCalls[0], calls("ListImagePackages"));
        assertEquals(0, calls("GetImage"));
    }

    @Test
    void pinnedImagesMakeOnlyTheirPackageListingsInTheirOwnPartitions() throws Exception {
        String east = biggestPackageList("111111111111", "us-east-1");
        String west = biggestPackageList("222222222222", "eu-west-1");
        List<Object> names = EmulatedAws.column(c, "select package_name from imagebuilder_image_package "
                + "where image_build_version_arn in ('" + east + "', '" + west + "')");
        int eastPackages = packages("111111111111", "us-east-1", east);
        int westPackages = packages("222222222222", "eu-west-1", west);
        assertEquals(eastPackages + westPackages, names.size());
        assertEquals(pages(eastPackages), aws.stats().inPartition("111111111111", "us-east-1", "ListImagePackages"));
        assertEquals(pages(westPackages), aws.stats().inPartition("222222222222", "eu-west-1", "ListImagePackages"));
        assertEquals(pages(eastPackages) + pages(westPackages), calls("ListImagePackages"));
        assertEquals(0, calls("ListImages") + calls("ListImageBuildVersions"), "no listing of images");
    }

    @Test
    void anUnknownImageHasNoPackagesAndAForeignOrMalformedOneCostsNothing() throws Exception {
        String missing = "arn:aws:imagebuilder:us-east-1:111111111111:image/no-such-image/1.0.0/1";
        assertEquals(List.of(), query(c, "select package_name from imagebuilder_image_package "
                + "where image_build_version_arn = '" + missing + "'"));
        assertEquals(1, calls("ListImagePackages"), "the service's answer: not found");
        aws.stats().reset();
        for (String none : List.of(missing.replace("111111111111", "999999999999"),
                missing.replace("image/", "image-recipe/"), "not an arn")) {
            assertEquals(List.of(), query(c, "select package_name from imagebuilder_image_package "
                    + "where image_build_version_arn = '" + none + "'"));
        }
        assertEquals(0, aws.stats().totalRequests());
    }

    @Test
    void workflowRunsOfEveryImageAndOfAPinnedOne() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] runCalls = {0};
        forEachPartition((account, data) -> ownImages(account, data).forEach(image -> {
            List<ObjectNode> runs = executionsOf(data, image);
            runCalls[0] += pages(runs.size());
            runs.forEach(r -> expected.add(Arrays.asList(image, r.get("workflowExecutionId").asText(),
                    r.get("type").asText(), r.get("status").asText(), r.path("message").asText(null))));
        }));
        assertEquals(sorted(expected), sorted(query(c, "select image_build_version_arn, workflow_execution_id, type, "
                + "status, message from imagebuilder_workflow_execution")));
        assertImagesListed();
        assertEquals(runCalls[0], calls("ListWorkflowExecutions"));

        aws.stats().reset();
        List<Object> failed = expected.stream().filter(r -> r.get(3).equals("FAILED")).findFirst().orElseThrow();
        assertEquals(List.of(List.of(failed.get(1))), query(c, "select workflow_execution_id "
                + "from imagebuilder_workflow_execution where image_build_version_arn = '" + failed.get(0)
                + "' and status = 'FAILED'"));
        assertEquals(1, calls("ListWorkflowExecutions"));
        assertEquals(0, calls("ListImages") + calls("ListImageBuildVersions"));
    }

    @Test
    void stepsOfEveryRunListTheImagesAndRunsFirst() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] calls = {0, 0};
        forEachPartition((account, data) -> ownImages(account, data).forEach(image -> {
            List<ObjectNode> runs = executionsOf(data, image);
            calls[0] += pages(runs.size());
            for (ObjectNode run : runs) {
                String id = run.get("workflowExecutionId").asText();
                List<ObjectNode> steps = stepsOf(data, id);
                calls[1] += pages(steps.size());
                steps.forEach(s -> expected.add(List.of(image, id, s.get("stepExecutionId").asText(),
                        s.get("name").asText(), s.get("status").asText())));
            }
        }));
        assertEquals(sorted(expected), sorted(query(c, "select image_build_version_arn, workflow_execution_id, "
                + "step_execution_id, name, status from imagebuilder_workflow_step_execution")));
        assertImagesListed();
        assertEquals(calls[0], calls("ListWorkflowExecutions"));
        assertEquals(calls[1], calls("ListWorkflowStepExecutions"));
    }

    @Test
    void aPinnedRunIsAskedForInEveryPartitionUnlessItsPartitionIsPinnedToo() throws Exception {
        ObjectNode run = FIXTURE.account("222222222222").region("us-east-1").workflowExecutions().get(0);
        String id = run.get("workflowExecutionId").asText();
        int steps = stepsOf(FIXTURE.account("222222222222").region("us-east-1"), id).size();
        assertEquals(steps, query(c, "select name from imagebuilder_workflow_step_execution "
                + "where workflow_execution_id = '" + id + "'").size());
        assertEquals(ACCOUNTS.size() * REGIONS.size(), calls("ListWorkflowStepExecutions"),
                "a run's ID says nothing of where it is: not found in the other partitions");
        assertEquals(0, calls("ListImages") + calls("ListWorkflowExecutions"));
        aws.stats().reset();
        assertEquals(steps, query(c, "select name from imagebuilder_workflow_step_execution where workflow_execution_id = '"
                + id + "' and account_id = '222222222222' and region = 'us-east-1'").size());
        assertEquals(pages(steps), calls("ListWorkflowStepExecutions"));
        aws.stats().reset();
        assertEquals(steps, query(c, "select name from imagebuilder_workflow_step_execution where workflow_execution_id = '"
                + id + "' and image_build_version_arn = '" + run.get("imageBuildVersionArn").asText() + "'").size());
        assertEquals(pages(steps), calls("ListWorkflowStepExecutions"), "the image's ARN says where the run is");
        aws.stats().reset();
        assertEquals(List.of(), query(c, "select name from imagebuilder_workflow_step_execution "
                + "where workflow_execution_id = 'wf-not-a-uuid'"));
        assertEquals(0, aws.stats().totalRequests(), "not a run's ID: nothing to ask for");
    }

    @Test
    void aPinnedImagesStepsListItsRunsOnly() throws Exception {
        ObjectNode run = FIXTURE.account("111111111111").region("us-east-1").workflowExecutions().get(0);
        String image = run.get("imageBuildVersionArn").asText();
        Fixture.Region data = FIXTURE.account("111111111111").region("us-east-1");
        List<ObjectNode> runs = executionsOf(data, image);
        long steps = runs.stream().mapToLong(r -> stepsOf(data, r.get("workflowExecutionId").asText()).size()).sum();
        assertEquals(steps, query(c, "select name from imagebuilder_workflow_step_execution "
                + "where image_build_version_arn = '" + image + "'").size());
        assertEquals(pages(runs.size()), calls("ListWorkflowExecutions"));
        assertEquals(runs.stream().mapToLong(r -> pages(stepsOf(data, r.get("workflowExecutionId").asText()).size()))
                .sum(), calls("ListWorkflowStepExecutions"));
        assertEquals(0, calls("ListImages") + calls("ListImageBuildVersions"));
    }

    @Test
    void waitingStepsAreOneListingPerPartition() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        forEachPartition((account, data) -> data.workflowStepExecutions().stream()
                .filter(s -> s.get("action").asText().equals("WaitForAction") && s.get("status").asText().equals("RUNNING"))
                .forEach(s -> expected.add(List.of(account, s.get("stepExecutionId").asText(),
                        s.get("imageBuildVersionArn").asText()))));
        assertTrue(!expected.isEmpty(), "the sample estate has a build waiting for approval");
        assertEquals(sorted(expected), sorted(query(c, "select account_id, step_execution_id, image_build_version_arn "
                + "from imagebuilder_waiting_workflow_step")));
        assertEquals(ACCOUNTS.size() * REGIONS.size(), calls("ListWaitingWorkflowSteps"));
    }

    @Test
    void lifecycleRunsOfEveryPolicyAndOfAPinnedOne() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] calls = {0, 0};
        forEachPartition((account, data) -> {
            calls[0] += pages(data.lifecyclePolicies().size());
            for (ObjectNode policy : data.lifecyclePolicies()) {
                String arn = policy.get("arn").asText();
                List<ObjectNode> runs = data.lifecycleExecutions().stream()
                        .filter(e -> e.get("lifecyclePolicyArn").asText().equals(arn)).toList();
                calls[1] += pages(runs.size());
                runs.forEach(r -> expected.add(List.of(arn, r.get("lifecycleExecutionId").asText(),
                        r.get("state").get("status").asText())));
            }
        });
        assertEquals(sorted(expected), sorted(query(c, "select lifecycle_policy_arn, lifecycle_execution_id, "
                + "json_value(state, '$.status') from imagebuilder_lifecycle_execution")));
        assertEquals(calls[0], calls("ListLifecyclePolicies"));
        assertEquals(calls[1], calls("ListLifecycleExecutions"));

        aws.stats().reset();
        String policy = (String) expected.get(0).get(0);
        long runs = expected.stream().filter(r -> r.get(0).equals(policy)).count();
        assertEquals(runs, query(c, "select lifecycle_execution_id from imagebuilder_lifecycle_execution "
                + "where lifecycle_policy_arn = '" + policy + "'").size());
        assertEquals(pages(runs), calls("ListLifecycleExecutions"));
        assertEquals(0, calls("ListLifecyclePolicies"));
    }

    @Test
    void lifecycleResourcesAreEachRunsImagesThenWhatWasDistributedFromEach() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] resourceCalls = {0};
        forEachPartition((account, data) -> data.lifecycleExecutions().forEach(run -> {
            String id = run.get("lifecycleExecutionId").asText();
            resourceCalls[0] += resourceCalls(data, id);
            data.lifecycleExecutionResources().getOrDefault(id, List.of()).forEach(r -> expected.add(Arrays.asList(id,
                    r.get("resourceId").asText(), r.path("parentResourceId").asText(null),
                    r.get("action").get("name").asText())));
        }));
        assertTrue(expected.stream().anyMatch(r -> r.get(2) != null), "AMIs distributed from a deprecated image");
        assertEquals(sorted(expected), sorted(query(c, "select lifecycle_execution_id, resource_id, parent_resource_id, "
                + "json_value(action, '$.name') from imagebuilder_lifecycle_execution_resource")));
        assertEquals(resourceCalls[0], calls("ListLifecycleExecutionResources"));

        aws.stats().reset();
        String id = (String) expected.get(0).get(0);
        Fixture.Region home = FIXTURE.account("111111111111").region("us-east-1");
        assertEquals(home.lifecycleExecutionResources().get(id).size(), query(c, "select resource_id from "
                + "imagebuilder_lifecycle_execution_resource where lifecycle_execution_id = '" + id + "'").size());
        assertEquals(resourceCalls(home, id) + ACCOUNTS.size() * REGIONS.size() - 1,
                calls("ListLifecycleExecutionResources"), "asked for in every partition, found in one");
        assertEquals(0, calls("ListLifecyclePolicies") + calls("ListLifecycleExecutions"));
    }

    /** One listing of a run's images, and one of what was distributed from each image. */
    static long resourceCalls(Fixture.Region data, String run) {
        List<ObjectNode> resources = data.lifecycleExecutionResources().getOrDefault(run, List.of());
        List<ObjectNode> images = resources.stream().filter(r -> !r.has("parentResourceId")).toList();
        long calls = pages(images.size());
        for (ObjectNode image : images) {
            calls += pages(resources.stream().filter(r -> r.path("parentResourceId").asText("")
                    .equals(image.get("resourceId").asText())).count());
        }
        return calls;
    }

    static String biggestPackageList(String account, String region) {
        Fixture.Region data = FIXTURE.account(account).region(region);
        return ownImages(account, data).stream().max(Comparator.comparing(i -> packages(account, region, i)))
                .orElseThrow();
    }

    static int packages(String account, String region, String image) {
        return FIXTURE.account(account).region(region).imagePackages().getOrDefault(image, List.of()).size();
    }
}
