package io.github.imagebuildersql.bench;

import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Case 9, the most expensive of the tables: {@code imagebuilder_image} with a column only GetImage
 * returns, one GetImage per image build, against the listing alone and against a source-pipeline
 * lookup. Its own estate: up to 10 accounts × the suite's regions × 4 pipelines × 5 builds each.
 */
final class ImageDetailCase {
    private final Benchmarks bench;

    ImageDetailCase(Benchmarks bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        Benchmarks.Settings s = bench.settings;
        int builds = s == Benchmarks.FULL ? 5 : 2;
        String spec = "accounts=" + Math.min(10, s.accounts()) + ",regions=" + s.regions() + ",pipelines=4,workflows=0,"
                + "images=" + builds;
        Fixture estate = EstateGenerator.generate(spec);
        List<String> images = new ArrayList<>();
        Set<String> versions = new java.util.HashSet<>();
        estate.accounts().values().forEach(a -> a.regions().values().forEach(r -> r.objects(Fixture.IMAGES).forEach(i -> {
            images.add(i.get("arn").asText());
            versions.add(i.get("arn").asText().replaceAll("/[0-9]+$", ""));
        })));
        long partitions = estate.accounts().size() * (long) s.regions();
        String pipeline = estate.accounts().values().iterator().next().region(EstateGenerator.REGIONS.get(0))
                .imagePipelines().get(0).get("arn").asText();
        bench.report.section("10. Images: list-only columns vs a GetImage column", spec + " (" + images.size()
                + " image builds in " + versions.size() + " versions, " + partitions + " partitions), "
                + s.latencyMs() + " ms latency, maxConcurrency " + Benchmarks.MAX_CONCURRENCY + ", roles assumed "
                + "beforehand. Bound = max(3 calls in series (ListImages, ListImageBuildVersions, GetImage) × latency, "
                + "total calls ÷ maxConcurrency × latency).");
        try (Emulator emulator = Emulator.start(estate,
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(s.latencyMs())));
                Connection c = DriverManager.getConnection(bench.url(emulator, estate, Benchmarks.MAX_CONCURRENCY))) {
            Benchmarks.count(c, "select arn from imagebuilder_image where name = 'none'"); // assumes the roles
            for (String columns : new String[] {"arn, state", "arn, image_recipe_arn"}) {
                List<Double> times = new ArrayList<>();
                long gets = 0;
                long calls = 0;
                for (int i = 0; i < Math.max(1, s.runs()); i++) {
                    emulator.stats().reset();
                    long t = System.nanoTime();
                    long rows = Benchmarks.count(c, "select " + columns + " from imagebuilder_image");
                    times.add((System.nanoTime() - t) / 1e6);
                    if (rows != images.size()) {
                        throw new IllegalStateException("imagebuilder_image returned " + rows + " rows, expected " + images.size());
                    }
                    gets = emulator.stats().total("GetImage");
                    calls = emulator.stats().totalRequests();
                }
                boolean detail = columns.contains("image_recipe_arn");
                long expectedGets = detail ? images.size() : 0;
                bench.counts.put("image." + (detail ? "detail" : "list") + ".gets", gets);
                bench.counts.put("image." + (detail ? "detail" : "list") + ".calls", calls);
                bench.report.exact("`select " + columns + "`: GetImage calls (" + calls + " calls in all)", gets,
                        expectedGets + (detail ? " (one per build)" : ""), Benchmarks.verdict(gets == expectedGets));
                double bound = bench.bound(calls, detail ? 3 : 2, Benchmarks.MAX_CONCURRENCY);
                Samples sample = Samples.of(times);
                bench.report.row("`select " + columns + "`: wall time", sample, "ms", "bound " + Samples.fmt(bound) + " ms",
                        Samples.fmt(sample.median() / bound) + "× bound");
            }
            emulator.stats().reset();
            long rows = Benchmarks.count(c, "select arn, state, source_pipeline_arn from imagebuilder_image "
                    + "where source_pipeline_arn = '" + pipeline + "'");
            long calls = emulator.stats().totalRequests();
            bench.counts.put("image.pipeline.calls", calls);
            bench.counts.put("image.pipeline.rows", rows);
            bench.report.exact("`where source_pipeline_arn = '…'`: calls (" + rows + " rows)", calls,
                    "1 (one ListImagePipelineImages, no ListImages, no GetImage)", Benchmarks.verdict(calls == 1
                            && emulator.stats().total("ListImagePipelineImages") == 1));
        }
    }
}
