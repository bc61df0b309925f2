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

/** Components: the fixture holds build versions as GetComponent returns them; versions come from their ARNs. */
final class ComponentOperations {
    private static final Filters FILTERS = Filters.members("description", "name", "platform", "type", "version")
            .with("supportedOsVersion", Filters.path("supportedOsVersions"));

    private final Requests requests;

    ComponentOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListComponents", this::listVersions);
        operations.put("ListComponentBuildVersions", this::listBuilds);
        operations.put("GetComponent", this::get);
    }

    /** Versions the owner choice sees; {@code byName} keeps only each name's latest version. */
    private ObjectNode listVersions(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String owner = requests.owner(body);
        Predicate<ObjectNode> filter = requests.filters(body, FILTERS);
        List<ObjectNode> builds = data.components().stream()
                .filter(c -> owner.equals(Versions.ownership(c, call.caller().account())) && filter.test(c)).toList();
        Map<String, List<ObjectNode>> versions = Versions.byVersion(builds);
        if (body.path("byName").asBoolean(false)) {
            versions.keySet().retainAll(Versions.latestVersionPerName(builds));
        }
        List<ObjectNode> out = new ArrayList<>();
        versions.forEach((arn, of) -> {
            ObjectNode newest = Versions.latest(of).orElseThrow();
            out.add(requests.summary(newest, "ComponentVersion", Map.of(
                    "arn", TextNode.valueOf(arn),
                    "owner", TextNode.valueOf(Versions.owner(newest)),
                    "status", newest.path("state").path("status"))));
        });
        return requests.page(call, body, "componentVersionList", out);
    }

    private ObjectNode listBuilds(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.arnMember(body, "componentVersionArn", "ComponentVersionArn");
        return requests.page(call, body, "componentSummaryList", data.components().stream()
                .filter(c -> arn.equals(Versions.versionArn(c.path("arn").asText())))
                .map(c -> requests.summary(c, "ComponentSummary",
                        Map.of("owner", TextNode.valueOf(Versions.owner(c)))))
                .toList());
    }

    private ObjectNode get(Call call, Fixture.Region data) {
        String arn = requests.arnParameter(call, "componentBuildVersionArn", "ComponentVersionArnOrBuildVersionArn");
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode component = Versions.build(data.components(), arn).orElseThrow(() -> requests.notFound(arn));
        out.set("component", component);
        out.set("latestVersionReferences", Versions.latestVersionReferences(component.get("arn").asText()));
        return out;
    }
}
