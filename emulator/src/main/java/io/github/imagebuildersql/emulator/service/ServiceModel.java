package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.emulator.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Image Builder service model, bundled verbatim: routes, error shapes with their HTTP statuses,
 * and member patterns all come from it, so the emulator cannot drift from the API it imitates.
 */
public final class ServiceModel {
    public static final String IMAGEBUILDER = "imagebuilder-2019-12-02.json";

    private final Map<String, String> operationByRoute = new HashMap<>();
    private final Map<String, Integer> errorStatus = new HashMap<>();
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, Map<String, String>> memberShapes = new HashMap<>();
    private final Map<String, String> inputShape = new HashMap<>();
    private final Map<String, String> outputShape = new HashMap<>();

    private ServiceModel(JsonNode model) {
        model.path("operations").properties().forEach(op -> {
            JsonNode http = op.getValue().path("http");
            operationByRoute.put(http.path("method").asText() + " " + http.path("requestUri").asText(), op.getKey());
            inputShape.put(op.getKey(), op.getValue().path("input").path("shape").asText());
            outputShape.put(op.getKey(), op.getValue().path("output").path("shape").asText());
        });
        model.path("shapes").properties().forEach(shape -> {
            JsonNode s = shape.getValue();
            if (s.path("exception").asBoolean()) {
                errorStatus.put(shape.getKey(), s.path("error").path("httpStatusCode").asInt(400));
            }
            if (s.has("members")) {
                List<String> names = new ArrayList<>();
                Map<String, String> shapes = new HashMap<>();
                s.path("members").properties().forEach(m -> {
                    names.add(m.getKey());
                    shapes.put(m.getKey(), m.getValue().path("shape").asText());
                });
                members.put(shape.getKey(), List.copyOf(names));
                memberShapes.put(shape.getKey(), shapes);
            }
            if (s.has("pattern")) {
                patterns.put(shape.getKey(), Pattern.compile(s.path("pattern").asText()));
            }
        });
    }

    /** The bundled model, read once per JVM: it never changes, and a test suite starts hundreds of emulators. */
    public static ServiceModel imageBuilder() {
        return Bundled.MODEL;
    }

    private static final class Bundled {
        static final ServiceModel MODEL = read();

        private static ServiceModel read() {
            try (InputStream in = ServiceModel.class.getResourceAsStream("/io/github/imagebuildersql/emulator/" + IMAGEBUILDER)) {
                return new ServiceModel(Json.MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The operation an HTTP method and path invoke, e.g. {@code POST /ListImagePipelines}. */
    public Optional<String> operation(String method, String path) {
        return Optional.ofNullable(operationByRoute.get(method + " " + path));
    }

    /** The HTTP status of a modeled error, or empty when the model has no such error shape. */
    public Optional<Integer> errorStatus(String errorCode) {
        return Optional.ofNullable(errorStatus.get(errorCode));
    }

    /** A structure's members in the model's order, which is the order the API writes them in. */
    public List<String> members(String shape) {
        List<String> m = members.get(shape);
        if (m == null) {
            throw new IllegalArgumentException("the model has no structure " + shape);
        }
        return m;
    }

    /** Whether an operation's request has a member of this name. */
    public boolean requestHas(String operation, String member) {
        return members.getOrDefault(inputShape.get(operation), List.of()).contains(member);
    }

    /** The shape of a member of an operation's request, e.g. {@code ImageBuildVersionArn}. */
    public String requestMemberShape(String operation, String member) {
        String shape = memberShapes.getOrDefault(inputShape.get(operation), Map.of()).get(member);
        if (shape == null) {
            throw new IllegalArgumentException("the model's " + operation + " request has no member " + member);
        }
        return shape;
    }

    /** The name of an operation's output shape, e.g. {@code ListWorkflowExecutionsResponse}. */
    public String outputShape(String operation) {
        return outputShape.get(operation);
    }

    /** Whether an operation's answer carries a {@code requestId} (most do; ListLifecyclePolicies, for one, does not). */
    public boolean answersWithRequestId(String operation) {
        String shape = outputShape.get(operation);
        return shape != null && members.getOrDefault(shape, List.of()).contains("requestId");
    }

    /** Whether a value satisfies the pattern the model gives a string shape. */
    public boolean matches(String shape, String value) {
        Pattern p = patterns.get(shape);
        if (p == null) {
            throw new IllegalArgumentException("the model has no pattern for shape " + shape);
        }
        return p.matcher(value).find();
    }

    /** Whether the model constrains a string shape with a pattern (some, like {@code NonEmptyString}, only by length). */
    public boolean hasPattern(String shape) {
        return patterns.containsKey(shape);
    }
}
