package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.auth.SigV4Verifier;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.wire.AwsError;
import io.github.imagebuildersql.emulator.wire.HttpRequest;
import io.github.imagebuildersql.emulator.wire.Json;
import io.github.imagebuildersql.emulator.wire.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS Organizations over JSON 1.1. The fixture's base account is the management account; every account
 * in the fixture is a member, with the status the fixture gives it.
 */
public final class OrganizationsService implements Service {
    private static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final int MAX_RESULTS = 20;

    private final Fixture fixture;
    private final PageTokens tokens = new PageTokens();
    private final String organizationId;

    public OrganizationsService(Fixture fixture) {
        this.fixture = fixture;
        this.organizationId = "o-" + Long.toString(Long.parseLong(fixture.credentials().account()) % 1_000_000_007L, 36);
    }

    @Override
    public String signingName() {
        return "organizations";
    }

    @Override
    public String operation(HttpRequest request) {
        String target = request.header("x-amz-target");
        return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
    }

    @Override
    public Response handle(Call call) {
        String management = fixture.credentials().account();
        if (!call.caller().account().equals(management)) {
            throw new AwsError("AccessDeniedException", 400,
                    "You don't have permissions to access this resource.");
        }
        JsonNode body = body(call.request());
        ObjectNode out = switch (call.operation()) {
            case "DescribeOrganization" -> describeOrganization(management);
            case "ListAccounts" -> listAccounts(call, body, management);
            default -> throw unknownOperation(call.request());
        };
        return Response.json(200, CONTENT_TYPE, out);
    }

    private ObjectNode describeOrganization(String management) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode org = out.putObject("Organization");
        org.put("Id", organizationId);
        org.put("Arn", "arn:aws:organizations::" + management + ":organization/" + organizationId);
        org.put("FeatureSet", "ALL");
        org.put("MasterAccountArn", accountArn(management, management));
        org.put("MasterAccountId", management);
        org.put("MasterAccountEmail", email(fixture.account(management)));
        org.putArray("AvailablePolicyTypes");
        return out;
    }

    private ObjectNode listAccounts(Service.Call call, JsonNode body, String management) {
        JsonNode max = body.path("MaxResults");
        int maxResults = max.isMissingNode() || max.isNull() ? MAX_RESULTS : max.asInt(-1);
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw invalidInput("INVALID_INPUT", "MaxResults must be between 1 and " + MAX_RESULTS + ".");
        }
        List<Fixture.Account> accounts = fixture.emptyOrganization() ? List.of()
                : new ArrayList<>(fixture.accounts().values());
        String listing = "ListAccounts|" + call.caller().account();
        int offset = 0;
        if (body.hasNonNull("NextToken")) {
            offset = tokens.offset(listing, body.get("NextToken").asText());
            if (offset < 0 || offset > accounts.size()) {
                throw invalidInput("INVALID_PAGINATION_TOKEN", "You provided an invalid pagination token.");
            }
        }
        int end = Math.min(accounts.size(), offset + maxResults);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("Accounts");
        for (Fixture.Account a : accounts.subList(offset, end)) {
            ObjectNode n = list.addObject();
            n.put("Id", a.id());
            n.put("Arn", accountArn(management, a.id()));
            n.put("Email", email(a));
            n.put("Name", a.name() != null ? a.name() : "account-" + a.id());
            n.put("Status", a.status());
            n.put("State", a.status());
            n.put("JoinedMethod", a.id().equals(management) ? "CREATED" : "INVITED");
            n.put("JoinedTimestamp", 1.6e9);
        }
        if (end < accounts.size()) {
            out.put("NextToken", tokens.issue(listing, end));
        }
        return out;
    }

    private String accountArn(String management, String account) {
        return "arn:aws:organizations::" + management + ":account/" + organizationId + "/" + account;
    }

    private static String email(Fixture.Account a) {
        return (a.name() != null ? a.name() : a.id()) + "@example.com";
    }

    private AwsError invalidInput(String reason, String message) {
        return new AwsError("InvalidInputException", 400, message + " (" + reason + ")");
    }

    private static JsonNode body(HttpRequest request) {
        try {
            JsonNode n = request.body().length == 0 ? null : Json.MAPPER.readTree(request.body());
            return n == null || !n.isObject() ? Json.MAPPER.createObjectNode() : n;
        } catch (IOException e) {
            throw new AwsError("SerializationException", 400, "The request body is not valid JSON.");
        }
    }

    @Override
    public Response render(AwsError e) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("__type", e.code()).put("Message", e.getMessage());
        return Response.of(e.status(), CONTENT_TYPE, body.toString());
    }

    @Override
    public AwsError refused(SigV4Verifier.Failure failure, String message) {
        return switch (failure) {
            case MISSING_AUTHENTICATION -> new AwsError("MissingAuthenticationTokenException", 400, message);
            case UNKNOWN_KEY -> new AwsError("UnrecognizedClientException", 400, message);
            case EXPIRED_TOKEN -> new AwsError("ExpiredTokenException", 400, message);
            case BAD_SIGNATURE, SIGNATURE_EXPIRED -> new AwsError("InvalidSignatureException", 400, message);
        };
    }

    @Override
    public AwsError throttled() {
        return new AwsError("TooManyRequestsException", 400, "AWS Organizations can't complete your request "
                + "because the request rate is too high. Try again later.");
    }

    @Override
    public AwsError unavailable() {
        return new AwsError("ServiceException", 500, "AWS Organizations can't complete your request because of an "
                + "internal service error. Try again later.");
    }

    @Override
    public AwsError unknownOperation(HttpRequest request) {
        return new AwsError("UnknownOperationException", 400, "The emulator does not implement "
                + request.header("x-amz-target") + ".");
    }
}
