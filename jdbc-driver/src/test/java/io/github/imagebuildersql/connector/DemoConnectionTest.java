package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
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
    void sixConnectionsShareOneEmulatorAndTheLastToCloseStopsIt() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Connection> connections = new java.util.ArrayList<>();
        Set<URI> endpoints = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) { // SchemaCrawler opens six
            Connection c = DriverManager.getConnection("jdbc:imagebuilder:demo=true");
            connections.add(c);
            endpoints.add(c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get(ImageBuilderSchema.NAME)
                    .unwrap(ImageBuilderSchema.class).config().endpoint());
            assertEquals(FixtureCounts.samplePipelines(), EmulatedAws.column(c, "select count(*) from imagebuilder_image_pipeline")
                    .get(0));
        }
        assertEquals(1, endpoints.size(), "one emulator's endpoint: " + endpoints);
        assertEquals(1, emulatorInstances(before).size(), "emulators whose threads run: " + emulatorInstances(before));
        for (Connection c : connections.subList(0, 5)) {
            c.close();
        }
        URI endpoint = endpoints.iterator().next();
        new Socket(endpoint.getHost(), endpoint.getPort()).close(); // still served for the sixth
        assertEquals(1, EmulatedAws.column(connections.get(5), "select count(*) from imagebuilder_workflow").size());
        connections.get(5).close();
        assertThrows(IOException.class, () -> new Socket(endpoint.getHost(), endpoint.getPort()).close(),
                "the emulator's port is closed");
        assertEquals(Set.of(), emulatorInstances(before), "emulator threads left running");
    }

    /** The emulators whose threads ({@code emulator-N-...}) started since {@code before} and still run. */
    private static Set<String> emulatorInstances(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && t.getName().matches("emulator-\\d+-.*"))
                .map(t -> t.getName().split("-")[1]).collect(Collectors.toSet());
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
