package io.github.imagebuildersql.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;

import io.trino.testing.DistributedQueryRunner;
import java.util.Map;

/**
 * A coordinator and two workers in the test's JVM with the plugin installed. Only a runner with workers sends
 * table handles and splits between nodes as JSON, as a real cluster does; the coordinator schedules no splits
 * of its own. Start one per test class: each costs 20-30 s of CPU.
 */
final class TrinoCluster {
    static final String CATALOG = "imagebuilder";
    static final int WORKERS = 2;

    private TrinoCluster() {}

    static DistributedQueryRunner start(Map<String, String> catalogProperties) throws Exception {
        DistributedQueryRunner runner = DistributedQueryRunner.builder(
                        testSessionBuilder().setCatalog(CATALOG).setSchema(TrinoTables.SCHEMA).build())
                .setWorkerCount(WORKERS)
                .addCoordinatorProperty("node-scheduler.include-coordinator", "false")
                .build();
        try {
            runner.installPlugin(new ImageBuilderPlugin());
            runner.createCatalog(CATALOG, ImageBuilderConnectorFactory.NAME, catalogProperties);
            return runner;
        } catch (Exception | Error e) {
            runner.close();
            throw e;
        }
    }
}
