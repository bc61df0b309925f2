package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.emulator.CallStats;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Case 12 of BENCHMARKS.md (bench/trino runs it on its own): an organisation of 2,000 accounts × 20 regions (the
 * generator's varied estate) at 25 ms a call, scanned org-wide by {@code count(*)} and {@code select *} of
 * pipelines through the JDBC driver in this JVM, and through a real Trino 476 server (a coordinator that runs no
 * split, and 1, then 2 worker processes, then 2 that run more splits at once): calls exactly, wall time against the latency bound, requests in flight
 * at the emulator, each worker's peak threads, resident memory and CPU from /proc, and where the time goes.
 * Writes the section's markdown to the file named by its first argument.
 */
public final class TrinoBench {
    static final String SPEC = "accounts=2000,regions=20,pipelines=1,workflows=0,varied=1";
    static final Duration LATENCY = Duration.ofMillis(25);
    static final int MAX_CONCURRENCY = 32;
    static final List<String> QUERIES = List.of("select count(*) from imagebuilder_image_pipeline",
            "select * from imagebuilder_image_pipeline");

    /** One query's figures. */
    record Run(String engine, String sql, long rows, long wallMillis, Map<String, Long> calls, int peakInFlight,
            List<ProcessFigures> workers, double coordinatorCpuSeconds) {
        long imagebuilderCalls() {
            return calls.entrySet().stream().filter(e -> !e.getKey().equals("AssumeRole")
                    && !e.getKey().equals("ListAccounts")).mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** A process's peaks while a query ran, and the CPU it spent. */
    record ProcessFigures(long peakRssKb, int peakThreads, double cpuSeconds) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "trino/target/BENCHMARKS-trino.md");
        EstateGenerator.Spec spec = EstateGenerator.parseSpec(SPEC);
        List<String> regions = EstateGenerator.REGIONS.subList(0, spec.regions());
        List<Run> runs = new ArrayList<>();
        double load = loadAverage();
        try (Emulator emulator = Emulator.start(EstateGenerator.generate(spec),
                EmulatorOptions.defaults().withLatency(LATENCY))) {
            Map<String, String> catalog = new LinkedHashMap<>();
            catalog.put("endpoint", emulator.endpoint().toString());
            catalog.put("accounts", "org");
            catalog.put("roleName", "Reader");
            catalog.put("regions", String.join(",", regions));
            catalog.put("maxConcurrency", String.valueOf(MAX_CONCURRENCY));
            String url = String.join(";", catalog.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            if (Boolean.parseBoolean(System.getProperty("bench.jdbc", "true"))) {
                try (IsolatedJdbcDriver jdbc = new IsolatedJdbcDriver()) {
                    for (String sql : QUERIES) {
                        runs.add(measure("JDBC driver", sql, emulator.stats(), List.of(), Optional.empty(),
                                () -> jdbc.query(url, sql).size()));
                    }
                }
            }
            // WORKERS[:MIN_DRIVERS]: Trino's default runs at least 2 x 2 x cores splits at once per worker
            for (String cluster : System.getProperty("bench.clusters", "1,2,2:" + MAX_CONCURRENCY).split(",")) {
                int workers = Integer.parseInt(cluster.split(":")[0]);
                List<String> workerConfig = cluster.contains(":")
                        ? List.of("task.min-drivers=" + cluster.split(":")[1]) : List.of();
                String engine = "Trino, " + workers + (workers == 1 ? " worker" : " workers")
                        + (workerConfig.isEmpty() ? "" : ", `" + workerConfig.get(0) + "`");
                System.err.println("starting " + engine);
                List<String> jvm = new ArrayList<>(List.of("-Daws.accessKeyId=" + EstateGenerator.ACCESS_KEY_ID,
                        "-Daws.secretAccessKey=" + EstateGenerator.SECRET_ACCESS_KEY, "-Daws.region=us-east-1",
                        "-Daws.disableEc2Metadata=true"));
                if (Boolean.getBoolean("bench.jfr")) { // where each node's CPU goes: node/data/node.jfr
                    jvm.add("-XX:StartFlightRecording=filename=node.jfr,settings=profile");
                }
                try (TrinoServer server = TrinoServer.start(Path.of("trino", "target", "trino-bench"),
                        Map.of(TrinoCluster.CATALOG, catalog), workers, jvm, workerConfig)) {
                    for (String sql : QUERIES) {
                        runs.add(measure(engine, sql, emulator.stats(),
                                server.workers().stream().map(TrinoBench::jvmOf).toList(),
                                Optional.of(jvmOf(server.coordinator())), () -> count(server, sql)));
                    }
                }
            }
        }
        String markdown = markdown(spec, runs, load);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown);
        System.out.print(markdown);
    }

    private static long count(TrinoServer server, String sql) {
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    interface Query {
        long rows() throws Exception;
    }

    private static Run measure(String engine, String sql, CallStats stats, List<ProcessHandle> workers,
            Optional<ProcessHandle> coordinator, Query query) throws Exception {
        stats.reset();
        List<Sampler> samplers = workers.stream().map(Sampler::new).toList();
        Optional<Sampler> coordinatorSampler = coordinator.map(Sampler::new);
        samplers.forEach(Sampler::start);
        coordinatorSampler.ifPresent(Sampler::start);
        long start = System.nanoTime();
        long rows = query.rows();
        long wall = (System.nanoTime() - start) / 1_000_000;
        List<ProcessFigures> figures = samplers.stream().map(Sampler::stop).toList();
        double coordinatorCpu = coordinatorSampler.map(s -> s.stop().cpuSeconds()).orElse(0.0);
        Map<String, Long> calls = new TreeMap<>();
        stats.toJson().get("total").fields().forEachRemaining(e -> calls.put(e.getKey(), e.getValue().asLong()));
        System.err.println(engine + " | " + sql + " | " + rows + " rows | " + wall + " ms | " + calls + " | peak in flight "
                + stats.peakInFlight() + " | " + figures);
        return new Run(engine, sql, rows, wall, calls, stats.peakInFlight(), figures, coordinatorCpu);
    }

    /** The JVM a node's launcher started: the launcher itself when it exec'd java, else its child. */
    private static ProcessHandle jvmOf(ProcessHandle launcher) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(launcher), launcher.descendants())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst()
                .orElse(launcher);
    }

    /** Samples a process's /proc status every 50 ms until stopped. */
    private static final class Sampler {
        private final ProcessHandle process;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private CompletableFuture<long[]> peaks;
        private double cpuBefore;

        Sampler(ProcessHandle process) {
            this.process = process;
        }

        void start() {
            cpuBefore = cpuSeconds(process.pid());
            peaks = CompletableFuture.supplyAsync(() -> {
                long rss = 0;
                long threads = 0;
                while (running.get()) {
                    long[] now = status(process.pid());
                    rss = Math.max(rss, now[0]);
                    threads = Math.max(threads, now[1]);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                return new long[] {rss, threads};
            });
        }

        ProcessFigures stop() {
            running.set(false);
            long[] p = peaks.join();
            return new ProcessFigures(p[0], (int) p[1], cpuSeconds(process.pid()) - cpuBefore);
        }
    }

    /** VmRSS in kB and Threads, from /proc/PID/status. */
    private static long[] status(long pid) {
        long rss = 0;
        long threads = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", ""));
                } else if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended: no sample
        }
        return new long[] {rss, threads};
    }

    /** User and system CPU of a process, from /proc/PID/stat (clock ticks of 10 ms). */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static String markdown(EstateGenerator.Spec spec, List<Run> runs, double load) {
        long partitions = (long) spec.accounts() * spec.regions();
        StringBuilder md = new StringBuilder();
        md.append("## 12. Trino: 2000 accounts × 20 regions\n\n");
        md.append("`accounts=org` over ").append(partitions).append(" partitions (").append(SPEC)
                .append("), ").append(LATENCY.toMillis()).append(" ms latency, maxConcurrency ").append(MAX_CONCURRENCY)
                .append(". The JDBC driver in the benchmark's JVM (with the emulator), a new connection per query; a "
                        + "Trino 476 server from its tarball (`bench/trino`), a coordinator that runs no split and 1 "
                        + "or 2 worker processes (`-Xmx1G`; Trino's default `task.min-drivers` on 2 cores is 8, the "
                        + "least splits a worker runs at once), each query through Trino's JDBC driver, count(*) "
                        + "first (the workers assume every role), then select *. One run each, load average ")
                .append(String.format("%.1f", load)).append(" at the start (other builds on the 2 cores). "
                        + "Bound = Image Builder calls ÷ (maxConcurrency × workers) × latency, plus the organisation's "
                        + "ListAccounts pages in series. On 2 cores this shows correctness, spreading and calls in "
                        + "flight, not speed-up: the workers share the machine's CPU.\n\n");
        md.append("| engine | query | rows | calls (Image Builder / ListAccounts / AssumeRole) | wall | bound | peak "
                + "in flight | per worker: peak threads, peak RSS, CPU | coordinator CPU |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            int workers = Math.max(1, r.workers().size());
            long bound = r.imagebuilderCalls() * LATENCY.toMillis() / ((long) MAX_CONCURRENCY * workers)
                    + r.calls().getOrDefault("ListAccounts", 0L) * LATENCY.toMillis();
            StringBuilder perWorker = new StringBuilder();
            for (ProcessFigures w : r.workers()) {
                perWorker.append(perWorker.isEmpty() ? "" : "; ").append(w.peakThreads()).append(", ")
                        .append(w.peakRssKb() / 1024).append(" MB, ").append(String.format("%.1f s", w.cpuSeconds()));
            }
            md.append("| ").append(r.engine()).append(" | `").append(r.sql().replace("imagebuilder_image_pipeline", "…"))
                    .append("` | ").append(r.rows()).append(" | ").append(r.imagebuilderCalls()).append(" / ")
                    .append(r.calls().getOrDefault("ListAccounts", 0L)).append(" / ")
                    .append(r.calls().getOrDefault("AssumeRole", 0L)).append(" | ").append(r.wallMillis())
                    .append(" ms | ").append(bound).append(" ms | ").append(r.peakInFlight()).append(" | ")
                    .append(perWorker.isEmpty() ? "(in the benchmark's JVM)" : perWorker).append(" | ")
                    .append(r.workers().isEmpty() ? "" : String.format("%.1f s", r.coordinatorCpuSeconds()))
                    .append(" |\n");
        }
        return md.toString();
    }
}
