package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.config.ConnectorConfig;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code demo=true}: the emulator, in this JVM, serving the bundled sample estate (an organisation of four
 * accounts, one suspended, in three regions), started for one connection and stopped when it closes. The
 * connection uses the estate's own credentials, never the JVM's or the environment's, so a BI tool with
 * real AWS connections open beside it is not affected. The emulator is an optional dependency of the
 * connector: the driver jar ships it; a connector used without it says so.
 */
final class DemoEstate implements AutoCloseable {
    static final String ROLE = "ImageBuilderInventoryRole";
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");

    private final Emulator emulator;
    private final ConnectorConfig config;

    private DemoEstate(Emulator emulator, ConnectorConfig config) {
        this.emulator = emulator;
        this.config = config;
    }

    /** Starts the demo estate's emulator for a connection configured with {@code demo=true}. */
    static DemoEstate start(ConnectorConfig requested) {
        Fixture estate;
        Emulator emulator;
        try {
            estate = Fixture.sampleEstate();
            emulator = Emulator.start(estate);
        } catch (IOException e) {
            throw new UncheckedIOException("demo: the demo estate's emulator could not start: " + e.getMessage(), e);
        }
        return new DemoEstate(emulator, requested.onDemoEstate(emulator.endpoint(),
                AwsBasicCredentials.create(estate.credentials().accessKeyId(), estate.credentials().secretAccessKey()),
                ROLE, REGIONS));
    }

    ConnectorConfig config() {
        return config;
    }

    @Override
    public void close() {
        emulator.close();
    }
}
