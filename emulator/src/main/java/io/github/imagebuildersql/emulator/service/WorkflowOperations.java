package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Workflows: the fixture holds build versions; versions are derived from their ARNs. */
final class WorkflowOperations {
    private static final Filters FILTERS = Filters.members("name", "type");

    private final Requests requests;

    WorkflowOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListWorkflows", this::listVersions);
        operations.put("ListWorkflowBuildVersions", this::listBuilds);
        operations.put("GetWorkflow", this::get);
    }

    private ObjectNode listVersions(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String owner = requests.owner(body);
        Predicate<ObjectNode> filter = requests.filters(body, FILTERS);
        List<ObjectNode> builds = data.workflows().stream()
                .filter(w -> owner.equals(Versions.ownership(w, call.caller().account())) && filter.test(w)).toList();
        List<ObjectNode> versions = new ArrayList<>();
        Versions.byVersion(builds).forEach((arn, of) -> versions.add(
                requests.summary(of.get(0), "WorkflowVersion", Map.of("arn", TextNode.valueOf(arn)))));
        return requests.page(call, body, "workflowVersionList", versions);
    }

    private ObjectNode listBuilds(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.arnMember(body, "workflowVersionArn", "WorkflowWildcardVersionArn");
        List<ObjectNode> builds = data.workflows().stream()
                .filter(w -> Versions.matches(arn, Versions.versionArn(w.path("arn").asText())))
                .map(w -> requests.summary(w, "WorkflowSummary", Map.of())).toList();
        return requests.page(call, body, "workflowSummaryList", builds);
    }

    private ObjectNode get(Call call, Fixture.Region data) {
        String arn = requests.arnParameter(call, "workflowBuildVersionArn", "WorkflowVersionArnOrBuildVersionArn");
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode workflow = Versions.build(data.workflows(), arn).orElseThrow(() -> requests.notFound(arn));
        out.set("workflow", workflow);
        out.set("latestVersionReferences", Versions.latestVersionReferences(workflow.get("arn").asText()));
        return out;
    }
}
