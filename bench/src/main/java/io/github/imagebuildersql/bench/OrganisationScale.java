package io.github.imagebuildersql.bench;

import io.github.imagebuildersql.emulator.CallStats;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Case 9: {@code accounts=org} over a whole organisation, in process and as a {@code -Xmx256m} process:
 * time against the latency bound, threads, memory, close time and where the CPU goes; then the same
 * connector under AWS's per-account-and-region rate limits.
 */
final class OrganisationScale {
    /** Sizes: the organisations scanned (generator specs); the rate-limit estate; its rate. */
    record Sizes(List<String> organisations, int maxConcurrency, int runs, String rateEstate, int rate) {}

    /**
     * Issue 9's two organisations: 300 accounts × 16 regions (4,800 partitions, 6,400 pipelines) and 1,000
     * accounts × 20 regions (20,000 partitions), both varied: some partitions empty, some of several pages.
     */
    private static final Sizes FULL = new Sizes(List.of("accounts=300,regions=16,pipelines=1,workflows=0,varied=1",
            "accounts=1000,regions=20,pipelines=1,workflows=0,varied=1"), 64, 2,
            "accounts=4,regions=4,pipelines=1,workflows=40", 20);
    static final Sizes SMOKE = new Sizes(List.of("accounts=16,regions=20,pipelines=1,workflows=0,varied=1"), 16, 1,
            "accounts=2,regions=2,pipelines=1,workflows=6", 50);
    /** Issue 9: "Warm, it serves at least 2,000 requests per second per core". */
    private static final double EMULATOR_REQUESTS_PER_CPU_SECOND = 2000;
    private static final String SQL = "select count(*) from imagebuilder_image_pipeline";
    private static final String ROWS_SQL = "select arn from imagebuilder_image_pipeline";

    private final Benchmarks bench;
    private final Sizes sizes;

    OrganisationScale(Benchmarks bench) {
        this.bench = bench;
        this.sizes = bench.settings.name().equals("smoke") ? SMOKE : FULL;
    }

    void run() throws Exception {
        for (String organisation : sizes.organisations()) {
            organisation(EstateGenerator.parseSpec(organisation));
        }
        rateLimits();
    }

