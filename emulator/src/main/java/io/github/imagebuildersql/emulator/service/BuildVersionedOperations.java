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
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Workflows, images and components alike: the fixture holds their build versions as {@code GetX} returns them;
 * {@code ListXs} answers the versions (derived from the builds' ARNs) the caller's owner choice sees,
 * {@code ListXBuildVersions} the builds of one version, and {@code GetX} one build. The operations, shapes and
 * members are named after the noun as the service model names them; what a request may ask (filters,
 * {@code byName}, {@code includeDeprecated}) is what the model gives its request.
 */
final class BuildVersionedOperations {
    private final Requests requests;
    private final String noun;
    private final String member;
    private final Function<Fixture.Region, List<ObjectNode>> builds;
    private final Filters filters;
    private final boolean versionIsItsLatestBuild;

    /**
     * @param noun as in the operation names, e.g. {@code Image}
     * @param versionIsItsLatestBuild whether a version's summary describes its latest build (components) rather than
     *     its first (images, workflows)
     */
    private BuildVersionedOperations(Requests requests, String noun, Function<Fixture.Region, List<ObjectNode>> builds,
            Filters filters, boolean versionIsItsLatestBuild) {
        this.requests = requests;
        this.noun = noun;
        this.member = Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
        this.builds = builds;
        this.filters = filters;
        this.versionIsItsLatestBuild = versionIsItsLatestBuild;
    }

    static BuildVersionedOperations workflows(Requests requests) {
        return new BuildVersionedOperations(requests, "Workflow", Fixture.Region::workflows,
                Filters.members("name", "type"), false);
    }

    /** As AWS does, ListImages leaves out a version whose builds are all deprecated unless asked to include it. */
    static BuildVersionedOperations images(Requests requests) {
        return new BuildVersionedOperations(requests, "Image", Fixture.Region::images, ImageOperations.FILTERS, false);
    }

    /** A component version's summary is its latest build's, whose {@code state.status} is the version's status. */
    static BuildVersionedOperations components(Requests requests) {
        return new BuildVersionedOperations(requests, "Component", Fixture.Region::components,
                Filters.members("description", "name", "platform", "type", "version")
                        .with("supportedOsVersion", Filters.path("supportedOsVersions")), true);
    }

    void register(Map<String, Operation> operations) {
        operations.put("List" + noun + "s", this::listVersions);
        operations.put("List" + noun + "BuildVersions", this::listBuilds);
        operations.put("Get" + noun, this::get);
    }

    private ObjectNode listVersions(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String owner = requests.owner(body);
        Predicate<ObjectNode> filter = requests.filters(body, filters);
        boolean hidesDeprecated = requests.requestHas(call.operation(), "includeDeprecated")
                && !body.path("includeDeprecated").asBoolean(false);
        Map<String, List<ObjectNode>> versions = new LinkedHashMap<>();
        Versions.byVersion(builds.apply(data).stream()
                .filter(b -> owner.equals(Versions.ownership(b, call.caller().account())) && filter.test(b)).toList())
                .forEach((arn, of) -> {
                    if (!hidesDeprecated || !of.stream().allMatch(Versions::deprecated)) {
                        versions.put(arn, of);
                    }
                });
        if (body.path("byName").asBoolean(false)) {
            versions.keySet().retainAll(Versions.latestVersionPerName(
                    versions.values().stream().flatMap(List::stream).toList()));
        }
        List<ObjectNode> out = new ArrayList<>();
        versions.forEach((arn, of) -> {
            ObjectNode build = versionIsItsLatestBuild ? Versions.latest(of).orElseThrow() : of.get(0);
            out.add(requests.summary(build, noun + "Version", Map.of("arn", TextNode.valueOf(arn),
                    "owner", TextNode.valueOf(Versions.owner(build)), "status", build.path("state").path("status"))));
        });
        return requests.page(call, body, member + "VersionList", out);
    }

    private ObjectNode listBuilds(Call call, Fixture.Region data) {
        JsonNode body = requests.body(call);
        String arn = requests.requiredMember(call, body, member + "VersionArn");
        Predicate<ObjectNode> filter = requests.requestHas(call.operation(), "filters")
                ? requests.filters(body, filters) : b -> true;
        return requests.page(call, body, member + "SummaryList", builds.apply(data).stream()
                .filter(b -> Versions.matches(arn, Versions.versionArn(b.path("arn").asText())) && filter.test(b))
                .map(b -> requests.summary(b, noun + "Summary", Map.of("owner", TextNode.valueOf(Versions.owner(b)))))
                .toList());
    }

    private ObjectNode get(Call call, Fixture.Region data) {
        String arn = requests.requiredParameter(call, member + "BuildVersionArn");
        ObjectNode build = Versions.build(builds.apply(data), arn).orElseThrow(() -> requests.notFound(arn));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set(member, build);
        out.set("latestVersionReferences", Versions.latestVersionReferences(build.get("arn").asText()));
        return out;
    }
}
