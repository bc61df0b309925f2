package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ImageStatus;
import software.amazon.awssdk.services.imagebuilder.model.InvalidRequestException;
import software.amazon.awssdk.services.imagebuilder.model.ListWorkflowStepExecutionsResponse;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowExecutionMetadata;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowExecutionStatus;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStepExecution;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStepExecutionStatus;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowStepMetadata;
import software.amazon.awssdk.services.imagebuilder.model.WorkflowType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What ran when the sample estate's images were built: in 111111111111, ci-runner-al2023 3.2.0/2 failed in its test
 * workflow; in 222222222222, payments-api 4.1.0/3 waits for the PCI review.
 */
class WorkflowExecutionListingTest extends SampleEstateTest {
    static final String FAILED = PREFIX + "image/ci-runner-al2023/3.2.0/2";
    static final String WAITING = "arn:aws:imagebuilder:us-east-1:222222222222:image/payments-api/4.1.0/3";
    static ImagebuilderClient payments;

    @BeforeAll
    static void assumeIntoPayments() {
        try (StsClient sts = Sdk.of(emulator).sts()) {
            payments = Sdk.of(emulator, sts.assumeRole(r -> r.roleArn("arn:aws:iam::222222222222:role/ImageBuilderInventoryRole")
                    .roleSessionName("executions")).credentials()).imagebuilder("us-east-1");
        }
    }

    @AfterAll
    static void closePayments() {
        payments.close();
    }

    @Test
    void aFailedBuildShowsTheWorkflowAndStepItFailedIn() {
        List<WorkflowExecutionMetadata> runs = imagebuilder.listWorkflowExecutions(r -> r.imageBuildVersionArn(FAILED))
                .workflowExecutions();

        assertEquals(List.of(WorkflowType.BUILD, WorkflowType.TEST), runs.stream().map(WorkflowExecutionMetadata::type).toList());
        assertEquals(List.of(WorkflowExecutionStatus.COMPLETED, WorkflowExecutionStatus.FAILED),
                runs.stream().map(WorkflowExecutionMetadata::status).toList());
        WorkflowExecutionMetadata test = runs.get(1);
        List<WorkflowStepMetadata> steps = imagebuilder.listWorkflowStepExecutions(r -> r.workflowExecutionId(
                test.workflowExecutionId())).steps();
        WorkflowStepMetadata failed = steps.stream().filter(s -> s.status() == WorkflowStepExecutionStatus.FAILED)
                .findFirst().orElseThrow();

        assertEquals("ExecuteComponents", failed.action());
        assertTrue(imagebuilder.getImage(r -> r.imageBuildVersionArn(FAILED)).image().state().reason()
                .contains("smoke-test-http") && failed.message().contains("smoke-test-http"), failed.message());
        Map<WorkflowStepExecutionStatus, Long> counted = steps.stream()
                .collect(Collectors.groupingBy(WorkflowStepMetadata::status, Collectors.counting()));
        assertEquals(test.totalStepCount(), steps.size());
        assertEquals(test.totalStepsSucceeded().longValue(), counted.getOrDefault(WorkflowStepExecutionStatus.COMPLETED, 0L));
        assertEquals(test.totalStepsFailed().longValue(), counted.getOrDefault(WorkflowStepExecutionStatus.FAILED, 0L));
        assertEquals(test.totalStepsSkipped().longValue(), counted.getOrDefault(WorkflowStepExecutionStatus.SKIPPED, 0L));
    }

    @Test
    void listingsSummariseWhatTheGetCallsAnswer() {
        for (WorkflowExecutionMetadata run : imagebuilder.listWorkflowExecutions(r -> r.imageBuildVersionArn(FAILED))
                .workflowExecutions()) {
            SummaryAssertions.assertSummaryAgrees(run, imagebuilder.getWorkflowExecution(r -> r.workflowExecutionId(
                    run.workflowExecutionId())));
            for (WorkflowStepMetadata step : imagebuilder.listWorkflowStepExecutions(r -> r.workflowExecutionId(
                    run.workflowExecutionId())).steps()) {
                var full = imagebuilder.getWorkflowStepExecution(r -> r.stepExecutionId(step.stepExecutionId()));
                SummaryAssertions.assertSummaryAgrees(step, full);
                assertEquals(run.workflowExecutionId(), full.workflowExecutionId());
                assertEquals(FAILED, full.imageBuildVersionArn());
            }
        }
    }

    @Test
    void theStepListingNamesItsExecutionImageAndWorkflow() {
        WorkflowExecutionMetadata run = imagebuilder.listWorkflowExecutions(r -> r.imageBuildVersionArn(FAILED))
                .workflowExecutions().get(0);
        ListWorkflowStepExecutionsResponse steps = imagebuilder.listWorkflowStepExecutions(r -> r.workflowExecutionId(
                run.workflowExecutionId()));

        assertEquals(run.workflowExecutionId(), steps.workflowExecutionId());
        assertEquals(run.workflowBuildVersionArn(), steps.workflowBuildVersionArn());
        assertEquals(FAILED, steps.imageBuildVersionArn());
        assertEquals(FAILED, imagebuilder.listWorkflowExecutions(r -> r.imageBuildVersionArn(FAILED)).imageBuildVersionArn());
    }

