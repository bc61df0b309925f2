package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.AwsError;
import io.github.imagebuildersql.emulator.CallStats;
import io.github.imagebuildersql.emulator.HttpRequest;
import io.github.imagebuildersql.emulator.Json;
import io.github.imagebuildersql.emulator.Response;
import io.github.imagebuildersql.emulator.auth.SigV4Verifier;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** EC2 Image Builder over rest-json: the read operations an inventory needs. */
public final class ImageBuilderService implements Service {

    private static final Map<String, String> PIPELINE_FILTERS = Map.of(
            "name", "name", "status", "status", "description", "description",
            "imageRecipeArn", "imageRecipeArn", "distributionConfigurationArn", "distributionConfigurationArn",
            "infrastructureConfigurationArn", "infrastructureConfigurationArn");
    private static final Map<String, String> WORKFLOW_FILTERS = Map.of("name", "name", "type", "type");
    private static final Set<String> OWNERS = Set.of("Self", "Shared", "Amazon", "ThirdParty", "AWSMarketplace");
    private static final int MAX_RESULTS = 25;

    private final Fixture fixture;
    private final ServiceModel model;
    private final CallStats stats;
    private final PageTokens tokens = new PageTokens();

    public ImageBuilderService(Fixture fixture, ServiceModel model, CallStats stats) {
        this.fixture = fixture;
        this.model = model;
        this.stats = stats;
        fixture.accounts().values().forEach(a -> a.regions().forEach((region, r) -> {
            if (r.error() != null && model.errorStatus(r.error()).isEmpty()) {
                throw new IllegalArgumentException("fixture: account " + a.id() + " region " + region
                        + " has error '" + r.error() + "', which is not an Image Builder error shape");
            }
        }));
    }

    @Override
    public String signingName() {
        return "imagebuilder";
    }

    @Override
    public String operation(HttpRequest request) {
        return model.operation(request.method(), request.path()).orElse(null);
    }

