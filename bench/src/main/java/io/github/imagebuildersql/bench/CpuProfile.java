package io.github.imagebuildersql.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a run's CPU goes, for the cases where 2 cores are the limit: the JVM's own execution samples
 * (JFR) of one run, each charged to the first frame that is not the JDK's (a socket write is charged to
 * the HTTP client that made it, a SHA-256 round to the signer), grouped by what that code does.
 */
final class CpuProfile {
    /** Package prefixes, most specific first, and what their code does in a scan. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("software.amazon.awssdk.http.auth", "SigV4 signing");
        AREAS.put("software.amazon.awssdk.auth", "SigV4 signing");
        AREAS.put("software.amazon.awssdk.http.apache", "HTTP client (Apache)");
        AREAS.put("io.github.imagebuildersql.shaded.apache", "HTTP client (Apache)");
        // the same client unshaded, as the benchmark's own JVM loads it
        AREAS.put("org.apache.http", "HTTP client (Apache)");
        AREAS.put("software.amazon.awssdk.protocols", "request and response (un)marshalling");
        AREAS.put("software.amazon.awssdk.thirdparty.jackson", "request and response (un)marshalling");
        AREAS.put("software.amazon.awssdk.services", "request and response (un)marshalling");
        AREAS.put("software.amazon.awssdk", "the SDK's request pipeline (interceptors, retries, metrics, timeouts)");
        AREAS.put("io.github.imagebuildersql.core", "core (partitions, calls, rows)");
        AREAS.put("io.github.imagebuildersql.connector", "Calcite adapter and JDBC driver");
        AREAS.put("org.apache.calcite", "Calcite and JDBC");
        AREAS.put("org.codehaus", "Calcite and JDBC");
    }

    private CpuProfile() {}

    /** Runs the task under a recording; returns each area's share of the samples of the threads chosen. */
    static Map<String, Double> of(Predicate<String> threadName, Runnable task) throws Exception {
        Path file = Files.createTempFile("bench-cpu", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            task.run();
            recording.stop();
            recording.dump(file);
            Map<String, Long> samples = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
                    .filter(e -> e.getThread("sampledThread") != null
                            && threadName.test(e.getThread("sampledThread").getJavaName()))
                    .collect(Collectors.groupingBy(CpuProfile::area, Collectors.counting()));
            long total = samples.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> shares = new LinkedHashMap<>();
            samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / total));
            return shares;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** "SigV4 signing 18%, …" */
    static String describe(Map<String, Double> shares) {
        return shares.entrySet().stream().map(e -> e.getKey() + " " + Math.round(e.getValue()) + "%")
                .collect(Collectors.joining(", "));
    }

    private static String area(RecordedEvent sample) {
        List<RecordedFrame> frames = sample.getStackTrace() == null ? List.of() : sample.getStackTrace().getFrames();
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                    || type.startsWith("com.sun.")) {
                continue;
            }
            return AREAS.entrySet().stream().filter(a -> type.startsWith(a.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("other libraries");
        }
        return "the JDK only (thread pools, GC barriers)";
    }
}
