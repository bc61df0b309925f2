package io.github.imagebuildersql.bench;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.emulator.CallStats;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.calcite.jdbc.CalciteConnection;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The benchmark suite: every case runs several times against the emulator with injected latency, side
 * by side with its bound, and the results become BENCHMARKS.md. Call counts are exact; times are
 * medians with their spread.
 */
public final class Benchmarks {

    /** Sizes and repetitions; the smoke settings keep CI honest without taking its time. */
    record Settings(String name, int accounts, int regions, int pipelines, int workflows, int latencyMs, int runs,
            int exportAccounts, int exportRegions, int exportPipelines, int[] concurrencies, int coldRuns,
            boolean cdsVariants) {
        String estate() {
            return "accounts=" + accounts + ",regions=" + regions + ",pipelines=" + pipelines + ",workflows=" + workflows;
        }
    }

    static final Settings FULL = new Settings("full", 40, 5, 30, 4, 25, 5, 40, 5, 1000, new int[] {1, 8, 32, 128}, 5, true);
    static final Settings SMOKE = new Settings("smoke", 2, 2, 30, 2, 2, 1, 2, 2, 200, new int[] {1, 8}, 1, false);

    static final String ROLE = "BenchReader";
    static final int MAX_CONCURRENCY = 32;

    final Settings settings;
    final Path root;
    final Path jar;
    /** Earlier commits' builds that the cases comparing start-up and CPU run beside this one's. */
    final List<Before> before;
    final Report report = new Report();
    /** Call counts, kept for the smoke test's exact assertions. */
    final Map<String, Long> counts = new java.util.LinkedHashMap<>();

    Benchmarks(Settings settings, Path root) {
        this(settings, root, List.of());
    }

    Benchmarks(Settings settings, Path root, List<Before> before) {
        this.settings = settings;
        this.root = root;
        this.jar = root.resolve("jdbc-driver/target/imagebuilder-jdbc.jar");
        this.before = before;
    }

    public static void main(String[] args) throws Exception {
        Settings s = args.length > 0 && args[0].equals("--smoke") ? SMOKE : FULL;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        Benchmarks b = new Benchmarks(s, root, Before.fromArguments(List.of(args).subList(Math.min(2, args.length),
                args.length)));
        b.runAll();
        Path out = root.resolve(s == FULL ? "BENCHMARKS.md" : "bench/target/BENCHMARKS-smoke.md");
        Files.writeString(out, b.markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
        System.exit(0);
    }

    void runAll() throws Exception {
        Fixture estate = EstateGenerator.generate(settings.estate());
        System.setProperty("aws.accessKeyId", estate.credentials().accessKeyId());
        System.setProperty("aws.secretAccessKey", estate.credentials().secretAccessKey());
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.disableEc2Metadata", "true");
        try (Emulator emulator = Emulator.start(estate,
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(settings.latencyMs())))) {
            fullScan(emulator, estate);
            pointLookup(emulator, estate);
            namePushdown(emulator, estate);
            workflowDetail(emulator);
            concurrency(emulator, estate);
        }
        streaming();
        new SyncBench(this).run();
        coldStart();
        faults();
        new OrganisationScale(this).run();
        new ImageDetailCase(this).run();
        new CpuPerCall(this).run();
    }

    // ---- case 1 ----------------------------------------------------------------------------

    /** Scans before case 1's measured ones, for a JIT that has finished compiling their path. */
    private static final int WARM_UP_RUNS = 10;

