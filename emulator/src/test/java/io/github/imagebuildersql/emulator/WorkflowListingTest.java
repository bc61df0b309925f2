package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.Filter;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.Ownership;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;
import software.amazon.awssdk.services.imagebuilder.model.Workflow;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStatus;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowSummary;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowType;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowVersion;

/** Workflows on the bundled sample estate: account 111111111111 in us-east-1 has three own builds and one of Amazon's. */
class WorkflowListingTest extends SampleEstateTest {
    static final String VERSION_ARN = "arn:aws:imagebuilder:us-east-1:111111111111:workflow/build/build-with-approval/1.0.0";

    @Test
    void listWorkflowsDefaultsToTheCallersOwnVersions() {
        List<WorkflowVersion> versions = imagebuilder.listWorkflows(r -> { }).workflowVersionList();

        assertEquals(List.of(VERSION_ARN, "arn:aws:imagebuilder:us-east-1:111111111111:workflow/test/smoke-test/2.1.0"),
                versions.stream().map(WorkflowVersion::arn).toList());
        assertEquals(WorkflowType.BUILD, versions.get(0).type());
        assertEquals("111111111111", versions.get(0).owner());
    }

    @Test
    void amazonManagedWorkflowsAreListedOnlyWhenAskedFor() {
        List<WorkflowVersion> amazon = imagebuilder.listWorkflows(r -> r.owner(Ownership.AMAZON)).workflowVersionList();

        assertEquals(List.of("arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.2"),
                amazon.stream().map(WorkflowVersion::arn).toList());
        assertTrue(imagebuilder.listWorkflows(r -> r.owner(Ownership.SHARED)).workflowVersionList().isEmpty());
    }

    @Test
    void listWorkflowsFiltersByTypeAndName() {
        assertEquals(List.of("smoke-test"), imagebuilder.listWorkflows(r -> r.filters(
                Filter.builder().name("type").values("TEST").build())).workflowVersionList().stream()
                .map(WorkflowVersion::name).toList());
        assertEquals(1, imagebuilder.listWorkflows(r -> r.filters(
                Filter.builder().name("name").values("build-with-approval").build())).workflowVersionList().size());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listWorkflows(r -> r.filters(
                Filter.builder().name("kmsKeyId").values("x").build())));
    }

    @Test
    void buildVersionsOfAVersionCarryStateAndTags() {
        List<WorkflowSummary> builds = imagebuilder.listWorkflowBuildVersions(r -> r.workflowVersionArn(VERSION_ARN))
                .workflowSummaryList();

        assertEquals(List.of(VERSION_ARN + "/1", VERSION_ARN + "/2"), builds.stream().map(WorkflowSummary::arn).toList());
        assertEquals(WorkflowStatus.DEPRECATED, builds.get(0).state().status());
        assertEquals(null, builds.get(1).state());
        assertEquals("terraform", builds.get(1).tags().get("managed by"));
        assertEquals("Adds an approval timeout", builds.get(1).changeDescription());
    }

    @Test
    void wildcardVersionArnsMatchAnyNumber() {
        String wildcard = VERSION_ARN.replace("1.0.0", "1.x.x");
        assertEquals(2, imagebuilder.listWorkflowBuildVersions(r -> r.workflowVersionArn(wildcard))
                .workflowSummaryList().size());
    }

    @Test
    void getWorkflowReturnsTheDocumentAndParameters() {
        Workflow w = imagebuilder.getWorkflow(r -> r.workflowBuildVersionArn(VERSION_ARN + "/2")).workflow();

        assertTrue(w.data().startsWith("name: build-with-approval\n"), w.data());
        assertEquals("waitForActionAtEnd", w.parameters().get(0).name());
        assertEquals("arn:aws:kms:us-east-1:111111111111:alias/imagebuilder", w.kmsKeyId());
    }

    @Test
    void getWorkflowByVersionArnReturnsTheLatestBuild() {
        assertEquals(VERSION_ARN + "/2",
                imagebuilder.getWorkflow(r -> r.workflowBuildVersionArn(VERSION_ARN)).workflow().arn());
    }

    @Test
    void byNameKeepsEachNamesLatestVersion() throws Exception {
        String prefix = "arn:aws:imagebuilder:us-east-1:111111111111:workflow/build/";
        String json = FixtureFormatTest.CREDENTIALS + "{\"workflows\": ["
                + "{\"arn\": \"" + prefix + "hardening/1.0.0/1\", \"name\": \"hardening\"},"
                + "{\"arn\": \"" + prefix + "hardening/1.2.0/1\", \"name\": \"hardening\"},"
                + "{\"arn\": \"" + prefix + "smoke/2.0.0/1\", \"name\": \"smoke\"}]}}}}}";
        try (Emulator own = Emulator.start(Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "workflows.json")); ImagebuilderClient client = Sdk.of(own).imagebuilder("us-east-1")) {
            assertEquals(3, client.listWorkflows(r -> { }).workflowVersionList().size());
            assertEquals(List.of(prefix + "hardening/1.2.0", prefix + "smoke/2.0.0"), client.listWorkflows(r -> r
                    .byName(true)).workflowVersionList().stream().map(WorkflowVersion::arn).toList());
        }
    }

    @Test
    void anUnknownWorkflowIsResourceNotFound() {
        var e = assertThrows(ResourceNotFoundException.class,
                () -> imagebuilder.getWorkflow(r -> r.workflowBuildVersionArn(VERSION_ARN + "/9")));
        assertEquals(404, e.statusCode());
    }
}