    private void organisation(EstateGenerator.Spec spec) throws Exception {
        int accounts = spec.accounts();
        int partitions = accounts * spec.regions();
        long pipelines = EstateGenerator.pipelineCount(spec);
        int latency = bench.settings.latencyMs();
        int mc = sizes.maxConcurrency();
        bench.report.section("9. Organisation scale: " + accounts + " accounts × " + spec.regions() + " regions",
                "`accounts=org` over " + partitions + " partitions, " + pipelines + " pipelines (" + shape(spec)
                        + "), " + latency + " ms latency, maxConcurrency " + mc + ". In process: `"
                        + ROWS_SQL + "`, a new connection per run after one warm-up run; CPU split by thread (the "
                        + "emulator's threads against the rest). As a process: `java -Xmx256m -jar … query '" + SQL
                        + "'`, its threads and "
                        + "resident memory sampled from /proc every 20 ms, heap after GC from its GC log. Bound = "
                        + "calls ÷ maxConcurrency × latency. Emulator requests per CPU-second = calls ÷ the "
                        + "emulator's threads' CPU seconds.");
        Fixture estate = EstateGenerator.generate(spec);
        try (Emulator emulator = Emulator.start(estate,
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(latency)))) {
            String url = "jdbc:imagebuilder:endpoint=" + emulator.endpoint() + ";accounts=org;roleName="
                    + Benchmarks.ROLE + ";regions=" + String.join(",",
                    EstateGenerator.REGIONS.subList(0, spec.regions())) + ";maxConcurrency=" + mc;
            scanInProcess(emulator, url, pipelines); // warm-up, not counted
            List<Double> wall = new ArrayList<>();
            List<Double> close = new ArrayList<>();
            List<Double> connectorCpu = new ArrayList<>();
            List<Double> emulatorCpu = new ArrayList<>();
            List<Double> threads = new ArrayList<>();
            List<Double> left = new ArrayList<>();
            List<Double> perCpuSecond = new ArrayList<>();
            long calls = 0;
            for (int i = 0; i < sizes.runs(); i++) {
                emulator.stats().reset();
                InProcess r = scanInProcess(emulator, url, pipelines);
                calls = emulator.stats().totalRequests();
                perCpuSecond.add(calls / (r.emulatorCpuMs() / 1000));
                wall.add(r.wallMs());
                close.add(r.closeMs());
                connectorCpu.add(r.connectorCpuMs() / 1000);
                emulatorCpu.add(r.emulatorCpuMs() / 1000);
                threads.add((double) r.peakThreads());
                left.add((double) r.threadsLeft());
            }
            double bound = Math.max(2.0 * latency, (double) calls / mc * latency);
            bench.counts.put("org" + accounts + ".calls", calls);
            long expected = expectedCalls(spec);
            bench.report.exact("API calls (AssumeRole per account, ListAccounts pages, ListImagePipelines pages)",
                    calls, expected + " expected",
                    Benchmarks.verdict(calls == expected));
            Samples in = Samples.of(wall);
            bench.report.row("wall time, in process", in, "ms", "bound " + Samples.fmt(bound) + " ms; target ≤ 1.5 × "
                    + "bound", Benchmarks.verdict(in.median() <= 1.5 * bound) + " (" + Samples.fmt(in.median() / bound)
                    + "× bound)");
            bench.report.row("CPU of the connector (and Calcite, JDBC), in process", Samples.of(connectorCpu), "s",
                    "2 cores × wall time = " + Samples.fmt(2 * in.median() / 1000) + " s", "");
            bench.report.row("CPU of the emulator, in process", Samples.of(emulatorCpu), "s", "", "");
            Samples served = Samples.of(perCpuSecond);
            bench.report.row("emulator requests per CPU-second, in process", served, "", "≥ "
                    + Samples.fmt(EMULATOR_REQUESTS_PER_CPU_SECOND) + " per core",
                    Benchmarks.verdict(served.median() >= EMULATOR_REQUESTS_PER_CPU_SECOND));
            Samples peak = Samples.of(threads);
            bench.report.row("peak connector threads, in process", peak, "", "≤ maxConcurrency + 64 = " + (mc + 64),
                    Benchmarks.verdict(peak.max() <= mc + 64));
            bench.report.row("connection close", Samples.of(close), "ms", "< 1000 ms",
                    Benchmarks.verdict(Samples.of(close).max() < 1000));
            bench.report.row("connector threads left after close", Samples.of(left), "", "0",
                    Benchmarks.verdict(Samples.of(left).max() == 0));
            Map<String, Double> cpu = CpuProfile.of(name -> !isEmulator(name), () -> {
                try {
                    scanInProcess(emulator, url, pipelines);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            bench.report.note("Where the CPU of the connector's threads goes in process (JFR's execution samples of "
                    + "one more run, not timed, each charged to its first frame outside the JDK): "
                    + CpuProfile.describe(cpu) + ".");
            asProcess(emulator, estate, url, bound, calls, Samples.of(connectorCpu).median());
        }
    }

    /** A scan's calls: AssumeRole per account, ListAccounts pages of 20, every page of every partition. */
    static long expectedCalls(EstateGenerator.Spec spec) {
        return spec.accounts() + (spec.accounts() + 19) / 20 + EstateGenerator.pipelinePages(spec);
    }

    /** How the spec's partitions differ, counted from the generator. */
    private static String shape(EstateGenerator.Spec spec) {
        if (!spec.varied()) {
            return spec.pipelines() + " in every partition";
        }
        int empty = 0;
        int severalPages = 0;
        for (int partition = 0; partition < spec.accounts() * spec.regions(); partition++) {
            int n = EstateGenerator.pipelinesIn(spec, partition);
            empty += n == 0 ? 1 : 0;
            severalPages += n > EstateGenerator.PIPELINE_PAGE ? 1 : 0;
        }
        int large = EstateGenerator.pipelinesIn(spec, 0); // partition 0 is one of the large ones
        return "`varied=1`: " + empty + " partitions empty, " + severalPages + " with " + large + " (" + (large
                + EstateGenerator.PIPELINE_PAGE - 1) / EstateGenerator.PIPELINE_PAGE + " pages of ListImagePipelines), "
                + "the rest with " + spec.pipelines();
    }

    /** The process CPU figures query --timing ends with. */
    static final Pattern PROCESS_CPU = Pattern.compile("process CPU: to scan-opened (\\d+) ms, in all (\\d+) ms");

    private record InProcess(double wallMs, double closeMs, double connectorCpuMs, double emulatorCpuMs,
            int peakThreads, int threadsLeft) {}

    private static InProcess scanInProcess(Emulator emulator, String url, long pipelines) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Set<Thread> before = Set.copyOf(allThreads());
        double emulatorBefore = emulatorCpuMs(mx);
        double processBefore = processCpuMs();
        AtomicBoolean scanning = new AtomicBoolean(true);
        CompletableFuture<Integer> peak = CompletableFuture.supplyAsync(() -> {
            int max = 0;
            while (scanning.get()) {
                max = Math.max(max, connectorThreads(before).size());
                pause(20);
            }
            return max;
        });
        long start = System.nanoTime();
        Connection c = DriverManager.getConnection(url);
        long rows = Benchmarks.count(c, ROWS_SQL);
        long scanned = System.nanoTime();
        c.close();
        long closed = System.nanoTime();
        scanning.set(false);
        int peakThreads = peak.join();
        if (rows != pipelines) {
            throw new IllegalStateException("the scan returned " + rows + " rows, expected " + pipelines);
        }
        double emulatorMs = emulatorCpuMs(mx) - emulatorBefore;
        double processMs = processCpuMs() - processBefore;
        for (Thread t : connectorThreads(before)) {
            t.join(1000); // a pool's thread may take a moment to end after its pool reports termination
        }
        return new InProcess((scanned - start) / 1e6, (closed - scanned) / 1e6, processMs - emulatorMs, emulatorMs,
                peakThreads, connectorThreads(before).size());
    }

    /** Threads started since {@code before} that are neither the emulator's nor this benchmark's sampler. */
    private static List<Thread> connectorThreads(Set<Thread> before) {
        return allThreads().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !isEmulator(t)
                        && !t.getName().startsWith("ForkJoinPool"))
                .toList();
    }