    @Override
    public Response handle(Call call) {
        Fixture.Account account = fixture.account(call.caller().account());
        Fixture.Region data = account == null ? new Fixture.Region(List.of(), List.of(), null, 0, null)
                : account.region(call.region());
        if (data.delayMs() > 0) {
            stats.fault("slowPartition");
            try {
                Thread.sleep(data.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            }
        }
        if (data.error() != null) {
            stats.fault("partitionError");
            throw error(data.error(), "Injected by the fixture for account " + call.caller().account()
                    + " in " + call.region() + ".");
        }
        ObjectNode out = switch (call.operation()) {
            case "ListImagePipelines" -> listImagePipelines(call, data);
            case "GetImagePipeline" -> getImagePipeline(call, data);
            case "ListWorkflows" -> listWorkflows(call, data);
            case "ListWorkflowBuildVersions" -> listWorkflowBuildVersions(call, data);
            case "GetWorkflow" -> getWorkflow(call, data);
            default -> throw unknownOperation(call.request());
        };
        if (data.corrupt() != null) {
            stats.fault("corruptResponse");
            String body = out.toString();
            return data.corrupt().equals("truncated")
                    ? Response.of(200, "application/json", body).truncated()
                    : Response.of(200, "application/json", body.substring(0, body.length() / 2) + "<<not json>>");
        }
        return Response.of(200, "application/json", out.toString());
    }

    private ObjectNode listImagePipelines(Call call, Fixture.Region data) {
        JsonNode body = jsonBody(call.request());
        Predicate<ObjectNode> filter = filters(body.path("filters"), PIPELINE_FILTERS);
        List<ObjectNode> matching = data.imagePipelines().stream().filter(filter).toList();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("requestId", UUID.randomUUID().toString());
        page(call, body, "filters=" + body.path("filters"), matching, out.putArray("imagePipelineList"), out);
        return out;
    }

    private ObjectNode getImagePipeline(Call call, Fixture.Region data) {
        String arn = call.request().query().get("imagePipelineArn");
        if (arn == null || arn.isEmpty()) {
            throw error("InvalidRequestException", "imagePipelineArn is required.");
        }
        if (!model.matches("ImagePipelineArn", arn)) {
            throw error("InvalidRequestException", "The value supplied for parameter 'imagePipelineArn' is not "
                    + "valid. The input fails to satisfy the constraint specified by the service.");
        }
        ObjectNode pipeline = data.imagePipelines().stream()
                .filter(p -> arn.equals(p.path("arn").asText())).findFirst()
                .orElseThrow(() -> error("ResourceNotFoundException", "The specified resource does not exist: " + arn));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("requestId", UUID.randomUUID().toString());
        out.set("imagePipeline", pipeline);
        return out;
    }

    private ObjectNode listWorkflows(Call call, Fixture.Region data) {
        JsonNode body = jsonBody(call.request());
        String owner = body.path("owner").asText("Self");
        if (!OWNERS.contains(owner)) {
            throw error("InvalidRequestException", "owner '" + owner + "' is not one of " + OWNERS + ".");
        }
        Predicate<ObjectNode> filter = filters(body.path("filters"), WORKFLOW_FILTERS);
        Map<String, List<ObjectNode>> buildsByVersion = new LinkedHashMap<>();
        for (ObjectNode w : data.workflows()) {
            if (owner.equals(ownership(w, call.caller().account())) && filter.test(w)) {
                buildsByVersion.computeIfAbsent(versionArn(w.path("arn").asText()), k -> new ArrayList<>()).add(w);
            }
        }
        List<ObjectNode> versions = new ArrayList<>();
        buildsByVersion.forEach((arn, builds) -> versions.add(workflowVersion(arn, builds)));
        ObjectNode out = Json.MAPPER.createObjectNode();
        page(call, body, "owner=" + owner + "&filters=" + body.path("filters"), versions,
                out.putArray("workflowVersionList"), out);
        return out;
    }

    private ObjectNode listWorkflowBuildVersions(Call call, Fixture.Region data) {
        JsonNode body = jsonBody(call.request());
        String arn = body.path("workflowVersionArn").asText("");
        if (!model.matches("WorkflowWildcardVersionArn", arn)) {
            throw error("InvalidRequestException", "workflowVersionArn '" + arn + "' is not a workflow version ARN.");
        }
        List<ObjectNode> builds = data.workflows().stream()
                .filter(w -> versionMatches(arn, versionArn(w.path("arn").asText())))
                .map(ImageBuilderService::workflowSummary).toList();
        ObjectNode out = Json.MAPPER.createObjectNode();
        page(call, body, "workflowVersionArn=" + arn, builds, out.putArray("workflowSummaryList"), out);
        return out;
    }

    private ObjectNode getWorkflow(Call call, Fixture.Region data) {
        String arn = call.request().query().get("workflowBuildVersionArn");
        if (arn == null || !model.matches("WorkflowVersionArnOrBuildVersionArn", arn)) {
            throw error("InvalidRequestException", "workflowBuildVersionArn '" + arn
                    + "' is not a workflow version or build version ARN.");
        }
        boolean isBuild = model.matches("WorkflowBuildVersionArn", arn);
        ObjectNode workflow = data.workflows().stream()
                .filter(w -> isBuild ? arn.equals(w.path("arn").asText())
                        : versionMatches(arn, versionArn(w.path("arn").asText())))
                .max(Comparator.comparing((ObjectNode w) -> buildOrder(w.path("arn").asText()), ImageBuilderService::compareVersions))
                .orElseThrow(() -> error("ResourceNotFoundException", "The specified resource does not exist: " + arn));
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.set("workflow", workflow);
        return out;
    }

    /** Serves one page of a listing; the token it returns is good only for the same listing. */
    private void page(Call call, JsonNode body, String parameters, List<ObjectNode> items, ArrayNode into,
            ObjectNode out) {
        JsonNode max = body.path("maxResults");
        int maxResults = max.isMissingNode() || max.isNull() ? MAX_RESULTS : max.asInt(-1);
        if (maxResults < 1 || maxResults > MAX_RESULTS || (!max.isMissingNode() && !max.isNull() && !max.isInt())) {
            throw error("InvalidRequestException",
                    "maxResults must be between 1 and " + MAX_RESULTS + ", got " + max + ".");
        }
        String listing = call.operation() + "|" + call.caller().account() + "/" + call.region() + "|" + parameters;
        int offset = 0;
        JsonNode token = body.path("nextToken");
        if (!token.isMissingNode() && !token.isNull()) {
            offset = tokens.offset(listing, token.asText());
            if (offset < 0 || offset > items.size()) {
                throw error("InvalidPaginationTokenException", "The pagination token is not valid for this request.");
            }
        }
        int end = Math.min(items.size(), offset + maxResults);
        items.subList(offset, end).forEach(into::add);
        if (end < items.size()) {
            out.put("nextToken", tokens.issue(listing, end));
        }
    }

    private Predicate<ObjectNode> filters(JsonNode filters, Map<String, String> allowed) {
        if (filters.isMissingNode() || filters.isNull()) {
            return o -> true;
        }
        if (!filters.isArray() || filters.size() < 1 || filters.size() > 10) {
            throw error("InvalidRequestException", "filters must be a list of 1 to 10 filters.");
        }
        Predicate<ObjectNode> all = o -> true;
        for (JsonNode f : filters) {
            String name = f.path("name").asText();
            String member = allowed.get(name);
            if (member == null) {
                throw error("InvalidRequestException", "The filter name '" + name + "' is not valid. Valid filter "
                        + "names: " + String.join(", ", allowed.keySet().stream().sorted().toList()) + ".");
            }
            JsonNode values = f.path("values");
            if (!values.isArray() || values.size() < 1 || values.size() > 10) {
                throw error("InvalidRequestException", "Filter '" + name + "' must have 1 to 10 values.");
            }
            List<String> accepted = new ArrayList<>();
            for (JsonNode v : values) {
                if (!model.matches("FilterValue", v.asText())) {
                    throw error("InvalidRequestException", "Filter value '" + v.asText() + "' of filter '" + name
                            + "' contains characters a filter value may not have.");
                }
                accepted.add(v.asText());
            }
            all = all.and(o -> o.hasNonNull(member) && accepted.contains(o.get(member).asText()));
        }
        return all;
    }

    private JsonNode jsonBody(HttpRequest request) {
        if (request.body().length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode body = Json.MAPPER.readTree(request.body());
            if (!body.isObject()) {
                throw error("InvalidRequestException", "The request body must be a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw error("InvalidRequestException", "The request body is not valid JSON.");
        }
    }

    /** How a workflow's owner relates to the caller, in the terms of ListWorkflows' {@code owner}. */
    private static String ownership(ObjectNode workflow, String callerAccount) {
        String owner = workflow.path("owner").asText(callerAccount);
        if (owner.equals(callerAccount)) {
            return "Self";
        }
        return owner.matches("\\d{12}") ? "Shared" : owner;
    }

    private static String versionArn(String buildArn) {
        int slash = buildArn.lastIndexOf('/');
        return slash < 0 ? buildArn : buildArn.substring(0, slash);
    }

    /** Version ARNs may use {@code x} for any major, minor or patch number. */
    private static boolean versionMatches(String pattern, String versionArn) {
        int p = pattern.lastIndexOf('/');
        int v = versionArn.lastIndexOf('/');
        if (p < 0 || v < 0 || !pattern.substring(0, p).equals(versionArn.substring(0, v))) {
            return false;
        }
        String[] want = pattern.substring(p + 1).split("\\.");
        String[] have = versionArn.substring(v + 1).split("\\.");
        if (want.length != 3 || have.length != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (!want[i].equals("x") && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }

    private static int compareVersions(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Long> buildOrder(String buildArn) {
        String[] parts = buildArn.split("/");
        List<Long> order = new ArrayList<>();
        for (String n : parts[parts.length - 2].split("\\.")) {
            order.add(Long.parseLong(n));
        }
        order.add(Long.parseLong(parts[parts.length - 1]));
        return order;
    }

    private static ObjectNode workflowVersion(String versionArn, List<ObjectNode> builds) {
        ObjectNode first = builds.get(0);
        ObjectNode v = Json.MAPPER.createObjectNode();
        v.put("arn", versionArn);
        copy(first, v, "name", "version", "description", "type", "owner", "dateCreated");
        return v;
    }

    private static ObjectNode workflowSummary(ObjectNode workflow) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        copy(workflow, s, "arn", "name", "version", "description", "changeDescription", "type", "owner", "state",
                "dateCreated", "tags");
        return s;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... members) {
        for (String m : members) {
            if (from.has(m)) {
                to.set(m, from.get(m));
            }
        }
    }

    private AwsError error(String code, String message) {
        return new AwsError(code, model.errorStatus(code).orElse(400), message);
    }

    @Override
    public Response render(AwsError e) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("message", e.getMessage());
        return Response.of(e.status(), "application/json", body.toString())
                .withHeader("x-amzn-ErrorType", e.code())
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }

    @Override
    public AwsError refused(SigV4Verifier.Failure failure, String message) {
        String code = switch (failure) {
            case MISSING_AUTHENTICATION -> "MissingAuthenticationTokenException";
            case UNKNOWN_KEY -> "UnrecognizedClientException";
            case EXPIRED_TOKEN -> "ExpiredTokenException";
            case BAD_SIGNATURE, SIGNATURE_EXPIRED -> "InvalidSignatureException";
        };
        return new AwsError(code, 403, message);
    }

    @Override
    public AwsError throttled() {
        return error("CallRateLimitExceededException", "Rate exceeded");
    }

    @Override
    public AwsError unavailable() {
        return error("ServiceUnavailableException", "Service is unavailable, please try again.");
    }

    @Override
    public AwsError unknownOperation(HttpRequest request) {
        return error("ClientException", "The emulator does not implement " + request.method() + " "
                + request.path() + ".");
    }
}
