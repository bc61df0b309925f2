package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The runs of lifecycle policies and the resources each identified for an action. A run's resources are the
 * Image Builder images it acted on and, under each image (their {@code parentResourceId}), the AMIs or container
 * images distributed from it.
 */
final class LifecycleExecutionOperations {
    private final Requests requests;

    LifecycleExecutionOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListLifecycleExecutions", this::listExecutions);
        operations.put("GetLifecycleExecution", (call, data) -> {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("lifecycleExecution", execution(data, requests.requiredParameter(call, "lifecycleExecutionId")));
            return out;
        });
        operations.put("ListLifecycleExecutionResources", this::listResources);
    }

    /**
     * The runtime history of a resource: for a lifecycle policy (which must exist, else 404) its runs; for any other
     * resource the runs that acted on it.
     */
    private ObjectNode listExecutions(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.requiredMember(call, body, "resourceArn");
        Predicate<ObjectNode> ofResource;
        if (arn.contains(":lifecycle-policy/")) {
            requests.one(data.lifecyclePolicies(), "arn", arn);
            ofResource = e -> arn.equals(e.path("lifecyclePolicyArn").asText());
        } else {
            ofResource = e -> data.lifecycleExecutionResources().getOrDefault(e.path("lifecycleExecutionId").asText(),
                    List.of()).stream().anyMatch(r -> arn.equals(r.path("resourceId").asText()));
        }
        return requests.page(call, body, "lifecycleExecutions", data.lifecycleExecutions().stream().filter(ofResource)
                .map(e -> requests.summary(e, "LifecycleExecution", Map.of())).toList());
    }

    /** Without {@code parentResourceId} the run's images; with it, the resources distributed from that image. */
    private ObjectNode listResources(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String id = requests.requiredMember(call, body, "lifecycleExecutionId");
        String parent = requests.optionalMember(call, body, "parentResourceId");
        ObjectNode execution = execution(data, id);
        ObjectNode page = requests.page(call, body, "resources", data.lifecycleExecutionResources()
                .getOrDefault(id, List.of()).stream()
                .filter(r -> Objects.equals(parent, r.hasNonNull("parentResourceId") ? r.get("parentResourceId").asText() : null))
                .map(r -> requests.summary(r, "LifecycleExecutionResource", Map.of())).toList());
        return requests.answer(call, page, Map.of("lifecycleExecutionId", execution.path("lifecycleExecutionId"),
                "lifecycleExecutionState", execution.path("state")));
    }

    private ObjectNode execution(Fixture.Region data, String id) {
        return requests.one(data.lifecycleExecutions(), "lifecycleExecutionId", id);
    }
}
