package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;

/** The packaged jar, started as a user starts it. */
class StandaloneJarIT {
    static final Path JAR = Path.of("target", "imagebuilder-emulator.jar");
    static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    @Test
    void servesAFixtureFileAndPrintsExactlyOneLine(@TempDir Path dir) throws Exception {
        Path fixture = dir.resolve("estate.json");
        Files.writeString(fixture, """
                {"credentials": {"accessKeyId": "AKIAJARTEST", "secretAccessKey": "jar-secret", "account": "123456789012"},
                 "accounts": {"123456789012": {"regions": {"eu-west-1": {"imagePipelines": [
                   {"arn": "arn:aws:imagebuilder:eu-west-1:123456789012:image-pipeline/web", "name": "web", "status": "ENABLED"}]}}}}}
                """);
        Process p = start("--fixture", fixture.toString(), "--port", "0", "--latency-ms", "5", "--seed", "3");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Matcher m = LISTENING.matcher(out.readLine());
            assertTrue(m.matches());
            try (ImagebuilderClient ib = ImagebuilderClient.builder().endpointOverride(URI.create(m.group(1)))
                    .region(Region.EU_WEST_1).httpClientBuilder(ApacheHttpClient.builder())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAJARTEST", "jar-secret"))).build()) {
                assertEquals("web", ib.listImagePipelines(r -> { }).imagePipelineList().get(0).name());
            }
            p.toHandle().destroy(); // SIGTERM, as a user's Ctrl-C; Process.destroy() would close our end of stdout
            assertEquals(List.of(), out.lines().toList(), "nothing but the one line on stdout");
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void servesAGeneratedEstate() throws Exception {
        Process p = start("--generate", "accounts=2,regions=1,pipelines=3,workflows=0");
        try {
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(LISTENING.matcher(line).matches(), line);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void badFlagsExitWithTwoAndOneLineNamingTheProblem(@TempDir Path dir) throws Exception {
        assertFailure(List.of("--throttle-rate", "2"), "throttle rate");
        assertFailure(List.of("--rate-limit", "-1"), "--rate-limit must not be negative");
        assertFailure(List.of("--fixture", dir.resolve("missing.json").toString()), "fixture file not found");
        assertFailure(List.of("--generate", "accounts=two"), "accounts must be a whole number");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"credentials\": ");
        assertFailure(List.of("--fixture", broken.toString()), "is not valid JSON");
    }

    @Test
    void helpListsTheFlags() throws Exception {
        Process p = start("--help");
        String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        for (String flag : List.of("--fixture", "--generate", "--port", "--latency-ms", "--throttle-rate",
                "--error-rate", "--rate-limit", "--seed")) {
            assertTrue(help.contains(flag), flag);
        }
    }

    private static void assertFailure(List<String> args, String expected) throws Exception {
        Process p = start(args.toArray(String[]::new));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), err);
        List<String> lines = err.lines().toList();
        assertTrue(lines.get(0).contains(expected), err);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ")), "no stack trace: " + err);
    }

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
