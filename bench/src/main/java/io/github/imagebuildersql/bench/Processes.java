package io.github.imagebuildersql.bench;

import io.github.imagebuildersql.cli.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the jar as a separate process and times it from launch to first stdout row and to exit. */
final class Processes {
    private Processes() {}

    record Run(int exit, long lines, double firstRowMs, double totalMs, String err) {}

    static Run run(Path jar, List<String> jvmOptions, Map<String, String> env, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if ("off".equals(env.get(Benchmarks.LAUNCHER_SWITCH))) {
            command.addAll(LAUNCHERS_FLAGS);
        }
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return run(command, env);
    }

    /**
     * A measured process runs in one JVM (the launcher switched off, see Benchmarks.env), with the flags the
     * launcher gives the JVM it starts, so that it measures what `java -jar` runs.
     */
    static final List<String> LAUNCHERS_FLAGS = Launcher.flagsForThisMachine();

    static Run run(List<String> command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        try {
            long start = System.nanoTime();
            Process p = pb.start();
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long lines = 0;
            long firstRow = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                while (out.readLine() != null) {
                    lines++;
                    if (lines == 2) { // a header, then the first row
                        firstRow = System.nanoTime();
                    }
                }
            }
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            long end = System.nanoTime();
            return new Run(p.exitValue(), lines, firstRow == 0 ? Double.NaN : (firstRow - start) / 1e6,
                    (end - start) / 1e6, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
