package io.github.imagebuildersql.bench;

import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * sync into a real PostgreSQL (the embedded one the tests use), with rows loaded by COPY and by batched
 * INSERTs, and the same inventory exported to Parquet: each a separate {@code java -Xmx256m} process.
 */
final class SyncBench {
    private static final String TABLE = "imagebuilder_image_pipeline";

    private final Benchmarks b;

    SyncBench(Benchmarks b) {
        this.b = b;
    }

    void run() throws Exception {
        Benchmarks.Settings s = b.settings;
        String spec = "accounts=" + s.exportAccounts() + ",regions=" + s.exportRegions() + ",pipelines="
                + s.exportPipelines() + ",workflows=0";
        long rows = (long) s.exportAccounts() * s.exportRegions() * s.exportPipelines();
        b.report.section("11. sync into PostgreSQL and Parquet export: " + rows + " pipelines with -Xmx256m",
                "Separate `java -Xmx256m -jar … sync --table " + TABLE + "` processes into PostgreSQL 14 (embedded, same "
                        + "machine) against an estate of " + spec + " at " + s.latencyMs() + " ms latency, one run each. "
                        + "Wall time includes the scan of AWS (case 5 measures the export alone); rows per second is "
                        + "rows ÷ wall time. Peak heap is the largest occupancy the GC log shows.");
        Fixture estate = EstateGenerator.generate(spec);
        Path dir = Files.createTempDirectory("bench-sync");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Emulator emulator = Emulator.start(estate,
                        EmulatorOptions.defaults().withLatency(Duration.ofMillis(s.latencyMs())))) {
            String to = pg.getJdbcUrl("postgres", "postgres");
            String url = Benchmarks.url(emulator, estate, Benchmarks.MAX_CONCURRENCY, s.exportRegions());
            for (String load : List.of("copy", "insert")) {
                Path gc = dir.resolve("gc-" + load + ".log");
                String schema = "bench_" + load;
                Processes.Run first = sync(estate, url, to, schema, load, gc);
                check(first);
                b.counts.put("sync." + load + ".history", count(pg, schema + "." + TABLE + "_history"));
                String how = load.equals("copy") ? "COPY" : "batched INSERT (1,000 rows a batch)";
                b.report.row("first sync, " + how + ": wall time", Samples.of(List.of(first.totalMs())), "ms", "", "");
                b.report.row("first sync, " + how + ": rows per second", Samples.of(List.of(rows / (first.totalMs() / 1000))),
                        "rows/s", "", "");
                double heap = Benchmarks.peakHeapMb(gc);
                b.report.row("first sync, " + how + ": peak heap", Samples.of(List.of(heap)), "MB", "< 256 MB",
                        Benchmarks.verdict(heap < 256));
                if (load.equals("copy")) {
                    Processes.Run again = sync(estate, url, to, schema, load, gc);
                    check(again);
                    b.counts.put("sync.copy.history.afterResync", count(pg, schema + "." + TABLE + "_history"));
                    b.report.row("second sync, nothing changed (COPY): wall time", Samples.of(List.of(again.totalMs())),
                            "ms", "", "");
                }
            }

            Path parquet = dir.resolve("pipelines.parquet");
            Path gc = dir.resolve("gc-parquet.log");
            Processes.Run export = Processes.run(b.jar, List.of("-Xmx256m", "-Xlog:gc:file=" + gc), Benchmarks.env(estate),
                    List.of("export", "--url", url, "--format", "parquet", "--table", TABLE, "--out", parquet.toString()));
            Benchmarks.check(export, 0);
            double heap = Benchmarks.peakHeapMb(gc);
            b.report.row("export --format parquet: wall time", Samples.of(List.of(export.totalMs())), "ms", "", "");
            b.report.row("export --format parquet: peak heap", Samples.of(List.of(heap)), "MB", "< 256 MB",
                    Benchmarks.verdict(heap < 256));
            b.report.row("export --format parquet: file size (uncompressed pages)",
                    Samples.of(List.of(Files.size(parquet) / 1e6)), "MB", "", "");
        }
    }

    private Processes.Run sync(Fixture estate, String url, String to, String schema, String load, Path gc) {
        return Processes.run(b.jar, List.of("-Xmx256m", "-Xlog:gc:file=" + gc), Benchmarks.env(estate),
                List.of("sync", "--url", url, "--to", to, "--schema", schema, "--table", TABLE, "--load", load));
    }

    /** One summary line, status 0. */
    private static void check(Processes.Run r) {
        if (r.exit() != 0 || r.lines() != 1) {
            throw new IllegalStateException("sync exited " + r.exit() + " with " + r.lines() + " lines: " + r.err());
        }
    }

    private static long count(EmbeddedPostgres pg, String table) throws java.sql.SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
