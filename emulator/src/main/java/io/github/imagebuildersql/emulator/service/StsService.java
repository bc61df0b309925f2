package io.github.imagebuildersql.emulator.service;

import io.github.imagebuildersql.emulator.auth.CredentialStore;
import io.github.imagebuildersql.emulator.auth.Identity;
import io.github.imagebuildersql.emulator.auth.SigV4Verifier;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.wire.AwsError;
import io.github.imagebuildersql.emulator.wire.HttpRequest;
import io.github.imagebuildersql.emulator.wire.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AWS STS over the query protocol (form-encoded requests, XML answers). */
public final class StsService implements Service {
    private static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final Fixture fixture;
    private final CredentialStore credentials;
    private final Supplier<Instant> clock;
    private final Duration sessionTtl;

    public StsService(Fixture fixture, CredentialStore credentials, Supplier<Instant> clock, Duration sessionTtl) {
        this.fixture = fixture;
        this.credentials = credentials;
        this.clock = clock;
        this.sessionTtl = sessionTtl;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public String operation(HttpRequest request) {
        Map<String, String> params = "GET".equals(request.method()) ? request.query() : request.formBody();
        return params.get("Action");
    }

    @Override
    public Response handle(Call call) {
        Map<String, String> params = call.request().formBody();
        String result = switch (call.operation()) {
            case "GetCallerIdentity" -> "<Arn>" + xml(call.caller().arn()) + "</Arn>"
                    + "<UserId>" + xml(call.caller().userId()) + "</UserId>"
                    + "<Account>" + call.caller().account() + "</Account>";
            case "AssumeRole" -> assumeRole(call.caller(), params);
            default -> throw unknownOperation(call.request());
        };
        String op = call.operation();
        return Response.of(200, "text/xml", "<" + op + "Response xmlns=\"" + NAMESPACE + "\"><" + op + "Result>"
                + result + "</" + op + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></" + op + "Response>");
    }

    private String assumeRole(Identity caller, Map<String, String> params) {
        String roleArn = params.getOrDefault("RoleArn", "");
        Matcher m = ROLE_ARN.matcher(roleArn);
        if (!m.matches()) {
            throw new AwsError("ValidationError", 400, roleArn + " is invalid");
        }
        String sessionName = params.getOrDefault("RoleSessionName", "");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw new AwsError("ValidationError", 400, "1 validation error detected: Value '" + sessionName
                    + "' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular "
                    + "expression pattern: [\\w+=,.@-]* and length 2-64");
        }
        long seconds;
        try {
            seconds = Long.parseLong(params.getOrDefault("DurationSeconds", "3600"));
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 900 || seconds > 43200) {
            throw new AwsError("ValidationError", 400,
                    "1 validation error detected: Value at 'durationSeconds' failed to satisfy constraint: "
                            + "Member must have value between 900 and 43200");
        }
        Fixture.Account account = fixture.account(m.group(1));
        String roleName = m.group(2);
        boolean allowed = account != null && "ACTIVE".equals(account.status())
                && (account.roles().isEmpty() || account.roles().contains(roleName))
                && (account.externalId() == null || account.externalId().equals(params.get("ExternalId")));
        if (!allowed) {
            throw new AwsError("AccessDenied", 403, "User: " + caller.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        Instant now = clock.get().truncatedTo(ChronoUnit.SECONDS);
        Identity issued = credentials.issue(account.id(), roleName, sessionName, now,
                sessionTtl != null ? sessionTtl : Duration.ofSeconds(seconds));
        return "<Credentials><AccessKeyId>" + issued.accessKeyId() + "</AccessKeyId>"
                + "<SecretAccessKey>" + xml(issued.secretAccessKey()) + "</SecretAccessKey>"
                + "<SessionToken>" + xml(issued.sessionToken()) + "</SessionToken>"
                + "<Expiration>" + issued.expiration() + "</Expiration></Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>" + xml(issued.userId()) + "</AssumedRoleId>"
                + "<Arn>" + xml(issued.arn()) + "</Arn></AssumedRoleUser>";
    }

    @Override
    public Response render(AwsError e) {
        String type = e.status() >= 500 ? "Receiver" : "Sender";
        return Response.of(e.status(), "text/xml", "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>"
                + type + "</Type><Code>" + xml(e.code()) + "</Code><Message>" + xml(e.getMessage())
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>");
    }

    @Override
    public AwsError refused(SigV4Verifier.Failure failure, String message) {
        return switch (failure) {
            case MISSING_AUTHENTICATION -> new AwsError("MissingAuthenticationToken", 403, message);
            case UNKNOWN_KEY -> new AwsError("InvalidClientTokenId", 403, message);
            case EXPIRED_TOKEN -> new AwsError("ExpiredToken", 400, message);
            case BAD_SIGNATURE, SIGNATURE_EXPIRED -> new AwsError("SignatureDoesNotMatch", 403, message);
        };
    }

    @Override
    public AwsError throttled() {
        return new AwsError("Throttling", 400, "Rate exceeded");
    }

    @Override
    public AwsError unavailable() {
        return new AwsError("ServiceUnavailable", 503, "Service is unavailable, please try again.");
    }

    @Override
    public AwsError unknownOperation(HttpRequest request) {
        return new AwsError("InvalidAction", 400, "Could not find operation " + operation(request)
                + " for version 2011-06-15");
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
