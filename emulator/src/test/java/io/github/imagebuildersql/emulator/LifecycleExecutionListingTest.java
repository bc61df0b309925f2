package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.Ami;
import software.amazon.awssdk.services.imagebuilder.model.Image;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.LifecycleExecution;
import software.amazon.awssdk.services.imagebuilder.model.LifecycleExecutionResource;
import software.amazon.awssdk.services.imagebuilder.model.LifecycleExecutionResourceActionName;
import software.amazon.awssdk.services.imagebuilder.model.LifecycleExecutionStatus;
import software.amazon.awssdk.services.imagebuilder.model.ListLifecycleExecutionResourcesResponse;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;

/** The runs of account 111111111111's lifecycle policy deprecate-old-ci-amis, one of which deprecated a CI image. */
class LifecycleExecutionListingTest extends SampleEstateTest {
    static final String POLICY = PREFIX + "lifecycle-policy/deprecate-old-ci-amis";
    static final String DEPRECATED = PREFIX + "image/ci-runner-al2023/3.1.0/1";

    @Test
    void aPolicysRunsAreListedAsTheFixtureHoldsThem() {
        List<ObjectNode> expected = emulator.fixture().account("111111111111").region("us-east-1").lifecycleExecutions()
                .stream().filter(e -> e.get("lifecyclePolicyArn").asText().equals(POLICY)).toList();
        List<LifecycleExecution> runs = imagebuilder.listLifecycleExecutions(r -> r.resourceArn(POLICY)).lifecycleExecutions();

        assertEquals(expected.stream().map(e -> e.get("lifecycleExecutionId").asText()).toList(),
                runs.stream().map(LifecycleExecution::lifecycleExecutionId).toList());
        assertEquals(Instant.ofEpochSecond(expected.get(0).get("startTime").asLong()), runs.get(0).startTime());
        assertTrue(runs.stream().anyMatch(e -> e.state().status() == LifecycleExecutionStatus.FAILED));
        for (LifecycleExecution run : runs) {
            assertEquals(run, imagebuilder.getLifecycleExecution(r -> r.lifecycleExecutionId(run.lifecycleExecutionId()))
                    .lifecycleExecution());
        }
        assertEquals(List.of(), imagebuilder.listLifecycleExecutions(r -> r.resourceArn(
                PREFIX + "lifecycle-policy/delete-unused-bastions")).lifecycleExecutions(), "a paused policy never ran");
    }

    @Test
    void theRunThatDeprecatedAnImageListsItThenTheAmisDistributedFromIt() {
        Image image = imagebuilder.getImage(r -> r.imageBuildVersionArn(DEPRECATED)).image();
        ListLifecycleExecutionResourcesResponse images = imagebuilder.listLifecycleExecutionResources(r -> r
                .lifecycleExecutionId(image.lifecycleExecutionId()));

        assertEquals(List.of(DEPRECATED), images.resources().stream().map(LifecycleExecutionResource::resourceId).toList());
        assertEquals(LifecycleExecutionResourceActionName.DEPRECATE, images.resources().get(0).action().name());
        assertEquals(image.lifecycleExecutionId(), images.lifecycleExecutionId());
        assertEquals(imagebuilder.getLifecycleExecution(r -> r.lifecycleExecutionId(image.lifecycleExecutionId()))
                .lifecycleExecution().state(), images.lifecycleExecutionState());

        List<LifecycleExecutionResource> amis = imagebuilder.listLifecycleExecutionResources(r -> r
                .lifecycleExecutionId(image.lifecycleExecutionId()).parentResourceId(DEPRECATED)).resources();
        assertEquals(image.outputResources().amis().stream().map(Ami::image).toList(),
                amis.stream().map(LifecycleExecutionResource::resourceId).toList());
        assertTrue(amis.stream().allMatch(a -> a.hasSnapshots() && !a.snapshots().isEmpty()));
    }

    @Test
    void anImagesLifecycleHistoryIsTheRunsThatActedOnIt() {
        String run = imagebuilder.getImage(r -> r.imageBuildVersionArn(DEPRECATED)).image().lifecycleExecutionId();

        assertEquals(List.of(run), imagebuilder.listLifecycleExecutions(r -> r.resourceArn(DEPRECATED))
                .lifecycleExecutions().stream().map(LifecycleExecution::lifecycleExecutionId).toList());
        assertEquals(List.of(), imagebuilder.listLifecycleExecutions(r -> r.resourceArn(
                PREFIX + "image/ci-runner-al2023/3.2.0/3")).lifecycleExecutions());
    }

    @Test
    void theParentOfAResourceIsNotSentOnTheWire() {
        String run = imagebuilder.getImage(r -> r.imageBuildVersionArn(DEPRECATED)).image().lifecycleExecutionId();
        RawAnswers raw = new RawAnswers();
        try (ImagebuilderClient client = Sdk.of(emulator).imagebuilder("us-east-1", raw)) {
            client.listLifecycleExecutionResources(r -> r.lifecycleExecutionId(run).parentResourceId(DEPRECATED));
        }
        assertEquals(RawAnswers.inModelOrder("ListLifecycleExecutionResourcesResponse", raw.last()),
                RawAnswers.members(raw.last()));
        raw.last().get("resources").forEach(r -> {
            assertFalse(r.has("parentResourceId"), r.toString());
            assertEquals(RawAnswers.inModelOrder("LifecycleExecutionResource", r), RawAnswers.members(r));
        });
        assertFalse(raw.last().has("requestId"), "the model gives this answer no requestId");
    }

    @Test
    void unknownPoliciesAndRunsAreNotFoundAndMalformedIdsInvalid() {
        assertEquals(404, assertThrows(ResourceNotFoundException.class, () -> imagebuilder.listLifecycleExecutions(
                r -> r.resourceArn(PREFIX + "lifecycle-policy/no-such-policy"))).statusCode());
        String unknown = "lce-00000000-0000-4000-8000-000000000000";
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getLifecycleExecution(
                r -> r.lifecycleExecutionId(unknown)));
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.listLifecycleExecutionResources(
                r -> r.lifecycleExecutionId(unknown)));
        var e = assertThrows(InvalidRequestException.class, () -> imagebuilder.getLifecycleExecution(
                r -> r.lifecycleExecutionId("lce-23ce8578")));
        assertTrue(e.getMessage().contains("LifecycleExecutionId"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> imagebuilder.listLifecycleExecutions(
                r -> r.resourceArn("arn:aws:iam::111111111111:role/x")));
    }
}
