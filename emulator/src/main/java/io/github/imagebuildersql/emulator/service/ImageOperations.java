package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Images: the fixture holds build versions as GetImage returns them. ListImages answers versions,
 * ListImageBuildVersions the builds of one version, ListImagePipelineImages the builds a pipeline made.
 */
final class ImageOperations {
    private static final Filters FILTERS = Filters.members("name", "osVersion", "platform", "type", "version");
    private static final Filters PIPELINE_FILTERS = Filters.members("name", "version");

    private final Requests requests;

    ImageOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListImages", this::listVersions);
        operations.put("ListImageBuildVersions", this::listBuilds);
        operations.put("GetImage", this::get);
        operations.put("ListImagePipelineImages", this::listPipelineImages);
    }

    /**
     * Versions the caller's owner choice sees. As in AWS, a version whose builds are all deprecated is left
     * out unless {@code includeDeprecated} is true, and {@code byName} keeps only each name's latest version.
     */
    private ObjectNode listVersions(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String owner = requests.owner(body);
        Predicate<ObjectNode> filter = requests.filters(body, FILTERS);
        boolean includeDeprecated = body.path("includeDeprecated").asBoolean(false);
        List<ObjectNode> builds = data.images().stream()
                .filter(i -> owner.equals(Versions.ownership(i, call.caller().account())) && filter.test(i)).toList();
        Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();
        Versions.byVersion(builds).forEach((arn, of) -> {
            if (includeDeprecated || !of.stream().allMatch(ImageOperations::deprecated)) {
                versions.put(arn, of);
            }
        });
        if (body.path("byName").asBoolean(false)) {
            versions.keySet().retainAll(Versions.latestVersionPerName(
                    versions.values().stream().flatMap(List::stream).toList()));
        }
        List<ObjectNode> out = new ArrayList<>();
        versions.forEach((arn, of) -> out.add(requests.summary(of.get(0), "ImageVersion", Map.of(
                "arn", TextNode.valueOf(arn), "owner", TextNode.valueOf(Versions.owner(of.get(0)))))));
        return requests.page(call, body, "imageVersionList", out);
    }

    private ObjectNode listBuilds(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.arnMember(body, "imageVersionArn", "ImageVersionArn");
        Predicate<ObjectNode> filter = requests.filters(body, FILTERS);
        return requests.page(call, body, "imageSummaryList", data.images().stream()
                .filter(i -> arn.equals(Versions.versionArn(i.path("arn").asText())) && filter.test(i))
                .map(this::summary).toList());
    }

    private ObjectNode get(Call call, Fixture.Region data) {
        String arn = requests.arnParameter(call, "imageBuildVersionArn", "ImageVersionArnOrBuildVersionArn");
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode image = Versions.build(data.images(), arn).orElseThrow(() -> requests.notFound(arn));
        out.set("image", image);
        out.set("latestVersionReferences", Versions.latestVersionReferences(image.get("arn").asText()));
        return out;
    }

    private ObjectNode listPipelineImages(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.arnMember(body, "imagePipelineArn", "ImagePipelineArn");
        if (data.imagePipelines().stream().noneMatch(p -> arn.equals(p.path("arn").asText()))) {
            throw requests.notFound(arn);
        }
        Predicate<ObjectNode> filter = requests.filters(body, PIPELINE_FILTERS);
        return requests.page(call, body, "imageSummaryList", data.images().stream()
                .filter(i -> arn.equals(i.path("sourcePipelineArn").asText()) && filter.test(i))
                .map(this::summary).toList());
    }

    private ObjectNode summary(ObjectNode image) {
        return requests.summary(image, "ImageSummary", Map.of("owner", TextNode.valueOf(Versions.owner(image))));
    }

    private static boolean deprecated(ObjectNode image) {
        return "DEPRECATED".equals(image.path("state").path("status").asText());
    }
}
