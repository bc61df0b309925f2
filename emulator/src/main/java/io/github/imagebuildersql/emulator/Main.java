package io.github.imagebuildersql.emulator;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar imagebuilder-emulator.jar --fixture FILE [--port 0] ...}: serves until stopped. */
@Command(name = "imagebuilder-emulator", mixinStandardHelpOptions = true, version = "imagebuilder-emulator 0.1",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"A local EC2 Image Builder, STS and Organizations endpoint on 127.0.0.1 that speaks the AWS "
                + "wire protocols (rest-json, query/XML, JSON 1.1) and verifies SigV4 signatures.",
                "Prints 'listening on http://127.0.0.1:PORT' once it accepts connections, then serves until "
                + "stopped. Without --fixture or --generate it serves the bundled sample estate."},
        exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
public final class Main implements Callable<Integer> {

    @Option(names = "--fixture", paramLabel = "FILE", description = "Estate to serve (JSON; see docs/emulator.md).")
    private Path fixture;

    @Option(names = "--generate", paramLabel = "SPEC",
            description = "Generate an estate instead: accounts=A,regions=R,pipelines=P,workflows=W[,seed=S]"
                    + "[,images=I,components=C,findings=F,lifecyclePolicies=L[,packages=K,workflowExecutions=1,"
                    + "lifecycleExecutions=E]][,varied=1]; varied=1 leaves every 6th account × region partition empty "
                    + "and gives every 100th two more pages of pipelines.")
    private String generate;

    @Option(names = "--port", defaultValue = "0", description = "Port on 127.0.0.1; 0 picks a free one (default).")
    private int port;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "N",
            description = "Added to every request, with +-20%% jitter.")
    private long latencyMs;

    @Option(names = "--throttle-rate", defaultValue = "0", paramLabel = "P",
            description = "Share of requests refused as throttled (Image Builder: 429 CallRateLimitExceededException; "
                    + "STS: Throttling).")
    private double throttleRate;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "P",
            description = "Share of requests failed with 503 ServiceUnavailableException.")
    private double errorRate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the fault draws.")
    private long seed;

    @Option(names = "--session-ttl-seconds", paramLabel = "N",
            description = "Lifetime of credentials AssumeRole issues, whatever the caller asks for.")
    private Long sessionTtlSeconds;

    @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "N",
            description = "Image Builder requests per second per account and region (a token bucket of N); beyond it "
                    + "429 CallRateLimitExceededException. 0: no limit (default).")
    private int rateLimit;

    @Override
    public Integer call() throws Exception {
        if (fixture != null && generate != null) {
            throw new IllegalArgumentException("give --fixture or --generate, not both");
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("--latency-ms must not be negative, got " + latencyMs);
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("--rate-limit must not be negative, got " + rateLimit);
        }
        if (sessionTtlSeconds != null && sessionTtlSeconds < 1) {
            throw new IllegalArgumentException("--session-ttl-seconds must be at least 1, got " + sessionTtlSeconds);
        }
        Fixture estate = fixture != null ? Fixture.load(fixture)
                : generate != null ? EstateGenerator.generate(generate) : Fixture.sampleEstate();
        EmulatorOptions options = new EmulatorOptions(port, Duration.ofMillis(latencyMs), throttleRate, errorRate,
                seed, sessionTtlSeconds == null ? null : Duration.ofSeconds(sessionTtlSeconds), rateLimit);
        Emulator emulator = Emulator.start(estate, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("listening on " + emulator.endpoint());
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String message = e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                    ? e.getMessage() : e.toString();
            cmd.getErr().println("imagebuilder-emulator: " + message);
            return 2;
        });
        System.exit(cli.execute(args));
    }
}
