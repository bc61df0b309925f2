package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.aws.Ahead;
import io.github.imagebuildersql.connector.aws.TaskResult;
import io.github.imagebuildersql.connector.config.ConnectorConfig;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code demo=true}: the emulator, in this JVM, serving the bundled sample estate (an organisation of four
 * accounts, one suspended, in three regions), started for one connection and stopped when it closes. The
 * connection uses the estate's own credentials, never the JVM's or the environment's, so a BI tool with
 * real AWS connections open beside it is not affected. The emulator is an optional dependency of the
 * connector: the driver jar ships it; a connector used without it says so.
 */
public final class DemoEstate implements AutoCloseable {
    static final String ROLE = "ImageBuilderInventoryRole";
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

    /** The emulator startAhead started, until a connection takes it; then TAKEN. */
    private static final AtomicReference<FutureTask<Emulator>> AHEAD = new AtomicReference<>();
    private static final FutureTask<Emulator> TAKEN = new FutureTask<>(() -> null);

    private final Emulator emulator;
    private final ConnectorConfig config;

    private DemoEstate(Emulator emulator, ConnectorConfig config) {
        this.emulator = emulator;
        this.config = config;
    }

    /** Starts the demo estate's emulator for a connection configured with {@code demo=true}. */
    static DemoEstate start(ConnectorConfig requested) throws InterruptedException {
        FutureTask<Emulator> ahead = AHEAD.getAndSet(TAKEN);
        Emulator emulator = ahead == null || ahead == TAKEN ? startEmulator() : TaskResult.get(ahead);
        Fixture estate = emulator.fixture();
        return new DemoEstate(emulator, requested.onDemoEstate(emulator.endpoint(),
                AwsBasicCredentials.create(estate.credentials().accessKeyId(), estate.credentials().secretAccessKey()),
                ROLE, REGIONS));
    }

    /**
     * Starts the emulator for the first demo connection of this JVM now, on a thread of its own: a
     * command line that knows it will connect to the demo starts it while it reads its arguments (a new JVM
     * takes about a quarter of a second to start it). Later demo connections start their own.
     */
    public static void startAhead() {
        FutureTask<Emulator> task = new FutureTask<>(DemoEstate::startEmulator);
        if (AHEAD.compareAndSet(null, task)) {
            Ahead.start("imagebuilder-demo-ahead", task);
        }
    }

    private static Emulator startEmulator() {
        try {
            return Emulator.start(Fixture.sampleEstate());
        } catch (IOException e) {
            throw new UncheckedIOException("demo: the demo estate's emulator could not start: " + e.getMessage(), e);
        }
    }

    ConnectorConfig config() {
        return config;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
