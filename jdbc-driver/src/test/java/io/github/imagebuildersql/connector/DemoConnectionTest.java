package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;

/** {@code demo=true}: the demo estate over JDBC, with nothing else configured and nothing left running. */
class DemoConnectionTest {
    private static final List<String> AWS_SETTINGS = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region");

    @Test
    void theDemoEstateNeedsNoCredentialsAndLeavesNothingRunning() throws Exception {
        Map<String, String> saved = AWS_SETTINGS.stream().filter(k -> System.getProperty(k) != null)
                .collect(Collectors.toMap(k -> k, System::getProperty));
        AWS_SETTINGS.forEach(System::clearProperty);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        URI endpoint;
        try (Connection c = DriverManager.getConnection("jdbc:imagebuilder:demo=true")) {
            endpoint = c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get(ImageBuilderSchema.NAME)
                    .unwrap(ImageBuilderSchema.class).config().endpoint();
            assertEquals(FixtureCounts.samplePipelines(), EmulatedAws.column(c, "select count(*) from imagebuilder_image_pipeline")
                    .get(0));
            assertEquals(List.of("FAILED"), EmulatedAws.column(c, "select distinct last_run_status from "
                    + "imagebuilder_image_pipeline where name = 'spark-emr-custom'"));
        } finally {
            saved.forEach(System::setProperty);
        }
        assertThrows(IOException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(),
                "the emulator's port is closed");
        Set<String> left = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && t.getName().startsWith("emulator-"))
                .map(Thread::getName).collect(Collectors.toSet());
        assertEquals(Set.of(), left, "emulator threads left running");
    }

    @Test
    void userPropertiesApplyOnTopOfTheDemo() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:imagebuilder:demo=true;regions=eu-west-1")) {
            assertEquals(List.of("222222222222"), EmulatedAws.column(c,
                    "select distinct account_id from imagebuilder_image_pipeline"));
        }
    }

    @Test
    void theDemoRefusesAnEndpointOrProfileInOneLine() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:imagebuilder:demo=true;endpoint=http://127.0.0.1:1"));
        assertTrue(e.getMessage().startsWith("demo: "), e.getMessage());
        assertEquals("08001", e.getSQLState());
    }
}
