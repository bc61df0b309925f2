package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.ChildTablesTest.executionsOf;
import static io.github.imagebuildersql.connector.ChildTablesTest.stepsOf;
import static io.github.imagebuildersql.connector.SampleEstate.FIXTURE;
import static io.github.imagebuildersql.connector.SampleEstate.forEachPartition;
import static io.github.imagebuildersql.connector.SampleEstate.ownImages;
import static io.github.imagebuildersql.connector.SampleEstate.pages;
import static io.github.imagebuildersql.connector.SampleEstate.sorted;
import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A join from a parent table to a child table on the child's parent column runs as a batched nested-loop join
 * whose right side names the parents the left side found (ParentJoinRule): the child calls for those parents
 * only, and no second listing of the parents. Each test counts the join's calls, and the calls of its two sides
 * run alone, which is what a hash join of them costs (how such a join ran before).
 */
class ParentJoinTest extends SampleEstateTest {
    /** The rows of a query, and the Image Builder calls it made. */
    record Run(List<List<Object>> rows, Map<String, Long> calls) {
        long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }

        long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Run run(String sql) throws Exception {
        aws.stats().reset();
        List<List<Object>> rows = query(c, sql);
        Map<String, Long> calls = new TreeMap<>();
        aws.stats().toJson().get("total").fields().forEachRemaining(e -> calls.put(e.getKey(), e.getValue().asLong()));
        return new Run(sorted(rows), calls);
    }

    @Test
    void packagesOfTheImagesOfOneNameAreListedForThoseImagesOnly() throws Exception {
        String name = "ci-runner-al2023";
        List<String> images = new ArrayList<>();
        List<List<Object>> expected = new ArrayList<>();
        forEachPartition((account, data) -> data.images().stream().filter(i -> i.get("name").asText().equals(name)
                && ownImages(account, data).contains(i.get("arn").asText())).forEach(i -> {
                    String arn = i.get("arn").asText();
                    images.add(arn);
                    data.imagePackages().getOrDefault(arn, List.of()).forEach(p -> expected.add(
                            List.of(arn, p.get("packageName").asText())));
                }));
        Run join = run("select i.arn, p.package_name from imagebuilder_image i join imagebuilder_image_package p "
                + "on p.image_build_version_arn = i.arn where i.name = '" + name + "'");
        Run left = run("select arn from imagebuilder_image where name = '" + name + "'");
        Run right = run("select image_build_version_arn, package_name from imagebuilder_image_package");

        assertEquals(sorted(expected), join.rows());
        assertEquals(left.calls("ListImages"), join.calls("ListImages"), "the left side's listing only");
        assertEquals(left.calls("ListImageBuildVersions"), join.calls("ListImageBuildVersions"));
        assertEquals(images.stream().mapToLong(i -> pages(packages(i))).sum(), join.calls("ListImagePackages"),
                "the packages of those images only");
        assertTrue(join.total() - left.total() < right.total(), "a hash join lists every image again, and every "
                + "image's packages: " + right.calls() + " against " + join.calls());
    }

