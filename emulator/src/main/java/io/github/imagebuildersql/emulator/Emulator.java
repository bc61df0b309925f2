package io.github.imagebuildersql.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.imagebuildersql.emulator.auth.CredentialStore;
import io.github.imagebuildersql.emulator.auth.Identity;
import io.github.imagebuildersql.emulator.auth.SigV4Verifier;
import io.github.imagebuildersql.emulator.auth.SignedRequest;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.service.ImageBuilderService;
import io.github.imagebuildersql.emulator.service.OrganizationsService;
import io.github.imagebuildersql.emulator.service.Service;
import io.github.imagebuildersql.emulator.service.ServiceModel;
import io.github.imagebuildersql.emulator.service.StsService;
import io.github.imagebuildersql.emulator.wire.AwsError;
import io.github.imagebuildersql.emulator.wire.HttpRequest;
import io.github.imagebuildersql.emulator.wire.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A local endpoint for EC2 Image Builder, STS and Organizations on 127.0.0.1. One port serves all
 * three: a request finds its service by the signing name in its SigV4 credential scope, as the SDK
 * sends it whatever endpoint it is pointed at.
 */
public final class Emulator implements AutoCloseable {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add ~40 ms to every keep-alive request, which would swamp injected latency.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Fixture fixture;
    private final HttpServer server;
    private final ExecutorService workers;
    private final CallStats stats = new CallStats();
    private final FaultInjector faults;
    private final RateLimits rateLimits;
    private final CredentialStore credentials;
    private final SigV4Verifier verifier;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final AtomicReference<Duration> clockOffset = new AtomicReference<>(Duration.ZERO);
    private final java.util.Queue<Thread> workerThreads = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private Emulator(Fixture fixture, EmulatorOptions options) throws IOException {
        this.fixture = fixture;
        this.faults = new FaultInjector(options);
        this.rateLimits = new RateLimits(options.rateLimit());
        this.credentials = new CredentialStore(fixture.credentials());
        this.verifier = new SigV4Verifier(credentials);
        for (Service s : List.of(new ImageBuilderService(fixture, ServiceModel.imageBuilder(), stats::fault),
                new StsService(fixture, credentials, this::now, options.sessionTtl()),
                new OrganizationsService(fixture))) {
            services.put(s.signingName(), s);
        }
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulator-" + instance + "-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            workerThreads.removeIf(old -> !old.isAlive());
            workerThreads.add(t);
            return t;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 512);
        server.createContext("/", this::exchange);
        server.setExecutor(workers);
        server.start();
        workers.execute(Emulator::loadDateHeaderNames);
    }

    /**
     * The JDK's server writes every response's Date header with day, month and zone names from the
     * locale data, which the first response of a JVM loads (some 20 ms): a worker loads them as soon as
     * the server starts, so that no client waits for it.
     */
    private static void loadDateHeaderNames() {
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US).withZone(ZoneId.of("GMT"))
                .format(Instant.now());
    }

    /** Starts an emulator; it accepts connections when this returns. */
    public static Emulator start(Fixture fixture, EmulatorOptions options) throws IOException {
        return new Emulator(fixture, options);
    }

    public static Emulator start(Fixture fixture) throws IOException {
        return start(fixture, EmulatorOptions.defaults());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Fixture fixture() {
        return fixture;
    }

    public CallStats stats() {
        return stats;
    }

    /**
     * Moves forward the clock temporary credentials expire by, so tests can see them expire without
     * waiting. Signatures are still judged against real time, as AWS judges them.
     */
    public void advanceClock(Duration by) {
        clockOffset.updateAndGet(d -> d.plus(by));
    }

    Instant now() {
        return Instant.now().plus(clockOffset.get());
    }

    /** Stops serving; when this returns, every thread the emulator started has ended. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
            for (Thread t : workerThreads) {
                t.join(TimeUnit.SECONDS.toMillis(10)); // a pool reports termination a moment before its threads end
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest request = read(exchange);
            Response response = request.rawPath().startsWith("/_emulator/") ? control(request) : serve(request);
            send(exchange, response);
        } catch (IOException e) {
            // a client gone away, or a response cut short on purpose: the connection is dropped either way
        }
    }

    /** Every temporary credential AssumeRole has issued (tests scan output for their secrets). */
    public java.util.List<io.github.imagebuildersql.emulator.auth.Identity> issuedCredentials() {
        return credentials.issued();
    }

    private Response serve(HttpRequest request) {
        SignedRequest signed = SignedRequest.parse(request);
        Service service = signed != null ? services.get(signed.service()) : guessService(request);
        if (service == null) {
            return Response.of(400, "application/json", "{\"message\":\"no emulated service signs as '"
                    + signed.service() + "'; expected one of " + services.keySet() + "\"}");
        }
        String operation = service.operation(request);
        Identity known = signed == null ? null : credentials.find(signed.accessKeyId());
        String partition = known == null ? null : known.account() + "/" + signed.region();
        stats.request(operation != null ? operation : "UnknownOperation", partition);
        // judged on arrival, as AWS counts a request when it comes in
        boolean admitted = !service.signingName().equals("imagebuilder") || rateLimits.admit(partition);
        try {
            faults.delay();
            Identity caller;
            try {
                caller = verifier.verify(request, signed, now(), Instant.now());
            } catch (SigV4Verifier.Refused refused) {
                throw service.refused(refused.failure(), refused.getMessage());
            }
            if (operation == null) {
                throw service.unknownOperation(request);
            }
            if (!admitted) {
                stats.fault("rateLimit");
                throw service.throttled();
            }
            switch (faults.draw()) {
                case THROTTLE -> {
                    stats.fault("throttle");
                    throw service.throttled();
                }
                case UNAVAILABLE -> {
                    stats.fault("unavailable");
                    throw service.unavailable();
                }
                case NONE -> { }
            }
            return service.handle(new Service.Call(operation, request, caller, signed.region()));
        } catch (AwsError e) {
            return service.render(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return service.render(service.unavailable());
        } catch (RuntimeException e) {
            return service.render(new AwsError("InternalFailure", 500, "emulator failure: " + e));
        } finally {
            stats.answered();
        }
    }

    /** Requests without a signature still get an error in the right protocol. */
    private Service guessService(HttpRequest request) {
        if (request.header("x-amz-target") != null) {
            return services.get("organizations");
        }
        String contentType = request.header("content-type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return services.get("sts");
        }
        return services.get("imagebuilder");
    }

    private Response control(HttpRequest request) {
        String route = request.method() + " " + request.rawPath();
        return switch (route) {
            case "GET /_emulator/stats" -> Response.of(200, "application/json", stats.toJson().toString());
            case "POST /_emulator/stats/reset" -> {
                stats.reset();
                yield Response.of(200, "application/json", stats.toJson().toString());
            }
            default -> Response.of(404, "application/json",
                    "{\"message\":\"unknown control route " + route + "; try GET /_emulator/stats\"}");
        };
    }

    private static HttpRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new HttpRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (response.cutShort()) {
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            throw new IOException("response cut short on purpose");
        }
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
