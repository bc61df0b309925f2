package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an image build version has beside itself: the builds a pipeline made (ListImagePipelineImages: the images
 * whose {@code sourcePipelineArn} is the pipeline) and a build's packages (ListImagePackages). Images themselves
 * are listed and fetched as {@link BuildVersionedOperations#images} says.
 */
final class ImageOperations {
    /** The filters of ListImages and ListImageBuildVersions. */
    static final Filters FILTERS = Filters.members("name", "osVersion", "platform", "type", "version");
    private static final Filters PIPELINE_FILTERS = Filters.members("name", "version");

    private final Requests requests;

    ImageOperations(Requests requests) {
        this.requests = requests;
    }

    void register(Map<String, Operation> operations) {
        operations.put("ListImagePipelineImages", this::listPipelineImages);
        operations.put("ListImagePackages", this::listPackages);
    }

    /** The packages Systems Manager recorded for a build, as the fixture holds them; an unknown build is a 404. */
    private ObjectNode listPackages(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.requiredMember(call, body, "imageBuildVersionArn");
        requests.one(data.images(), "arn", arn);
        return requests.page(call, body, "imagePackageList", data.imagePackages().getOrDefault(arn, List.of()));
    }

    private ObjectNode listPipelineImages(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.requiredMember(call, body, "imagePipelineArn");
        requests.one(data.imagePipelines(), "arn", arn);
        Predicate<ObjectNode> filter = requests.filters(body, PIPELINE_FILTERS);
        return requests.page(call, body, "imageSummaryList", data.images().stream()
                .filter(i -> arn.equals(i.path("sourcePipelineArn").asText()) && filter.test(i))
                .map(i -> requests.summary(i, "ImageSummary", Map.of("owner", TextNode.valueOf(Versions.owner(i)))))
                .toList());
    }
}