    @Test
    void failedRunsStepsAreListedForThoseRunsOnlyInTheirImagesPartitions() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] stepCalls = {0};
        Set<String> failedRuns = new LinkedHashSet<>();
        Map<String, Set<String>> runsByPartition = new TreeMap<>();
        forEachPartition((account, data) -> ownImages(account, data).forEach(image -> {
            for (ObjectNode r : executionsOf(data, image)) {
                if (r.get("status").asText().equals("FAILED")) {
                    String id = r.get("workflowExecutionId").asText();
                    failedRuns.add(id);
                    runsByPartition.computeIfAbsent(account + "/" + image.split(":")[3], p -> new LinkedHashSet<>())
                            .add(id);
                    List<ObjectNode> steps = stepsOf(data, id);
                    stepCalls[0] += pages(steps.size());
                    steps.stream().filter(s -> s.get("status").asText().equals("FAILED"))
                            .forEach(s -> expected.add(List.of(image, s.get("name").asText())));
                }
            }
        }));
        // Every failed run is asked for in each partition their images are in: where it is not, "not found".
        runsByPartition.values().forEach(here -> stepCalls[0] += failedRuns.size() - here.size());
        Run join = run("select e.image_build_version_arn, s.name from imagebuilder_workflow_execution e "
                + "join imagebuilder_workflow_step_execution s on s.workflow_execution_id = e.workflow_execution_id "
                + "and s.image_build_version_arn = e.image_build_version_arn "
                + "where e.status = 'FAILED' and s.status = 'FAILED'");
        Run left = run("select workflow_execution_id from imagebuilder_workflow_execution where status = 'FAILED'");
        Run right = run("select workflow_execution_id from imagebuilder_workflow_step_execution where status = 'FAILED'");

        assertEquals(sorted(expected), join.rows());
        assertEquals(left.calls("ListImages"), join.calls("ListImages"), "the images listed once, by the left side");
        assertEquals(left.calls("ListWorkflowExecutions"), join.calls("ListWorkflowExecutions"));
        assertEquals(stepCalls[0], join.calls("ListWorkflowStepExecutions"));
        assertTrue(join.total() - left.total() < right.total(), "a hash join lists every image, its runs and every "
                + "run's steps again: " + right.calls() + " against " + join.calls());
    }

    @Test
    void pipelinesImagesAreListedPipelineByPipelineWithoutGetImage() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] pipelines = {0};
        forEachPartition((account, data) -> data.imagePipelines().forEach(p -> {
            pipelines[0]++;
            data.images().stream().filter(i -> i.path("sourcePipelineArn").asText().equals(p.get("arn").asText()))
                    .forEach(i -> expected.add(List.of(p.get("name").asText(), i.get("arn").asText())));
        }));
        Run join = run("select p.name, i.arn from imagebuilder_image_pipeline p "
                + "join imagebuilder_image i on i.source_pipeline_arn = p.arn");
        assertEquals(sorted(expected), join.rows());
        assertEquals(pipelines[0], join.calls("ListImagePipelineImages"), "one listing per pipeline");
        assertEquals(0, join.calls("ListImages") + join.calls("GetImage"),
                "no listing of images, and source_pipeline_arn known from the listing without GetImage: " + join.calls());
    }

    @Test
    void runsOfEachLifecyclePolicyAreListedThroughThePoliciesTheLeftSideFound() throws Exception {
        List<List<Object>> expected = new ArrayList<>();
        long[] runCalls = {0};
        forEachPartition((account, data) -> {
            for (ObjectNode policy : data.lifecyclePolicies()) {
                String arn = policy.get("arn").asText();
                List<ObjectNode> runs = data.lifecycleExecutions().stream()
                        .filter(e -> e.get("lifecyclePolicyArn").asText().equals(arn)).toList();
                runCalls[0] += pages(runs.size());
                runs.forEach(r -> expected.add(List.of(policy.get("name").asText(),
                        r.get("lifecycleExecutionId").asText())));
            }
        });
        Run join = run("select p.name, e.lifecycle_execution_id from imagebuilder_lifecycle_policy p "
                + "join imagebuilder_lifecycle_execution e on e.lifecycle_policy_arn = p.arn");
        Run left = run("select name from imagebuilder_lifecycle_policy");
        Run right = run("select lifecycle_execution_id from imagebuilder_lifecycle_execution");
        assertEquals(sorted(expected), join.rows());
        assertEquals(left.calls("ListLifecyclePolicies"), join.calls("ListLifecyclePolicies"), "once, by the left side");
        assertEquals(runCalls[0], join.calls("ListLifecycleExecutions"));
        assertEquals(2 * left.calls("ListLifecyclePolicies"), left.calls("ListLifecyclePolicies")
                + right.calls("ListLifecyclePolicies"), "a hash join lists the policies twice");
    }

    /**
     * A run's ID says nothing of its partition: a batch of a hundred runs would be asked for in every partition, a
     * hundred calls each, more than listing them. So a join on the ID alone reads each side once, as does one on more
     * columns of the left side than the plan's code can hold for a hundred rows.
     */
    @Test
    void joinsOnARunsIdAloneOrOnThreeColumnsReadEachSideOnce() throws Exception {
        String on = "r.lifecycle_execution_id = e.lifecycle_execution_id";
        Run byId = run("select r.resource_id from imagebuilder_lifecycle_execution e "
                + "join imagebuilder_lifecycle_execution_resource r on " + on);
        Run three = run("select r.resource_id from imagebuilder_lifecycle_execution e "
                + "join imagebuilder_lifecycle_execution_resource r on " + on
                + " and r.account_id = e.account_id and r.region = e.region");
        Run left = run("select lifecycle_execution_id from imagebuilder_lifecycle_execution");
        Run right = run("select resource_id from imagebuilder_lifecycle_execution_resource");
        Map<String, Long> eachSideOnce = new TreeMap<>(left.calls());
        right.calls().forEach((operation, n) -> eachSideOnce.merge(operation, n, Long::sum));
        assertEquals(right.rows(), byId.rows());
        assertEquals(byId.rows(), three.rows());
        assertEquals(eachSideOnce, byId.calls());
        assertEquals(eachSideOnce, three.calls());

        Run steps = run("select s.name from imagebuilder_workflow_execution e join imagebuilder_workflow_step_execution s "
                + "on s.workflow_execution_id = e.workflow_execution_id");
        Map<String, Long> stepsEachSideOnce = new TreeMap<>(run("select workflow_execution_id "
                + "from imagebuilder_workflow_execution").calls());
        run("select name from imagebuilder_workflow_step_execution").calls()
                .forEach((operation, n) -> stepsEachSideOnce.merge(operation, n, Long::sum));
        assertEquals(stepsEachSideOnce, steps.calls());
    }

    static int packages(String image) {
        String[] arn = image.split(":");
        return FIXTURE.account(arn[4]).region(arn[3]).imagePackages().getOrDefault(image, List.of()).size();
    }
}