    @Test
    void aBuildWaitingForApprovalIsAWaitingStepOfItsAccountOnly() {
        List<WorkflowStepExecution> waiting = payments.listWaitingWorkflowSteps(r -> { }).steps();

        assertEquals(List.of(WAITING), waiting.stream().map(WorkflowStepExecution::imageBuildVersionArn).toList());
        assertEquals("WaitForAction", waiting.get(0).action());
        assertEquals(ImageStatus.BUILDING, payments.getImage(r -> r.imageBuildVersionArn(WAITING)).image().state().status());
        var step = payments.getWorkflowStepExecution(r -> r.stepExecutionId(waiting.get(0).stepExecutionId()));
        assertEquals(WorkflowStepExecutionStatus.RUNNING, step.status());
        assertNull(step.endTime());
        SummaryAssertions.assertSummaryAgrees(waiting.get(0), step);
        assertEquals(List.of(), imagebuilder.listWaitingWorkflowSteps(r -> { }).steps());
    }

    @Test
    void stepsArePagedByMaxResults() {
        String run = payments.listWorkflowExecutions(r -> r.imageBuildVersionArn(WAITING)).workflowExecutions().get(0)
                .workflowExecutionId();
        List<ObjectNode> expected = emulator.fixture().account("222222222222").region("us-east-1").workflowStepExecutions()
                .stream().filter(s -> s.get("workflowExecutionId").asText().equals(run)).toList();
        emulator.stats().reset();

        List<String> steps = payments.listWorkflowStepExecutionsPaginator(r -> r.workflowExecutionId(run).maxResults(3))
                .steps().stream().map(WorkflowStepMetadata::stepExecutionId).toList();

        assertEquals(expected.stream().map(s -> s.get("stepExecutionId").asText()).toList(), steps);
        assertEquals((expected.size() + 2) / 3, emulator.stats().total("ListWorkflowStepExecutions"));
    }

    @Test
    void aBuildWithoutRecordedRunsListsNone() {
        assertEquals(List.of(), imagebuilder.listWorkflowExecutions(r -> r.imageBuildVersionArn(
                PREFIX + "image/ci-runner-al2023/3.2.0/1")).workflowExecutions());
    }

    @Test
    void unknownIdsAreNotFoundAndMalformedOnesInvalid() {
        String unknown = "wf-00000000-0000-4000-8000-000000000000";
        assertEquals(404, assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getWorkflowExecution(
                r -> r.workflowExecutionId(unknown))).statusCode());
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.listWorkflowStepExecutions(
                r -> r.workflowExecutionId(unknown)));
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.getWorkflowStepExecution(
                r -> r.stepExecutionId(unknown.replace("wf-", "step-"))));
        assertThrows(ResourceNotFoundException.class, () -> imagebuilder.listWorkflowExecutions(
                r -> r.imageBuildVersionArn(PREFIX + "image/ci-runner-al2023/3.2.0/9")));
        var e = assertThrows(InvalidRequestException.class, () -> imagebuilder.getWorkflowExecution(
                r -> r.workflowExecutionId("wf-1234")));
        assertTrue(e.getMessage().contains("WorkflowExecutionId"), e.getMessage());
    }

    @Test
    void answersAreWrittenInTheModelsOrder() {
        RawAnswers raw = new RawAnswers();
        try (ImagebuilderClient client = Sdk.of(emulator).imagebuilder("us-east-1", raw)) {
            String run = client.listWorkflowExecutions(r -> r.imageBuildVersionArn(FAILED)).workflowExecutions().get(1)
                    .workflowExecutionId();
            assertOrdered("ListWorkflowExecutionsResponse", "workflowExecutions", "WorkflowExecutionMetadata", raw);
            client.listWorkflowStepExecutions(r -> r.workflowExecutionId(run));
            assertOrdered("ListWorkflowStepExecutionsResponse", "steps", "WorkflowStepMetadata", raw);
            String step = raw.last().get("steps").get(0).get("stepExecutionId").asText();
            client.getWorkflowStepExecution(r -> r.stepExecutionId(step));
            assertEquals(RawAnswers.inModelOrder("GetWorkflowStepExecutionResponse", raw.last()),
                    RawAnswers.members(raw.last()));
        }
    }

    private static void assertOrdered(String response, String list, String item, RawAnswers raw) {
        assertEquals(RawAnswers.inModelOrder(response, raw.last()), RawAnswers.members(raw.last()));
        raw.last().get(list).forEach(i -> assertEquals(RawAnswers.inModelOrder(item, i), RawAnswers.members(i)));
        assertTrue(raw.last().get(list).size() > 0 && raw.last().has("requestId"), raw.last().toString());
    }
}
