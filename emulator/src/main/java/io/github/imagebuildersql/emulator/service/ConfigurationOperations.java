package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Infrastructure and distribution configurations and lifecycle policies: unversioned, never shared, so
 * listings answer the caller's own; Get takes the exact ARN.
 */
final class ConfigurationOperations {
    private static final Filters BY_NAME = Filters.members("name");
    /** The model documents ListLifecyclePolicies' filters as {@code Name} and {@code Status}; both spellings work. */
    private static final Filters LIFECYCLE_FILTERS = Filters.members("name", "status")
            .with("Name", Filters.path("name")).with("Status", Filters.path("status"));

    private final Requests requests;

    ConfigurationOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListInfrastructureConfigurations", (call, data) -> list(call,
                data.infrastructureConfigurations(), BY_NAME, "infrastructureConfigurationSummaryList",
                c -> requests.summary(c, "InfrastructureConfigurationSummary", Map.of())));
        operations.put("GetInfrastructureConfiguration", (call, data) -> get(call,
                data.infrastructureConfigurations(), "infrastructureConfigurationArn", "infrastructureConfiguration"));
        operations.put("ListDistributionConfigurations", (call, data) -> list(call,
                data.distributionConfigurations(), BY_NAME, "distributionConfigurationSummaryList",
                c -> requests.summary(c, "DistributionConfigurationSummary", Map.of("regions", regions(c)))));
        operations.put("GetDistributionConfiguration", (call, data) -> get(call,
                data.distributionConfigurations(), "distributionConfigurationArn", "distributionConfiguration"));
        operations.put("ListLifecyclePolicies", (call, data) -> list(call, data.lifecyclePolicies(),
                LIFECYCLE_FILTERS, "lifecyclePolicySummaryList",
                p -> requests.summary(p, "LifecyclePolicySummary", Map.of())));
        operations.put("GetLifecyclePolicy", (call, data) -> get(call, data.lifecyclePolicies(),
                "lifecyclePolicyArn", "lifecyclePolicy"));
    }

    private ObjectNode list(Call call, List<ObjectNode> objects, Filters filters, String member,
            Function<ObjectNode, ObjectNode> summary) {
        JsonNode body = requests.body(call);
        Predicate<ObjectNode> filter = requests.filters(body, filters);
        return requests.page(call, body, member, objects.stream()
                .filter(o -> "Self".equals(Versions.ownership(o, call.caller().account())) && filter.test(o))
                .map(summary).toList());
    }

    private ObjectNode get(Call call, List<ObjectNode> objects, String parameter, String member) {
        String arn = requests.requiredParameter(call, parameter);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set(member, requests.one(objects, "arn", arn));
        return out;
    }

    /** A distribution configuration summary's regions: those its distributions go to. */
    private static ArrayNode regions(ObjectNode configuration) {
        ArrayNode regions = Json.MAPPER.createArrayNode();
        configuration.path("distributions").forEach(d -> regions.add(d.path("region").asText()));
        return regions;
    }
}
