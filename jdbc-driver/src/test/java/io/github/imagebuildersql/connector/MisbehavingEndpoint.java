package io.github.imagebuildersql.connector;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An endpoint on 127.0.0.1 that answers as no AWS service should, for what the emulator will not do: each request
 * is handed to the test's function with what it asked (the STS action, or the Image Builder path), and the
 * test's answer is sent back as it is. It counts what it was asked.
 */
public final class MisbehavingEndpoint implements AutoCloseable {
    /** A request as the endpoint saw it: the operation (STS's Action, or the path), its headers and body. */
    public record Request(String operation, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What to send back. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private MisbehavingEndpoint(HttpServer server) {
        this.server = server;
    }

    public static MisbehavingEndpoint start(Function<Request, Answer> answers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MisbehavingEndpoint endpoint = new MisbehavingEndpoint(server);
            server.createContext("/", exchange -> endpoint.handle(exchange, answers));
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * STS that says the caller is in account 111111111111, and an Image Builder that answers every call with a
     * signature mismatch as AWS does, quoting the canonical request it computed, headers included: the session token
     * and the access key ID it was sent.
     */
    public static MisbehavingEndpoint quotingTheSignedRequest() {
        return start(r -> r.operation().equals("GetCallerIdentity") ? callerIdentity()
                : new Answer(403, "application/json", "{\"message\": \"The request signature we calculated does not "
                        + "match the signature you provided. The Canonical String for this request should have been\\n'POST\\n"
                        + r.operation() + "\\n\\nhost:127.0.0.1\\nx-amz-security-token:" + r.header("X-Amz-Security-Token")
                        + "\\n\\nhost;x-amz-security-token'\\n\\nThe String-to-Sign should have been 'AWS4-HMAC-SHA256 "
                        + "...', for " + r.header("Authorization") + "\"}",
                        Map.of("x-amzn-ErrorType", "InvalidSignatureException")));
    }

    /** STS's answer to GetCallerIdentity for a caller in account 111111111111. */
    public static Answer callerIdentity() {
        return Answer.of(200, "text/xml", "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<GetCallerIdentityResult><Account>111111111111</Account></GetCallerIdentityResult>"
                + "</GetCallerIdentityResponse>");
    }

    private void handle(HttpExchange exchange, Function<Request, Answer> answers) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String operation = body.startsWith("Action=") ? body.substring(7).split("&", 2)[0]
                    : exchange.getRequestURI().getPath();
            Request request = new Request(operation, Map.copyOf(exchange.getRequestHeaders()), body);
            requests.add(request);
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            Answer answer = answers.apply(request);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests asked for this operation (an STS action, or an Image Builder path). */
    public int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
