package io.github.imagebuildersql.trino;

import static io.trino.testing.TestingSession.testSessionBuilder;

import io.trino.execution.QueryInfo;
import io.trino.execution.StageInfo;
import io.trino.execution.TaskInfo;
import io.trino.operator.OperatorStats;
import io.trino.operator.PipelineStats;
import io.trino.spi.QueryId;
import io.trino.testing.DistributedQueryRunner;
import java.util.Map;
import java.util.TreeMap;

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

    /** How many of our splits each node ran for a query, from the coordinator's record of it. */
    static Map<String, Long> scanSplitsByNode(DistributedQueryRunner runner, QueryId query) {
        Map<String, Long> byNode = new TreeMap<>();
        QueryInfo info = runner.getCoordinator().getQueryManager().getFullQueryInfo(query);
        for (StageInfo stage : StageInfo.getAllStages(info.getOutputStage())) {
            for (TaskInfo task : stage.getTasks()) {
                for (PipelineStats pipeline : task.stats().getPipelines()) {
                    for (OperatorStats operator : pipeline.getOperatorSummaries()) {
                        if (operator.getOperatorType().matches("TableScanOperator|ScanFilterAndProjectOperator")) {
                            byNode.merge(task.taskStatus().getNodeId(), (long) operator.getTotalDrivers(), Long::sum);
                        }
                    }
                }
            }
        }
        byNode.values().removeIf(n -> n == 0);
        return byNode;
    }
}
