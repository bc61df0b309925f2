package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.Service.Call;
import io.github.imagebuildersql.emulator.wire.AwsError;
import io.github.imagebuildersql.emulator.wire.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every Image Builder operation does alike: reading the request's body and parameters, checking them
 * against the service model, filtering, paging, deriving summaries from full objects, and spelling errors.
 */
final class Requests {
    private static final Set<String> OWNERS = Set.of("Self", "Shared", "Amazon", "ThirdParty", "AWSMarketplace");
    /** Every Image Builder listing's {@code maxResults} is a RestrictedInteger: 1 to 25, 25 when absent. */
    private static final int MAX_RESULTS = 25;

    private final ServiceModel model;
    private final Fixture fixture;
    private final PageTokens tokens = new PageTokens();

    Requests(ServiceModel model, Fixture fixture) {
        this.model = model;
        this.fixture = fixture;
    }

    JsonNode body(Call call) {
        byte[] raw = call.request().body();
        if (raw.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode body = Json.MAPPER.readTree(raw);
            if (!body.isObject()) {
                throw error("InvalidRequestException", "The request body must be a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw error("InvalidRequestException", "The request body is not valid JSON.");
        }
    }

    /** The {@code owner} a listing asks for; {@code Self} when absent, as in AWS. */
    String owner(JsonNode body) {
        String owner = body.path("owner").asText("Self");
        if (!OWNERS.contains(owner)) {
            throw error("InvalidRequestException", "owner '" + owner + "' is not one of " + OWNERS + ".");
        }
        return owner;
    }

    /** A required query-string parameter of a Get call, checked against the pattern the model gives its shape. */
    String requiredParameter(Call call, String name) {
        String value = call.request().query().get(name);
        if (value == null || value.isEmpty()) {
            throw error("InvalidRequestException", name + " is required.");
        }
        return checked(call, name, value);
    }

    /** A required body member of a listing, checked against the pattern the model gives its shape. */
    String requiredMember(Call call, JsonNode body, String name) {
        JsonNode v = body.path(name);
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw error("InvalidRequestException", name + " is required.");
        }
        return checked(call, name, v.asText());
    }

    /** An optional body member, checked as a required one is when present; null when absent. */
    String optionalMember(Call call, JsonNode body, String name) {
        JsonNode v = body.path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw error("InvalidRequestException", name + " must be a non-empty string.");
        }
        return checked(call, name, v.asText());
    }

    /** Whether the model gives this listing's request a member (e.g. {@code includeDeprecated}, {@code filters}). */
    boolean requestHas(String operation, String member) {
        return model.requestHas(operation, member);
    }

    private String checked(Call call, String name, String value) {
        String shape = model.requestMemberShape(call.operation(), name);
        if (model.hasPattern(shape) && !model.matches(shape, value)) {
            throw error("InvalidRequestException", "The value supplied for parameter '" + name + "' is not valid: '"
                    + value + "' does not satisfy the constraint of " + shape + ".");
        }
        return value;
    }

    /**
     * The request's {@code filters} as one predicate: a filter matches when any of its values equals any of
     * the object's values for it; all filters must match.
     */
    Predicate<ObjectNode> filters(JsonNode body, Filters allowed) {
        JsonNode filters = body.path("filters");
        if (filters.isMissingNode() || filters.isNull()) {
            return o -> true;
        }
        if (!filters.isArray() || filters.size() < 1 || filters.size() > allowed.maxFilters()) {
            throw error("InvalidRequestException", "filters must be a list of 1 to " + allowed.maxFilters()
                    + (allowed.maxFilters() == 1 ? " filter." : " filters."));
        }
        Predicate<ObjectNode> all = o -> true;
        for (JsonNode f : filters) {
            String name = f.path("name").asText();
            Filters.Values values = allowed.byName().get(name);
            if (values == null) {
                throw error("InvalidRequestException", "The filter name '" + name + "' is not valid. Valid filter "
                        + "names: " + String.join(", ", allowed.byName().keySet().stream().sorted().toList()) + ".");
            }
            JsonNode given = f.path("values");
            if (!given.isArray() || given.size() < 1 || given.size() > allowed.maxValues()) {
                throw error("InvalidRequestException", "Filter '" + name + "' must have 1 to " + allowed.maxValues()
                        + (allowed.maxValues() == 1 ? " value." : " values."));
            }
            List<String> accepted = new ArrayList<>();
            for (JsonNode v : given) {
                if (!model.matches("FilterValue", v.asText())) {
                    throw error("InvalidRequestException", "Filter value '" + v.asText() + "' of filter '" + name
                            + "' contains characters a filter value may not have.");
                }
                accepted.add(v.asText());
            }
            all = all.and(o -> values.of(o).stream().anyMatch(accepted::contains));
        }
        return all;
    }

