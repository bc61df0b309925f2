package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.emulator.auth.SigV4Verifier;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.wire.AwsError;
import io.github.imagebuildersql.emulator.wire.HttpRequest;
import io.github.imagebuildersql.emulator.wire.Json;
import io.github.imagebuildersql.emulator.wire.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** EC2 Image Builder over rest-json: the read operations an inventory needs. */
public final class ImageBuilderService implements Service {

    /** The length of the string a {@code huge} answer carries. */
    private static final int HUGE_STRING = 21_000_000;

    private final Fixture fixture;
    private final ServiceModel model;
    /** Told the kind of every fault the fixture injects (the server counts them). */
    private final Consumer<String> faults;
    private final Requests requests;
    /** The read operations served; any other operation, writes included, answers ClientException. */
    private final Map<String, Operation> operations = new HashMap<>();

    public ImageBuilderService(Fixture fixture, ServiceModel model, Consumer<String> faults) {
        this.fixture = fixture;
        this.model = model;
        this.faults = faults;
        this.requests = new Requests(model, fixture);
        new PipelineOperations(requests).register(operations);
        BuildVersionedOperations.workflows(requests).register(operations);
        BuildVersionedOperations.images(requests).register(operations);
        new ImageOperations(requests).register(operations);
        new RecipeOperations(requests).register(operations);
        BuildVersionedOperations.components(requests).register(operations);
        new ConfigurationOperations(requests).register(operations);
        new ScanFindingOperations(requests).register(operations);
        new PolicyOperations(requests).register(operations);
        new WorkflowExecutionOperations(requests).register(operations);
        new LifecycleExecutionOperations(requests).register(operations);
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
        Fixture.Region data = fixture.view(call.caller().account(), call.region());
        if (data.delayMs() > 0) {
            faults.accept("slowPartition");
            try {
                Thread.sleep(data.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable();
            }
        }
        if (data.error() != null) {
            faults.accept("partitionError");
            throw requests.error(data.error(), "Injected by the fixture for account " + call.caller().account()
                    + " in " + call.region() + ".");
        }
        Operation operation = operations.get(call.operation());
        if (operation == null) {
            throw unknownOperation(call.request());
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (model.answersWithRequestId(call.operation())) {
            out.put("requestId", UUID.randomUUID().toString());
        }
        out.setAll(operation.answer(call, data));
        if (data.listingFault() != null && out.has("nextToken")) {
            faults.accept("misbehavingListing");
        }
        if (data.bodyFault() == null) {
            return Response.json(200, "application/json", out);
        }
        faults.accept("corruptResponse");
        String body = out.toString();
        return switch (data.bodyFault()) {
            case "truncated" -> Response.of(200, "application/json", body).truncated();
            case "malformed-json" -> Response.of(200, "application/json", body.substring(0, body.length() / 2)
                    + "<<not json>>");
            case "html" -> Response.of(200, "text/html", "<!DOCTYPE html><html><head><title>Sign in</title></head>"
                    + "<body><p>Proxy authentication required</p></body></html>");
            // A member every listing has, longer than a JSON parser accepts in one string (the SDK's: 20 MB).
            case "huge" -> Response.json(200, "application/json", out.put("nextToken", "x".repeat(HUGE_STRING)));
            default -> throw new IllegalStateException("no such corruption: " + data.bodyFault());
        };
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
        return requests.error("CallRateLimitExceededException", "Rate exceeded");
    }

    @Override
    public AwsError unavailable() {
        return requests.error("ServiceUnavailableException", "Service is unavailable, please try again.");
    }

    @Override
    public AwsError unknownOperation(HttpRequest request) {
        return requests.error("ClientException", "The emulator does not implement " + request.method() + " "
                + request.path() + ".");
    }
}