    void fullScan(Emulator emulator, Fixture estate) throws Exception {
        int partitions = settings.accounts() * settings.regions();
        int pages = (settings.pipelines() + 24) / 25;
        report.section("1. Full scan", settings.accounts() + " accounts × " + settings.regions() + " regions × "
                + settings.pipelines() + " pipelines (" + partitions + " partitions, " + pages + " pages each), "
                + settings.latencyMs() + " ms latency, maxConcurrency " + MAX_CONCURRENCY + ". Each run opens a new "
                + "connection, so it assumes every role again; in process, " + WARM_UP_RUNS + " runs first warm the "
                + "JIT up and are not counted (start-up is case 6; on 2 cores C2 is still compiling the scan's path "
                + "after three). Bound = max(calls in series in one partition × latency, total calls ÷ maxConcurrency × "
                + "latency).");
        for (int i = 0; i < WARM_UP_RUNS; i++) { // not counted: on 2 cores the JIT's compiles compete with the scan
            timeScan(url(emulator, estate, MAX_CONCURRENCY), "select arn, name, status from imagebuilder_image_pipeline",
                    (long) partitions * settings.pipelines());
        }
        Scans full = scans(emulator, url(emulator, estate, MAX_CONCURRENCY),
                "select arn, name, status from imagebuilder_image_pipeline", (long) partitions * settings.pipelines(),
                settings.runs());
        long calls = full.calls();
        double bound = bound(calls, 1 + pages, MAX_CONCURRENCY);
        Samples in = full.times();
        counts.put("fullScan.calls", calls);
        long expected = settings.accounts() + (long) partitions * pages;
        report.exact("API calls (one AssumeRole per account + every ListImagePipelines page)", calls,
                expected + " expected", verdict(calls == expected));
        report.row("wall time, in process", in, "ms", "bound " + Samples.fmt(bound) + " ms; target ≤ 1.5 × bound + 1 s = "
                + Samples.fmt(1.5 * bound + 1000) + " ms", verdict(in.median() <= 1.5 * bound + 1000)
                + " (" + Samples.fmt(in.median() / bound) + "× bound)");

        List<Double> process = new ArrayList<>();
        for (int i = 0; i < settings.runs(); i++) {
            Processes.Run r = Processes.run(jar, List.of(), env(estate), List.of("query", "--url", url(emulator, estate, MAX_CONCURRENCY),
                    "--format", "csv", "select arn, name, status from imagebuilder_image_pipeline"));
            check(r, (long) partitions * settings.pipelines() + 1);
            process.add(r.totalMs());
        }
        Samples pr = Samples.of(process);
        report.row("wall time, whole `java -jar … query` process", pr, "ms", "bound " + Samples.fmt(bound)
                + " ms + JVM and Calcite start-up (case 6)", Samples.fmt(pr.median() / bound) + "× bound");

        List<Double> baseline = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(2, settings.runs())); i++) {
            baseline.add(sequentialBaseline(emulator.endpoint(), estate));
        }
        Samples base = Samples.of(baseline);
        report.row("sequential baseline (the SDK, one partition after another)", base, "ms",
                "in process ≥ 10× faster", verdict(base.median() / in.median() >= 10) + " ("
                        + Samples.fmt(base.median() / in.median()) + "× faster)");
    }

    /** What a hand-written script does: assume each role, list each region, one call at a time. */
    double sequentialBaseline(URI endpoint, Fixture estate) {
        long start = System.nanoTime();
        long rows = 0;
        SdkHttpClient http = ApacheHttpClient.builder().build();
        try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        estate.credentials().accessKeyId(), estate.credentials().secretAccessKey()))).build()) {
            for (String account : estate.accounts().keySet()) {
                Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + ROLE)
                        .roleSessionName("baseline")).credentials();
                for (String region : EstateGenerator.REGIONS.subList(0, settings.regions())) {
                    try (ImagebuilderClient ib = ImagebuilderClient.builder().endpointOverride(endpoint)
                            .region(Region.of(region)).httpClient(http)
                            .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                                    c.accessKeyId(), c.secretAccessKey(), c.sessionToken()))).build()) {
                        rows += ib.listImagePipelinesPaginator(r -> { }).imagePipelineList().stream().count();
                    }
                }
            }
        } finally {
            http.close();
        }
        if (rows != (long) settings.accounts() * settings.regions() * settings.pipelines()) {
            throw new IllegalStateException("baseline saw " + rows + " pipelines");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    // ---- case 2 ----------------------------------------------------------------------------

    void pointLookup(Emulator emulator, Fixture estate) throws Exception {
        String arn = estate.accounts().values().stream().reduce((a, b) -> b).orElseThrow()
                .region(EstateGenerator.REGIONS.get(settings.regions() - 1)).imagePipelines().get(0).get("arn").asText();
        report.section("2. Point lookup", "`where arn = '…'` on an open connection whose role credentials are cached.");
        try (Connection c = DriverManager.getConnection(url(emulator, estate, MAX_CONCURRENCY))) {
            count(c, "select count(*) from imagebuilder_image_pipeline where arn = '" + arn + "'"); // assumes the role
            List<Double> times = new ArrayList<>();
            long calls = 0;
            long lists = 0;
            for (int i = 0; i < Math.max(3, settings.runs()); i++) {
                emulator.stats().reset();
                long t = System.nanoTime();
                if (count(c, "select name, status from imagebuilder_image_pipeline where arn = '" + arn + "'") != 1) {
                    throw new IllegalStateException("lookup found no row");
                }
                times.add((System.nanoTime() - t) / 1e6);
                calls = emulator.stats().totalRequests();
                lists = emulator.stats().total("ListImagePipelines");
            }
            counts.put("pointLookup.calls", calls);
            counts.put("pointLookup.lists", lists);
            report.exact("API calls", calls, "1 (one GetImagePipeline, no listing)", verdict(calls == 1 && lists == 0));
            report.row("latency", Samples.of(times), "ms", "1 call = " + settings.latencyMs() + " ms", "");
        }
    }

    // ---- case 3 ----------------------------------------------------------------------------

    void namePushdown(Emulator emulator, Fixture estate) throws Exception {
        int partitions = settings.accounts() * settings.regions();
        String name = estate.accounts().values().iterator().next().region(EstateGenerator.REGIONS.get(0))
                .imagePipelines().get(1).get("name").asText();
        report.section("3. `where name = …`, with and without pushdown", "ListImagePipelines calls for one name, "
                + "across " + partitions + " partitions (roles already assumed).");
        for (boolean pushdown : new boolean[] {true, false}) {
            try (Connection c = DriverManager.getConnection(url(emulator, estate, MAX_CONCURRENCY))) {
                if (!pushdown) {
                    c.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("aws")
                            .unwrap(ImageBuilderSchema.class).disablePushdownForTesting();
                }
                count(c, "select count(*) from imagebuilder_image_pipeline where account_id = 'none'");
                count(c, "select count(*) from imagebuilder_image_pipeline where region = 'none'");
                warmRoles(c);
                emulator.stats().reset();
                long rows = count(c, "select arn from imagebuilder_image_pipeline where name = '" + name + "'");
                long lists = emulator.stats().total("ListImagePipelines");
                counts.put("name." + (pushdown ? "pushed" : "scanned"), lists);
                int pages = (settings.pipelines() + 24) / 25;
                report.exact((pushdown ? "with" : "without") + " pushdown: ListImagePipelines (" + rows + " rows)", lists,
                        pushdown ? partitions + " (one page per partition)" : (partitions * pages) + " (every page)",
                        verdict(lists == (pushdown ? partitions : (long) partitions * pages)));
            }
        }
    }

    // ---- case 4 ----------------------------------------------------------------------------

    void workflowDetail(Emulator emulator) throws Exception {
        Fixture estate = emulator.fixture();
        long builds = (long) settings.accounts() * settings.regions() * settings.workflows();
        report.section("4. Workflows: list-only columns vs `data`", builds + " workflow build versions; `data` needs "
                + "one GetWorkflow per build.");
        try (Connection c = DriverManager.getConnection(url(emulator, estate, MAX_CONCURRENCY))) {
            warmRoles(c);
            for (String columns : new String[] {"name, version, state", "name, data"}) {
                emulator.stats().reset();
                long t = System.nanoTime();
                long rows = count(c, "select " + columns + " from imagebuilder_workflow");
                double ms = (System.nanoTime() - t) / 1e6;
                long gets = emulator.stats().total("GetWorkflow");
                boolean detail = columns.contains("data");
                counts.put("workflow." + (detail ? "data" : "list") + ".gets", gets);
                report.exact("`select " + columns + "`: GetWorkflow calls (" + rows + " rows, "
                        + emulator.stats().totalRequests() + " calls in all, " + Samples.fmt(ms) + " ms)", gets,
                        detail ? builds + " (one per build)" : "0", verdict(gets == (detail ? builds : 0)));
            }
        }
    }

    // ---- case 5 ----------------------------------------------------------------------------

    void streaming() throws Exception {
        String spec = "accounts=" + settings.exportAccounts() + ",regions=" + settings.exportRegions() + ",pipelines="
                + settings.exportPipelines() + ",workflows=0";
        long rows = (long) settings.exportAccounts() * settings.exportRegions() * settings.exportPipelines();
        report.section("5. Streaming: export of " + rows + " pipelines with -Xmx256m", "A separate `java -Xmx256m -jar "
                + "… export` process against an estate of " + spec + " at " + settings.latencyMs() + " ms latency. Peak "
                + "heap is the largest heap occupancy the GC log shows before a collection.");
        Fixture estate = EstateGenerator.generate(spec);
        try (Emulator emulator = Emulator.start(estate,
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(settings.latencyMs())))) {
            Path dir = Files.createTempDirectory("bench-export");
            Path out = dir.resolve("pipelines.csv");
            Path gc = dir.resolve("gc.log");
            List<Double> total = new ArrayList<>();
            List<Double> heap = new ArrayList<>();
            List<Double> firstRow = new ArrayList<>();
            List<Double> lastRow = new ArrayList<>();
            int runs = Math.max(1, Math.min(3, settings.runs()));
            for (int i = 0; i < runs; i++) {
                Processes.Run r = Processes.run(jar, List.of("-Xmx256m", "-Xlog:gc:file=" + gc), env(estate),
                        List.of("export", "--url", url(emulator, estate, MAX_CONCURRENCY), "--out", out.toString(),
                                STREAMED_COLUMNS));
                check(r, 0);
                long lines;
                try (var l = Files.lines(out)) {
                    lines = l.count();
                }
                if (lines != rows + 1) {
                    throw new IllegalStateException("export wrote " + lines + " lines, expected " + (rows + 1));
                }
                total.add(r.totalMs());
                heap.add(peakHeapMb(gc));
                Processes.Run q = Processes.run(jar, List.of("-Xmx256m"), env(estate), List.of("query", "--url",
                        url(emulator, estate, MAX_CONCURRENCY), "--format", "csv",
                        STREAMED_COLUMNS));
                check(q, rows + 1);
                firstRow.add(q.firstRowMs());
                lastRow.add(q.totalMs());
            }
            Samples h = Samples.of(heap);
            Samples first = Samples.of(firstRow);
            Samples last = Samples.of(lastRow);
            report.row("export completes in 256 MB: wall time", Samples.of(total), "ms", "completes", "met");
            report.row("peak heap in use", h, "MB", "< 256 MB", verdict(h.max() < 256));
            report.row("time to first row (`query --format csv`, process start)", first, "ms",
                    "well before the last row", verdict(first.median() < last.median() / 2));
            report.row("time to last row", last, "ms", "", "");
        }
    }

    /** Columns without line breaks in them, so that lines of the CSV are its records. */
    static final String STREAMED_COLUMNS = "select arn, account_id, region, name, status, date_created, tags, schedule "
            + "from imagebuilder_image_pipeline";

    static double peakHeapMb(Path gcLog) throws IOException {
        return GcLog.peakBeforeGcMb(gcLog);
    }

    // ---- case 6 ----------------------------------------------------------------------------

    static final String COLD_SQL = "select name from imagebuilder_image_pipeline where account_id = '111111111111' "
            + "and region = 'us-east-1'";
    static final Pattern TIMING = Pattern.compile("jvm-start->main (\\d+) ms \\(first JVM until the second started: "
            + "(\\d+) ms\\) \\| main->connected (\\d+) ms \\| connected->scan-opened \\(.*?\\) (\\d+) ms \\| "
            + "scan-opened->first-row \\(.*?\\) (\\d+) ms");

    void coldStart() throws Exception {
        report.section("6. Cold start", "`query --demo --format csv \"" + COLD_SQL + "\"` as a whole process: JVM start "
                + "to first row, as `java -jar imagebuilder-jdbc.jar` (which re-executes itself in a second JVM with "
                + "an AppCDS archive of its classes), through `bin/imagebuilder-sql` (which starts the JVM with that "
                + "archive directly), and as `java -jar` with `IMAGEBUILDER_SQL_CDS=off` (one JVM, no archive). The "
                + "archive is recorded by a first run, not counted, and so is the statement's compiled plan, which "
                + "the command line keeps (`planCache`) and later runs read instead of planning; a further row runs "
                + "`bin/imagebuilder-sql` with `--planCache off`, planning every time. The breakdown comes from the "
                + "hidden `--timing` flag. "
                + (before.isEmpty() ? "" : "The jar of each earlier commit given to `bench/run --before` runs too, "
                        + "through `java -jar` and its own `bin/imagebuilder-sql`, with a cache of its own. ")
                + "All take turns, run by run, so that a slow spell of the machine falls on all of them alike.");
        List<String> query = List.of("query", "--demo", "--timing", "--format", "csv", COLD_SQL);
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> plain = new ArrayList<>(List.of(java, "-jar", jar.toString()));
        plain.addAll(query);
        List<String> launcher = new ArrayList<>(List.of(root.resolve("bin/imagebuilder-sql").toString()));
        launcher.addAll(query);
        Path cache = Files.createTempDirectory("bench-cds");
        Map<String, String> launcherEnv = Map.of("XDG_CACHE_HOME", cache.toString(),
                "JAVA_HOME", Path.of(java).getParent().getParent().toString());
        check(Processes.run(plain, launcherEnv), 4); // records the archive
        List<String> planning = new ArrayList<>(launcher);
        planning.addAll(List.of("--planCache", "off"));
        List<ColdStart> variants = List.of(
                new ColdStart("`java -jar` (default JVM flags)", plain, launcherEnv, 1500),
                new ColdStart("`bin/imagebuilder-sql`", launcher, launcherEnv, 1000),
                new ColdStart("`bin/imagebuilder-sql --planCache off` (planned in every run)", planning, launcherEnv, 0),
                new ColdStart("`java -jar`, `IMAGEBUILDER_SQL_CDS=off` (one JVM, no archive)", plain,
                        Map.of("XDG_CACHE_HOME", cache.toString(), "IMAGEBUILDER_SQL_CDS", "off"), 0));
        // Each earlier build has a cache of its own: the launch file names one jar.
        List<ColdStart> earlier = new ArrayList<>();
        for (Before b : before) {
            List<String> plainBefore = new ArrayList<>(List.of(java, "-jar", b.jar().toString()));
            plainBefore.addAll(query);
            List<String> launcherBefore = new ArrayList<>(List.of(b.launcher().toString()));
            launcherBefore.addAll(query);
            Map<String, String> envBefore = Map.of("XDG_CACHE_HOME", Files.createTempDirectory("bench-cds").toString(),
                    "JAVA_HOME", launcherEnv.get("JAVA_HOME"));
            check(Processes.run(plainBefore, envBefore), 4);
            earlier.add(new ColdStart("`java -jar` " + b.label(), plainBefore, envBefore, 0));
            earlier.add(new ColdStart("`bin/imagebuilder-sql` " + b.label(), launcherBefore, envBefore, 0));
        }
        // The variants take turns, so that a slow spell of the machine falls on all of them alike.
        for (int i = 0; i < settings.coldRuns(); i++) {
            variants.forEach(ColdStart::run);
            earlier.forEach(ColdStart::run);
        }
        Samples plainRun = variants.get(0).report();
        Samples launched = variants.get(1).report();
        Samples planned = variants.get(2).report();
        Samples single = variants.get(3).report();
        for (int e = 0; e < earlier.size(); e += 2) {
            Before b = before.get(e / 2);
            Samples plainBefore = earlier.get(e).report();
            Samples launchedBefore = earlier.get(e + 1).report();
            slower("`java -jar`: this commit ÷ " + b.commit(), plainRun, plainBefore);
            slower("`bin/imagebuilder-sql`: this commit ÷ " + b.commit(), launched, launchedBefore);
        }
        report.note("Where the time goes: the rows under each figure. Without the archive, most of the time before "
                + "the first row is loading and verifying classes from the 55 MB jar, Calcite's above all (" 
                + Samples.fmt(single.median()) + " ms). An archive maps those classes already parsed and verified, "
                + "so every phase shrinks; a jar cannot ask its own JVM for an archive (it takes a command-line "
                + "flag), so `java -jar` starts a second JVM with it: the first JVM's share is its own row. "
                + "`bin/imagebuilder-sql` (" + Samples.fmt(launched.median()) + " ms) saves that first JVM. "
                + (plainRun.median() > 1500 ? "`java -jar` misses its 1.5 s target by "
                        + Samples.fmt(plainRun.median() - 1500) + " ms. " : "")
                + (launched.median() > 1000 ? "`bin/imagebuilder-sql` misses its 1.0 s target by "
                        + Samples.fmt(launched.median() - 1000) + " ms. " : "")
                + "Planning the statement costs " + Samples.fmt(planned.median() - launched.median()) + " ms of "
                + "`bin/imagebuilder-sql`'s run (the `--planCache off` row against its own): a kept plan is read "
                + "and its classes defined in a few milliseconds, and Calcite's planner (whose class initialises "
                + "its whole rule set) and its table of operator implementations are never loaded. Plans can be "
                + "kept because a scan's generated code asks a plain record of the plan's parameters (its table, "
                + "columns and filters) for its rows, which the plan cache writes field by field and "
                + "authenticates with a per-user key. "
                + "Issue 25 removed start-up machinery that shaped the query path, and kept what the rows above "
                + "show to pay: gone are the plan written into generated code as length-prefixed text (the "
                + "plan cache writes the scan's record instead), a JVM-global planner hook installed from a "
                + "table's constructor (the scan registers its rules with the planner that sees it), the "
                + "hand-written JDBC delegation (generated at build time) and the script's own archive naming "
                + "and JVM flag choices (it runs the command line the jar's launcher writes); kept are the "
                + "class archive (the `IMAGEBUILDER_SQL_CDS=off` row against `java -jar`), the plan cache "
                + "(the `--planCache off` row) and the clients built ahead. "
                + (before.isEmpty() ? "" : "The rows `at " + before.get(0).commit() + " (before)` run that "
                        + "commit's jar in turns with this one (`bench/run --before " + before.get(0).commit()
                        + "`), and the ratio rows compare their medians. ")
                + "The planner's metadata handlers go through proxies instead of Java source compiled by Janino "
                + "(most of a second of CPU in every fresh process). On this machine the second JVM (and the one "
                + "`bin/imagebuilder-sql` starts) runs C1 only with the serial collector: C2's compiler threads "
                + "took a core from the command for most of its life (0.6 s later to the first row; 33 s against "
                + "27.5 s, and 43 against 29 CPU-seconds, for case 5's export, measured by hand); where the kernel "
                + "gives transparent huge pages on request, it asks for them for its heap (a new heap in 4 kB pages "
                + "is tens of thousands of page faults: 0.59 against 0.62 s to the first row through "
                + "`bin/imagebuilder-sql`, 10 alternating runs by hand). The HTTP client, "
                + "the first SDK clients (the Organizations client first, when the accounts are the "
                + "organisation's) and the demo's emulator are built on threads of their own while Calcite opens "
                + "the connection, and TLS is set up only for https endpoints (the emulator's is http); the command line "
                + "declares its options in code (picocli reading annotations by reflection took 86 against 29 ms "
                + "of CPU) and builds only the command named; a process "
                + "defines only the tables its statement names; the command line prepares its statement, where "
                + "Calcite's Statement.executeQuery would build a planner configuration, and with it the operator "
                + "tables, even for a kept plan; an account's view of a region's Image Builder client is a class "
                + "of its own, not a dynamic proxy (whose class loads the request and response classes of every "
                + "operation: about 120 ms of CPU), and so are the JDBC layer's connection, statements and result "
                + "sets (their proxies took about 95 ms of CPU); the first JVM reads its "
                + "command line from /proc and names the archive by a CRC-32 rather than SHA-256 (about 60 ms of its "
                + "life). What is left is the cold SDK's first calls (the organisation's accounts, AssumeRole, the "
                + "listing), Calcite's connection and the command line's own start, with C1 compiling beside them: "
                + "on 2 cores the CPU, not waiting, sets the time.");
        new WholeProcessScan(this).run();
    }

    /**
     * A row comparing a figure with an earlier build's: the ratio of their medians, which may be at most 1.10
     * (a change may cost start-up no more than a tenth).
     */
    void slower(String figure, Samples now, Samples earlier) {
        double ratio = now.median() / earlier.median();
        report.row(figure, Samples.of(List.of(ratio)), "×", "≤ 1.10 × (at most 10% slower)", verdict(ratio <= 1.10));
    }

    /** One way of starting case 6's command: its runs, and then its rows in the report. */
    private final class ColdStart {
        private final String name;
        private final List<String> command;
        private final Map<String, String> env;
        private final double targetMs;
        private final List<Double> first = new ArrayList<>();
        private final List<List<Double>> phases = new ArrayList<>();

        ColdStart(String name, List<String> command, Map<String, String> env, double targetMs) {
            this.name = name;
            this.command = command;
            this.env = env;
            this.targetMs = targetMs;
            for (int p = 0; p < 5; p++) {
                phases.add(new ArrayList<>());
            }
        }

        void run() {
            Processes.Run r = Processes.run(command, env);
            check(r, 4);
            first.add(r.firstRowMs());
            Matcher m = TIMING.matcher(r.err());
            if (m.find()) {
                for (int p = 0; p < 5; p++) {
                    phases.get(p).add(Double.parseDouble(m.group(p + 1)));
                }
            }
        }

        Samples report() {
            Samples f = Samples.of(first);
            if (targetMs > 0) {
                report.row("JVM start to first row, " + name, f, "ms", "≤ " + Samples.fmt(targetMs) + " ms on 2 cores",
                        verdict(f.median() <= targetMs));
            } else {
                report.row("JVM start to first row, " + name, f, "ms", "", "");
            }
            String[] names = {"JVM start → main()", "    of which the first JVM, until it started the second",
                    "main() → connected (demo emulator, driver, Calcite connection)",
                    "connected → scan opened (plan, or the kept plan; the organisation's accounts)",
                    "scan opened → first row (SDK clients, AssumeRole, API calls)"};
            for (int p = 0; p < 5 && !phases.get(p).isEmpty(); p++) {
                if (p == 1 && phases.get(p).stream().allMatch(v -> v == 0)) {
                    continue; // one JVM
                }
                report.row("  " + names[p], Samples.of(phases.get(p)), "ms", "", "");
            }
            return f;
        }
    }

    // ---- case 8 ----------------------------------------------------------------------------

    void faults() throws Exception {
        String spec = "accounts=10,regions=5,pipelines=30,workflows=0";
        Fixture estate = EstateGenerator.generate(spec);
        long expectedRows = 10L * 5 * 30;
        report.section("8. Fault tolerance", "50 partitions (" + spec + "), 30% throttling (429) plus 5% 503s, "
                + settings.latencyMs() + " ms latency with jitter, against the same query without faults. Retries are "
                + "the calls beyond the fault-free run's.");
        long cleanCalls;
        double cleanMs;
        String sql = "select arn, name, status, tags from imagebuilder_image_pipeline";
        try (Emulator clean = Emulator.start(estate,
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(settings.latencyMs())))) {
            cleanMs = timeScan(url(clean, estate, MAX_CONCURRENCY, 5), sql, expectedRows);
            cleanCalls = clean.stats().totalRequests();
        }
        report.exact("fault-free run: calls (" + Samples.fmt(cleanMs) + " ms)", cleanCalls, "", "");
        for (long seed : new long[] {1, 2, 3}) {
            try (Emulator faulty = Emulator.start(estate, EmulatorOptions.defaults().withThrottleRate(0.3)
                    .withErrorRate(0.05).withLatency(Duration.ofMillis(settings.latencyMs())).withSeed(seed))) {
                long rows;
                long start = System.nanoTime();
                try (Connection c = DriverManager.getConnection(url(faulty, estate, MAX_CONCURRENCY, 5))) {
                    rows = count(c, sql);
                }
                double ms = (System.nanoTime() - start) / 1e6;
                CallStats st = faulty.stats();
                long injected = st.faults("throttle") + st.faults("unavailable");
                long retries = st.totalRequests() - cleanCalls;
                counts.put("faults.seed" + seed + ".lost", expectedRows - rows);
                report.exact("seed " + seed + ": rows lost (" + injected + " faults injected, " + retries
                        + " retries, " + Samples.fmt(ms) + " ms)", expectedRows - rows, "0", verdict(rows == expectedRows));
            }
        }
    }


    // ---- case 7 ----------------------------------------------------------------------------

    void concurrency(Emulator emulator, Fixture estate) throws Exception {
        int partitions = settings.accounts() * settings.regions();
        int pages = (settings.pipelines() + 24) / 25;
        report.section("7. Concurrency scaling", "Case 1 in process (JVM already warm) at several maxConcurrency "
                + "settings.");
        for (int mc : settings.concurrencies()) {
            int runs = mc == 1 ? Math.min(2, settings.runs()) : settings.runs();
            Scans scans = scans(emulator, url(emulator, estate, mc), "select arn from imagebuilder_image_pipeline",
                    (long) partitions * settings.pipelines(), Math.max(1, runs));
            double bound = bound(scans.calls(), 1 + pages, mc);
            Samples s = scans.times();
            report.row("maxConcurrency " + mc, s, "ms", "bound " + Samples.fmt(bound) + " ms",
                    Samples.fmt(s.median() / bound) + "× bound");
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    double bound(long calls, int inSeries, int maxConcurrency) {
        return Math.max(inSeries * settings.latencyMs(), (double) calls / maxConcurrency * settings.latencyMs());
    }

    /** Repeated scans: their times, and the calls one of them makes. */
    record Scans(Samples times, long calls) {}

    Scans scans(Emulator emulator, String url, String sql, long expectedRows, int runs) throws SQLException {
        List<Double> times = new ArrayList<>();
        long calls = 0;
        for (int i = 0; i < runs; i++) {
            emulator.stats().reset();
            times.add(timeScan(url, sql, expectedRows));
            calls = emulator.stats().totalRequests();
        }
        return new Scans(Samples.of(times), calls);
    }

    double timeScan(String url, String sql, long expectedRows) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            long rows = count(c, sql);
            if (rows != expectedRows) {
                throw new IllegalStateException(sql + " returned " + rows + " rows, expected " + expectedRows);
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static long count(Connection c, String sql) throws SQLException {
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    /** Lists one empty result per account so that its role is assumed before a measurement. */
    static void warmRoles(Connection c) throws SQLException {
        count(c, "select arn from imagebuilder_workflow where name = 'none'");
    }

    String url(Emulator emulator, Fixture estate, int maxConcurrency) {
        return url(emulator, estate, maxConcurrency, settings.regions());
    }

    static String url(Emulator emulator, Fixture estate, int maxConcurrency, int regions) {
        return "jdbc:imagebuilder:endpoint=" + emulator.endpoint() + ";accounts=" + String.join(",",
                estate.accounts().keySet()) + ";roleName=" + ROLE + ";regions="
                + String.join(",", EstateGenerator.REGIONS.subList(0, regions)) + ";maxConcurrency=" + maxConcurrency;
    }

    /**
     * The environment of a measured {@code java -jar} process. The launcher's second JVM is switched off
     * ({@code IMAGEBUILDER_SQL_CDS=off}) so that the process measured (its threads, resident memory, GC
     * log) is the one doing the work; cases 6 and 6b, which measure the launcher itself, switch it back on.
     * Its cache directory (the statements' kept plans) is the benchmark's own, not the user's.
     */
    static Map<String, String> env(Fixture estate) {
        return Map.of("AWS_ACCESS_KEY_ID", estate.credentials().accessKeyId(), "AWS_SECRET_ACCESS_KEY",
                estate.credentials().secretAccessKey(), "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true",
                LAUNCHER_SWITCH, "off", "XDG_CACHE_HOME", CACHE.toString());
    }

    private static final Path CACHE = tempDirectory("bench-cache");

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final String LAUNCHER_SWITCH = "IMAGEBUILDER_SQL_CDS";

    static void check(Processes.Run r, long expectedLines) {
        if (r.exit() != 0 || (expectedLines > 0 && r.lines() != expectedLines)) {
            throw new IllegalStateException("process exited " + r.exit() + " with " + r.lines() + " lines (expected "
                    + expectedLines + "): " + r.err());
        }
    }

    static String verdict(boolean met) {
        return met ? "met" : "**MISSED**";
    }

    String markdown() {
        Runtime rt = Runtime.getRuntime();
        String header = "# Benchmarks\n\nMeasured by `bench/run` (settings: " + settings.name() + ") on "
                + LocalDate.now() + ": " + rt.availableProcessors() + " cores" + cpuModel() + ", " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ". Every figure is measured against the emulator with "
                + settings.latencyMs() + " ms injected latency (±20% jitter), side by side with its bound; times are "
                + "the median of the runs, with the fastest and slowest as the spread. Call counts are exact, read "
                + "from the emulator's statistics. A `java -jar` process measured for its threads, memory or GC runs "
                + "as one JVM (`IMAGEBUILDER_SQL_CDS=off`) with the flags the launcher gives the JVM it starts "
                + (Processes.LAUNCHERS_FLAGS.isEmpty() ? "(none on this machine)" : "on this machine (`"
                        + String.join(" ", Processes.LAUNCHERS_FLAGS) + "`)") + ".\n";
        return report.markdown(header);
    }

    /**
     * The processor's name, as " (name)", or nothing where the OS does not say: runs on machines of one
     * kind but different processors differ by a factor of three in CPU-bound figures (cases 6 and 6b).
     */
    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> " (" + l.substring(l.indexOf(':') + 1).trim() + ")").orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }
}
