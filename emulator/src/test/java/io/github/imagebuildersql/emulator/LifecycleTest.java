package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

class LifecycleTest {

    @Test
    void stoppingLeavesNoThreadsAndClosesThePort() throws Exception {
        Emulator emulator = Emulator.start(Fixture.sampleEstate());
        try (ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            assertEquals(3, ib.listImagePipelines(r -> { }).imagePipelineList().size());
        }
        var endpoint = emulator.endpoint();
        emulator.close();

        assertEquals(List.of(), emulatorThreads());
        assertThrows(ConnectException.class, () -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(endpoint.resolve("/_emulator/stats")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void twoEmulatorsRunSideBySideOnTheirOwnPorts() throws Exception {
        try (Emulator a = Emulator.start(Fixture.sampleEstate()); Emulator b = Emulator.start(Fixture.sampleEstate())) {
            assertEquals(false, a.port() == b.port());
        }
    }

    private static List<String> emulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("emulator-") || n.equals("HTTP-Dispatcher")).toList();
    }
}
