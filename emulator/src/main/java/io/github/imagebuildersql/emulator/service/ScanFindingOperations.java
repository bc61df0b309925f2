package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import java.util.Map;

/** Image scan findings, served as the fixture holds them (ListImageScanFindings items). */
final class ScanFindingOperations {
    /** The model allows one filter with one value per request (ImageScanFindingsFilterList, …FilterValues). */
    private static final Filters FILTERS = Filters.members("imageBuildVersionArn", "imagePipelineArn", "severity")
            .with("vulnerabilityId", Filters.path("packageVulnerabilityDetails.vulnerabilityId"))
            .limits(1, 1);

    private final Requests requests;

    ScanFindingOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListImageScanFindings", this::list);
    }

    private ObjectNode list(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        return requests.page(call, body, "findings",
                data.imageScanFindings().stream().filter(requests.filters(body, FILTERS)).toList());
    }
}
