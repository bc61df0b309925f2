package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many queries and many connections: answers stay right, and threads, sockets and heap stay flat. */
class EnduranceTest {
    static final List<String> QUERIES = List.of(
            "select count(*) from imagebuilder_image_pipeline",
            "select name from imagebuilder_image_pipeline where account_id = '222222222222' order by name",
            "select count(*) from imagebuilder_workflow where type = 'BUILD'",
            "select name from imagebuilder_image_pipeline where arn = 'arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/ci-runner-al2023'");

    @Test
    void aThousandQueriesOnOneConnectionAndEightConnectionsAtOnceStayFlat() throws Exception {
        String[] props = {"accounts=org", "roleName=" + EmulatedAws.ROLE, "regions=us-east-1,eu-west-1"};
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate())) {
            List<List<List<Object>>> expected = new ArrayList<>();
            try (Connection c = aws.connect(props)) {
                for (String q : QUERIES) {
                    expected.add(EmulatedAws.query(c, q));
                }
            }
            Footprint before = Footprint.now();
            try (Connection c = aws.connect(props)) {
                for (int i = 0; i < 1000; i++) {
                    assertEquals(expected.get(i % QUERIES.size()), EmulatedAws.query(c, QUERIES.get(i % QUERIES.size())),
                            "query " + i);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    done.add(pool.submit(() -> {
                        try (Connection c = aws.connect(props)) {
                            for (int i = 0; i < 50; i++) {
                                try (PreparedStatement ps = c.prepareStatement(QUERIES.get(i % QUERIES.size()));
                                        ResultSet rs = ps.executeQuery()) {
                                    assertEquals(expected.get(i % QUERIES.size()), EmulatedAws.rows(rs));
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            Footprint.joinThreadsStartedSince(before);
            Footprint after = Footprint.now();
            assertTrue(after.threads() <= before.threads() + 4, "threads " + before.threads() + " -> " + after.threads()
                    + ": " + after.alive().stream().filter(t -> !before.alive().contains(t)).map(Thread::getName).toList());
            assertTrue(after.openFiles() <= before.openFiles() + 16, "open files " + before.openFiles() + " -> " + after.openFiles());
            assertTrue(after.heapMb() <= before.heapMb() + 64, "heap after GC " + before.heapMb() + " MB -> " + after.heapMb() + " MB");
        }
    }

    record Footprint(int threads, long openFiles, long heapMb, java.util.Set<Thread> alive) {
        /**
         * Threads started since {@code before} that are on their way out (pool workers, closed clients'
         * schedulers) are joined, so that what is counted afterwards is what stays.
         */
        static void joinThreadsStartedSince(Footprint before) throws InterruptedException {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.alive().contains(t) && !t.getName().startsWith("emulator-") && t != Thread.currentThread()) {
                    t.join(10_000);
                }
            }
        }

        static Footprint now() throws Exception {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            long open;
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                open = fds.count();
            }
            // The emulator serves from this JVM too; its own worker pool is not the connector's footprint.
            java.util.Set<Thread> alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.isAlive() && !t.getName().startsWith("emulator-"))
                    .collect(java.util.stream.Collectors.toSet());
            return new Footprint(alive.size(), open,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024), alive);
        }
    }
}
