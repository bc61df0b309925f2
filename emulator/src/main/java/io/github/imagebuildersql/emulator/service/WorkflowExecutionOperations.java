package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import java.util.Map;

/**
 * What ran when an image was built: its workflow executions and their steps, held as their Get calls answer
 * them; the listings answer summaries of them in the model's order. A step is waiting for an action (approval)
 * when it is a {@code WaitForAction} step that is {@code RUNNING}.
 */
final class WorkflowExecutionOperations {
    private final Requests requests;

    WorkflowExecutionOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListWorkflowExecutions", this::listExecutions);
        operations.put("GetWorkflowExecution", (call, data) -> requests.summary(requests.one(data.workflowExecutions(),
                "workflowExecutionId", requests.requiredParameter(call, "workflowExecutionId")),
                "GetWorkflowExecutionResponse", Map.of()));
        operations.put("ListWorkflowStepExecutions", this::listSteps);
        operations.put("GetWorkflowStepExecution", (call, data) -> requests.summary(requests.one(
                data.workflowStepExecutions(), "stepExecutionId", requests.requiredParameter(call, "stepExecutionId")),
                "GetWorkflowStepExecutionResponse", Map.of()));
        operations.put("ListWaitingWorkflowSteps", this::listWaitingSteps);
    }

    /** The executions of one image build version, which must exist (else 404). */
    private ObjectNode listExecutions(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String image = requests.requiredMember(call, body, "imageBuildVersionArn");
        requests.one(data.images(), "arn", image);
        ObjectNode page = requests.page(call, body, "workflowExecutions", data.workflowExecutions().stream()
                .filter(e -> image.equals(e.path("imageBuildVersionArn").asText()))
                .map(e -> requests.summary(e, "WorkflowExecutionMetadata", Map.of())).toList());
        return requests.answer(call, page, Map.of("imageBuildVersionArn", body.get("imageBuildVersionArn")));
    }

    /** The steps of one workflow execution, which must exist (else 404), with the execution's references beside them. */
    private ObjectNode listSteps(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String id = requests.requiredMember(call, body, "workflowExecutionId");
        ObjectNode execution = requests.one(data.workflowExecutions(), "workflowExecutionId", id);
        ObjectNode page = requests.page(call, body, "steps", data.workflowStepExecutions().stream()
                .filter(s -> id.equals(s.path("workflowExecutionId").asText()))
                .map(s -> requests.summary(s, "WorkflowStepMetadata", Map.of())).toList());
        return requests.answer(call, page, Map.of("workflowBuildVersionArn", execution.path("workflowBuildVersionArn"),
                "workflowExecutionId", execution.path("workflowExecutionId"),
                "imageBuildVersionArn", execution.path("imageBuildVersionArn")));
    }

    private ObjectNode listWaitingSteps(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        return requests.page(call, body, "steps", data.workflowStepExecutions().stream()
                .filter(s -> "WaitForAction".equals(s.path("action").asText()) && "RUNNING".equals(s.path("status").asText()))
                .map(s -> requests.summary(s, "WorkflowStepExecution", Map.of())).toList());
    }
}