    /** Every live thread, without the safepoint and stack walks of Thread.getAllStackTraces. */
    private static List<Thread> allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 64];
        int n = root.enumerate(threads, true);
        return java.util.Arrays.asList(threads).subList(0, n);
    }

    private static boolean isEmulator(Thread t) {
        return isEmulator(t.getName());
    }

    static boolean isEmulator(String threadName) {
        return threadName.startsWith("emulator-") || threadName.startsWith("HTTP-Dispatcher");
    }

    static double emulatorCpuMs(ThreadMXBean mx) {
        return allThreads().stream().filter(OrganisationScale::isEmulator)
                .mapToLong(t -> Math.max(0, mx.getThreadCpuTime(t.getId()))).sum() / 1e6;
    }

    private static double processCpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
    }

    /**
     * @param calls the scan's API calls, counted in process
     * @param inProcessCpu the CPU seconds of the same scan's connector threads in process (warm)
     */
    private void asProcess(Emulator emulator, Fixture estate, String url, double bound, long calls,
            double inProcessCpu) throws Exception {
        Path gc = Files.createTempFile("bench-org", ".gc.log");
        List<Double> wall = new ArrayList<>();
        List<Double> threads = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        List<Double> compiler = new ArrayList<>();
        List<Double> afterStartUp = new ArrayList<>();
        List<Double> scanCpu = new ArrayList<>();
        List<Double> processScanCpu = new ArrayList<>();
        List<Double> busy = new ArrayList<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < sizes.runs(); i++) {
            double emulatorBefore = emulatorCpuMs(mx);
            CompletableFuture<Processes.Run> run = CompletableFuture.supplyAsync(() -> Processes.run(bench.jar,
                    List.of("-Xmx256m", "-Xlog:gc:file=" + gc), Benchmarks.env(estate),
                    List.of("query", "--url", url, "--format", "csv", "--timing", SQL)));
            ProcStatus peak = ProcStatus.NONE;
            while (!run.isDone()) {
                peak = peak.max(child().map(ProcStatus::read).orElse(ProcStatus.NONE));
                pause(20);
            }
            Benchmarks.check(run.join(), 2);
            wall.add(run.join().totalMs());
            // start-up is this process's own: JVM start, connect, and Calcite's planning, up to the scan
            Matcher timing = Benchmarks.TIMING.matcher(run.join().err());
            if (!timing.find()) {
                throw new IllegalStateException("no --timing line: " + run.join().err());
            }
            double startUp = Double.parseDouble(timing.group(1)) + Double.parseDouble(timing.group(3))
                    + Double.parseDouble(timing.group(4));
            double scanMs = run.join().totalMs() - startUp;
            afterStartUp.add(scanMs);
            // the cores' work while it scanned: the process's CPU after the scan opened, and the emulator's
            Matcher processCpu = PROCESS_CPU.matcher(run.join().err());
            if (!processCpu.find()) {
                throw new IllegalStateException("no process CPU in --timing: " + run.join().err());
            }
            double processMs = Double.parseDouble(processCpu.group(2)) - Double.parseDouble(processCpu.group(1));
            processScanCpu.add(processMs / 1000);
            double cpuMs = processMs + emulatorCpuMs(mx) - emulatorBefore;
            scanCpu.add(cpuMs / 1000);
            busy.add(100 * cpuMs / (2 * scanMs));
            threads.add((double) peak.threads());
            rss.add(peak.rssMb());
            cpu.add(peak.cpuSeconds());
            compiler.add(peak.compilerSeconds());
            heap.add(GcLog.largestAfterGcMb(gc));
        }
        int mc = sizes.maxConcurrency();
        Samples w = Samples.of(wall);
        bench.report.row("wall time, whole `java -Xmx256m -jar … query` process", w, "ms", "", "");
        Samples scan = Samples.of(afterStartUp);
        bench.report.row("    less its start-up (JVM, connect, planning: its own --timing)", scan, "ms", "bound "
                + Samples.fmt(bound) + " ms; target ≤ 2 × bound", Benchmarks.verdict(scan.median() <= 2 * bound)
                + " (" + Samples.fmt(scan.median() / bound) + "× bound)");
        Samples work = Samples.of(scanCpu);
        bench.report.row("    CPU while it scans: the process's after the scan opened, and the emulator's", work, "s",
                "2 cores × that time = " + Samples.fmt(2 * scan.median() / 1000) + " s", Samples.fmt(
                        Samples.of(busy).median()) + "% busy");
        bench.report.row("    that CPU ÷ 2 cores: the fastest the scan could be on this machine", Samples.of(
                scanCpu.stream().map(s -> s * 1000 / 2).toList()), "ms", "bound " + Samples.fmt(bound) + " ms",
                Samples.fmt(work.median() * 1000 / 2 / bound) + "× bound");
        bench.report.row("    the process's CPU per API call while it scans (cold: interpreter, C1 code)",
                Samples.of(processScanCpu.stream().map(s -> s * 1000 / calls).toList()), "ms", "in process, warm: " + Samples.fmt(inProcessCpu * 1000 / calls)
                + " ms", "");
        bench.report.row("CPU of the whole process (last /proc sample)", Samples.of(cpu), "s", "2 cores × wall time = "
                + Samples.fmt(2 * w.median() / 1000) + " s", "");
        bench.report.row("    of which the JIT's compiler threads", Samples.of(compiler), "s", "", "");
        Samples t = Samples.of(threads);
        bench.report.row("peak threads of the whole process (JVM's own included)", t, "",
                "≤ maxConcurrency + 64 = " + (mc + 64), Benchmarks.verdict(t.max() <= mc + 64));
        Samples r = Samples.of(rss);
        bench.report.row("peak resident memory", r, "MB", "< 450 MB", Benchmarks.verdict(r.max() < 450));
        bench.report.row("largest heap after a GC", Samples.of(heap), "MB", "< 256 MB", "");
    }

    /**
     * One sample of /proc/PID: threads, peak resident set (VmHWM), CPU seconds so far, and those of the JIT's
     * compiler threads.
     */
    record ProcStatus(int threads, double rssMb, double cpuSeconds, double compilerSeconds) {
        static final ProcStatus NONE = new ProcStatus(0, 0, 0, 0);

        ProcStatus max(ProcStatus o) {
            return new ProcStatus(Math.max(threads, o.threads), Math.max(rssMb, o.rssMb),
                    Math.max(cpuSeconds, o.cpuSeconds), Math.max(compilerSeconds, o.compilerSeconds));
        }

        static ProcStatus read(ProcessHandle p) {
            try {
                String status = Files.readString(Path.of("/proc/" + p.pid() + "/status"));
                String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                double compiler = 0;
                try (var tasks = Files.list(Path.of("/proc/" + p.pid() + "/task"))) {
                    for (Path task : (Iterable<Path>) tasks::iterator) {
                        try {
                            String t = Files.readString(task.resolve("stat"));
                            if (t.contains("(C1 CompilerThre") || t.contains("(C2 CompilerThre")) {
                                compiler += ticks(t);
                            }
                        } catch (IOException e) {
                            // the thread ended between the listing and the read
                        }
                    }
                }
                return new ProcStatus((int) field(status, "Threads:"), field(status, "VmHWM:") / 1024, ticks(stat) / 100,
                        compiler / 100);
            } catch (IOException | RuntimeException e) {
                return NONE; // the process ended between the listing and the read
            }
        }

        /** utime + stime (fields 14 and 15) of a /proc stat line, in clock ticks. */
        private static double ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        private static long field(String status, String name) {
            for (String line : status.split("\n")) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]);
                }
            }
            return 0;
        }
    }

    /** The java process Processes.run started: this JVM's one child. */
    /** The measured process: the live child running the jar, never another child this JVM may have. */
    private java.util.Optional<ProcessHandle> child() {
        String jar = bench.jar.toString();
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(jar)).orElse(false))
                .findFirst();
    }

    // ---- rate limits ---------------------------------------------------------------------------

    private void rateLimits() throws Exception {
        int latency = bench.settings.latencyMs();
        int n = sizes.rate();
        Fixture estate = EstateGenerator.generate(sizes.rateEstate());
        String sql = "select arn, data from imagebuilder_workflow";
        bench.report.section("9. Organisation scale: rate limits", "The emulator's `--rate-limit " + n + "` (a token "
                + "bucket of " + n + " requests per second per account and region, 429 beyond it) over " + sizes.rateEstate()
                + " at " + latency + " ms latency, `" + sql + "` (one GetWorkflow per row). Without a limit, then "
                + "limited with the client unaware (retries with backoff), then with `rateLimit=" + n + "` (half a "
                + "second's requests at once, then " + n + " a second). Bound = what "
                + "the buckets allow, (calls per partition − the bucket's " + n + ") ÷ " + n + " s, or the unlimited "
                + "scan's time if that is longer.");
        long rows = 0;
        long unlimitedCalls = 0;
        double unlimitedMs = 0;
        for (String mode : List.of("unlimited", "unpaced", "paced")) {
            List<Double> times = new ArrayList<>();
            long calls = 0;
            long throttled = 0;
            for (int i = 0; i < sizes.runs(); i++) {
                EmulatorOptions options = EmulatorOptions.defaults().withLatency(Duration.ofMillis(latency))
                        .withRateLimit(mode.equals("unlimited") ? 0 : n);
                try (Emulator emulator = Emulator.start(estate, options)) {
                    String url = Benchmarks.url(emulator, estate, 32, partitionRegions())
                            + (mode.equals("paced") ? ";rateLimit=" + n : "");
                    try (Connection c = DriverManager.getConnection(url)) {
                        Benchmarks.warmRoles(c);
                        emulator.stats().reset();
                        long start = System.nanoTime();
                        long got = Benchmarks.count(c, sql);
                        times.add((System.nanoTime() - start) / 1e6);
                        if (mode.equals("unlimited")) {
                            rows = got;
                        } else if (got != rows) {
                            throw new IllegalStateException(mode + ": " + got + " rows, expected " + rows);
                        }
                    }
                    CallStats st = emulator.stats();
                    calls = st.totalRequests();
                    throttled = st.faults("rateLimit");
                }
            }
            Samples s = Samples.of(times);
            if (mode.equals("unlimited")) {
                unlimitedCalls = calls;
                unlimitedMs = s.median();
            }
            // what the buckets allow: a bucketful at once, then n a second; never less than the unlimited scan
            double bound = Math.max(unlimitedMs, (double) (unlimitedCalls / partitions(estate) - n) / n * 1000);
            bench.counts.put("rate." + mode + ".calls", calls);
            bench.report.exact(mode + ": calls (" + throttled + " throttled)", calls,
                    mode.equals("unlimited") ? "" : "≤ 1.1 × " + unlimitedCalls,
                    mode.equals("unlimited") ? "" : Benchmarks.verdict(calls <= 1.1 * unlimitedCalls));
            bench.report.row(mode + ": wall time", s, "ms", mode.equals("unlimited") ? ""
                    : "bound " + Samples.fmt(bound) + " ms; target ≤ 1.5 × bound", mode.equals("unlimited") ? ""
                    : Benchmarks.verdict(s.median() <= 1.5 * bound) + " (" + Samples.fmt(s.median() / bound) + "× bound)");
        }
    }

    private int partitionRegions() {
        return EstateGenerator.parseSpec(sizes.rateEstate()).regions();
    }

    private int partitions(Fixture estate) {
        return estate.accounts().size() * partitionRegions();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