    /**
     * One page of a listing under {@code member}. The token it returns is good only for the same listing:
     * same operation, partition and parameters (the page size may change between pages, as in AWS).
     */
    ObjectNode page(Call call, JsonNode body, String member, List<ObjectNode> items) {
        JsonNode max = body.path("maxResults");
        boolean given = !max.isMissingNode() && !max.isNull();
        int maxResults = given ? max.asInt(-1) : MAX_RESULTS;
        if (given && !max.isInt() || maxResults < 1 || maxResults > MAX_RESULTS) {
            throw error("InvalidRequestException",
                    "maxResults must be between 1 and " + MAX_RESULTS + ", got " + max + ".");
        }
        ObjectNode parameters = body.deepCopy();
        parameters.remove(List.of("nextToken", "maxResults"));
        String listing = call.operation() + "|" + call.caller().account() + "/" + call.region() + "|" + parameters;
        String fault = listingFault(call);
        int offset = 0;
        JsonNode token = body.path("nextToken");
        if (!token.isMissingNode() && !token.isNull()) {
            offset = tokens.offset(listing, token.asText());
            if (offset < 0 || (offset > items.size() && !"empty-pages".equals(fault))) {
                throw error("InvalidPaginationTokenException", "The pagination token is not valid for this request.");
            }
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        if ("empty-pages".equals(fault)) {
            out.putArray(member);
            out.put("nextToken", tokens.issue(listing, offset + 1));
            return out;
        }
        if ("repeating-token".equals(fault)) {
            offset = 0;
        } else if ("overlapping-pages".equals(fault) && offset > 0) {
            offset--;
        }
        int end = Math.min(items.size(), offset + maxResults);
        items.subList(offset, end).forEach(out.putArray(member)::add);
        if (end < items.size()) {
            out.put("nextToken", tokens.issue(listing, end));
        }
        return out;
    }

    /** How the caller's region's listings misbehave, if its fixture says so (see {@link Fixture.Region}). */
    private String listingFault(Call call) {
        Fixture.Account account = fixture.account(call.caller().account());
        return account == null ? null : account.region(call.region()).listingFault();
    }

    /**
     * A summary shape derived from a full object member for member, in the model's order; {@code derived}
     * supplies the members the full object does not have under the same name (null and missing values are left out).
     */
    ObjectNode summary(ObjectNode full, String shape, Map<String, JsonNode> derived) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        for (String m : model.members(shape)) {
            JsonNode v = derived.containsKey(m) ? derived.get(m) : full.get(m);
            if (v != null && !v.isNull() && !v.isMissingNode()) {
                s.set(m, v);
            }
        }
        return s;
    }

    /**
     * An answer's members in the order of the operation's output shape: a page of items and the members that
     * stand beside it (the parent a listing was asked for, say).
     */
    ObjectNode answer(Call call, ObjectNode page, Map<String, JsonNode> beside) {
        return summary(page, model.outputShape(call.operation()), beside);
    }

    /** The object whose text member has this value (an ARN or ID), or the service's 404 naming the value. */
    ObjectNode one(List<ObjectNode> objects, String member, String value) {
        return objects.stream().filter(o -> value.equals(o.path(member).asText())).findFirst()
                .orElseThrow(() -> notFound(value));
    }

    AwsError error(String code, String message) {
        return new AwsError(code, model.errorStatus(code).orElse(400), message);
    }

    AwsError notFound(String arn) {
        return error("ResourceNotFoundException", "The specified resource does not exist: " + arn);
    }
}
