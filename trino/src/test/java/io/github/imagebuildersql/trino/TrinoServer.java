package io.github.imagebuildersql.trino;

import io.trino.jdbc.TrinoDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A Trino 476 cluster of separate processes, a coordinator and one worker: the server tarball ({@code
 * trino.server.tarball}) unpacked, the built plugin directory copied in as {@code plugin/imagebuilder/}, the
 * same catalog files on both nodes, each started with the tarball's own launcher. What a user does, and the only
 * place where the plugin gets its own class loader.
 */
final class TrinoServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Path work;
    private final Path home;
    private final int port = freePort();
    private final List<Process> nodes = new ArrayList<>();
    /** Lines added to every node's jvm.config. */
    private final List<String> jvmFlags;

    private TrinoServer(Path work, List<String> jvmFlags) {
        this.work = work.toAbsolutePath();
        this.home = this.work.resolve("server");
        this.jvmFlags = jvmFlags;
    }

    /**
     * Starts a coordinator and a worker, and returns once the worker has joined.
     *
     * @param catalogs each catalog's name and its properties but connector.name
     */
    static TrinoServer start(Path work, Map<String, Map<String, String>> catalogs) throws Exception {
        return start(work, catalogs, 1, List.of(), List.of());
    }

    /**
     * @param workers how many worker nodes besides the coordinator, which runs no split
     * @param jvmFlags lines added to every node's jvm.config
     * @param workerConfig lines added to each worker's config.properties
     */
    static TrinoServer start(Path work, Map<String, Map<String, String>> catalogs, int workers, List<String> jvmFlags,
            List<String> workerConfig) throws Exception {
        deleteTree(work);
        TrinoServer server = new TrinoServer(work, jvmFlags);
        try {
            server.unpack(Path.of(System.getProperty("trino.server.tarball")));
            server.installPlugin(Path.of(System.getProperty("imagebuilder.plugin.directory")));
            server.startNode("coordinator", catalogs, "coordinator=true", "node-scheduler.include-coordinator=false",
                    "http-server.http.port=" + server.port);
            for (int i = 1; i <= workers; i++) {
                List<String> config = new ArrayList<>(List.of("coordinator=false", "http-server.http.port=" + freePort()));
                config.addAll(workerConfig);
                server.startNode("worker" + (workers == 1 ? "" : i), catalogs, config.toArray(String[]::new));
            }
            server.awaitActiveNodes(1 + workers);
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    ProcessHandle coordinator() {
        return nodes.get(0).toHandle();
    }

    /** The worker nodes' processes (the launcher runs the JVM in its own process). */
    List<ProcessHandle> workers() {
        return nodes.subList(1, nodes.size()).stream().map(Process::toHandle).toList();
    }

    /** What a node ({@code coordinator}, {@code worker}) has logged so far: {@code launcher run} logs to the console. */
    List<String> log(String node) {
        try {
            return Files.readAllLines(work.resolve(node).resolve("console.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connect() throws SQLException {
        Properties user = new Properties();
        user.setProperty("user", "imagebuilder-it");
        user.setProperty("timezone", "UTC");
        return new TrinoDriver().connect("jdbc:trino://127.0.0.1:" + port + "/" + TrinoCluster.CATALOG + "/"
                + TrinoTables.SCHEMA, user);
    }

    /** GNU and BSD tar both restore the tarball's hard links. */
    private void unpack(Path tarball) throws IOException, InterruptedException {
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "--strip-components=1", "-C",
                home.toString()).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar could not unpack " + tarball + ": exit code " + tar.exitValue());
        }
    }

    private void installPlugin(Path built) throws IOException {
        Path installed = Files.createDirectories(home.resolve("plugin").resolve("imagebuilder"));
        try (Stream<Path> jars = Files.list(built)) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, installed.resolve(jar.getFileName()));
            }
        }
    }

    private void startNode(String name, Map<String, Map<String, String>> catalogs, String... config)
            throws IOException {
        Path etc = work.resolve(name).resolve("etc");
        Path data = work.resolve(name).resolve("data");
        Files.createDirectories(etc.resolve("catalog"));
        Files.createDirectories(data);
        List<String> configLines = new ArrayList<>(List.of(config));
        configLines.add("discovery.uri=http://127.0.0.1:" + port);
        Files.write(etc.resolve("config.properties"), configLines);
        Files.write(etc.resolve("node.properties"), List.of("node.environment=imagebuilder_it", "node.id=" + name,
                "node.internal-address=127.0.0.1"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx1G", "-XX:+EnableDynamicAgentLoading",
                "-Djdk.attach.allowAttachSelf=true", "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow"));
        jvm.addAll(jvmFlags);
        Files.write(etc.resolve("jvm.config"), jvm);
        for (Map.Entry<String, Map<String, String>> catalog : catalogs.entrySet()) {
            Files.write(etc.resolve("catalog").resolve(catalog.getKey() + ".properties"),
                    Stream.concat(Stream.of("connector.name=" + ImageBuilderConnectorFactory.NAME),
                            catalog.getValue().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())).toList());
        }
        ProcessBuilder launcher = new ProcessBuilder(home.resolve("bin/launcher").toString(), "run",
                "--etc-dir=" + etc, "--data-dir=" + data)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name).resolve("console.log").toFile());
        // the JDK the tests run on is the one the module is built for
        launcher.environment().put("JAVA_HOME", System.getProperty("java.home"));
        nodes.add(launcher.start());
    }

    private void awaitActiveNodes(int expected) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            for (Process node : nodes) {
                if (!node.isAlive()) {
                    throw new IllegalStateException("a Trino node exited with " + node.exitValue() + "; see "
                            + work + "/*/console.log");
                }
            }
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from system.runtime.nodes where state = 'active'")) {
                rs.next();
                if (rs.getLong(1) == expected) {
                    return;
                }
            } catch (SQLException e) {
                last = e; // not listening yet, or still starting up
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Trino's " + expected + " nodes were not active within " + STARTUP + "; see "
                + work + "/*/console.log", last);
    }

    @Override
    public void close() {
        for (Process node : nodes) {
            node.descendants().forEach(ProcessHandle::destroy);
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                node.destroyForcibly();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
