package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The packaged jar, run as a separate process exactly as a user or cron runs it. */
final class Jar {
    static final Path FILE = Path.of("target", "imagebuilder-jdbc.jar");
    /**
     * Where the jar keeps its class archive in these tests: one for the whole run, so most runs go through
     * the re-execution with the archive, as a user's do, and none touches the real home directory.
     */
    static final Path CACHE = Path.of("target", "it-cache").toAbsolutePath();

    record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Jar() {}

    static Result run(String... args) {
        return run(List.of(), Map.of(), null, args);
    }

    /** Starts the jar without waiting, for tests that act while it runs. */
    static Process start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        return start(ProcessHandle.current().info().command().orElse("java"), jvmOptions, env, args);
    }

    /** Starts the jar on the JVM of the given java command. */
    static Process start(String java, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(FILE.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("XDG_CACHE_HOME", CACHE.toString());
        pb.environment().remove(Launcher.SWITCH);
        pb.environment().putAll(env);
        return pb.start();
    }

    static Result run(List<String> jvmOptions, Map<String, String> env, String stdin, String... args) {
        return runOn(ProcessHandle.current().info().command().orElse("java"), jvmOptions, env, stdin, args);
    }

    static Result runOn(String java, List<String> jvmOptions, Map<String, String> env, String stdin, String... args) {
        try {
            Process p = start(java, jvmOptions, env, args);
            return finish(p, stdin);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds stdin, waits for the process and collects its output. */
    static Result finish(Process p, String stdin) {
        try {
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + p.info().commandLine().orElse("the jar"));
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
