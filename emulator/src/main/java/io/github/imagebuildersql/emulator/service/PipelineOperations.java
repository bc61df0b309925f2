package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.Map;

/** Image pipelines: listed and fetched whole, as the fixture holds them. */
final class PipelineOperations {
    private static final Filters FILTERS = Filters.members("name", "status", "description", "imageRecipeArn",
            "distributionConfigurationArn", "infrastructureConfigurationArn");

    private final Requests requests;

    PipelineOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListImagePipelines", this::list);
        operations.put("GetImagePipeline", this::get);
    }

    private ObjectNode list(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        return requests.page(call, body, "imagePipelineList",
                data.imagePipelines().stream().filter(requests.filters(body, FILTERS)).toList());
    }

    private ObjectNode get(Call call, Fixture.Region data) {
        String arn = requests.requiredParameter(call, "imagePipelineArn");
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("imagePipeline", requests.one(data.imagePipelines(), "arn", arn));
        return out;
    }
}
