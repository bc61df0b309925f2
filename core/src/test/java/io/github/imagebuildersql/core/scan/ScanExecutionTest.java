package io.github.imagebuildersql.core.scan;

import static io.github.imagebuildersql.core.table.ColumnType.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.imagebuilder.model.ImagePipeline;
import software.amazon.awssdk.services.imagebuilder.model.ListImagePipelinesResponse;

/**
 * A worker thread that an Error stops (out of memory, a stack overflow) fails the scan at once, with one line,
 * rather than leaving the reader waiting for a partition no thread will finish. The Error is thrown by the test's
 * own table, in a column's extractor or a detail call, where a real one would strike; the calls are the real
 * SDK's against the emulator. A scan that hung would fail the test's timeout.
 */
class ScanExecutionTest {
    /** The base credentials' account holds three pipelines in us-east-1; this is one of them. */
    static final String STRUCK = "ci-runner-windows-2022";

    Emulator emulator;
    Inventory inventory;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulator.start(Fixture.sampleEstate());
        inventory = new Inventory(ConnectorConfig.parse(Map.of("endpoint", emulator.endpoint().toString(),
                "regions", "us-east-1", "detailConcurrency", "4")));
    }

    @AfterEach
    void stop() {
        inventory.close();
        emulator.close();
    }

    @Test
    @Timeout(60)
    void anErrorWhileARowIsReadFailsTheScanPromptlyWithOneLine() throws Exception {
        TableDefinition<ImagePipeline> table = pipelines((api, options, sink) -> api.pages("ListImagePipelines",
                token -> c -> c.listImagePipelines(r -> r.nextToken(token)), ListImagePipelinesResponse::imagePipelineList,
                ListImagePipelinesResponse::nextToken, sink), p -> {
                    if (p.name().equals(STRUCK)) {
                        throw new OutOfMemoryError("Java heap space");
                    }
                    return p.name();
                });
        assertFailsWith(table, "java.lang.OutOfMemoryError: Java heap space");
    }

    /**
     * Detail calls run on the scan's other threads too: an Error there must fail the batch, not leave its item's
     * answer missing (a row read from nothing) nor the batch's owner waiting.
     */
    @Test
    @Timeout(60)
    void anErrorInADetailCallOnAnyThreadFailsTheScan() throws Exception {
        TableDefinition<ImagePipeline> table = pipelines((api, options, sink) -> api.pages("ListImagePipelines",
                token -> c -> c.listImagePipelines(r -> r.nextToken(token)), ListImagePipelinesResponse::imagePipelineList,
                ListImagePipelinesResponse::nextToken, page -> sink.accept(api.detailCalls("GetImagePipeline", page,
                        p -> c -> {
                            if (p.name().equals(STRUCK)) {
                                throw new StackOverflowError();
                            }
                            return c.getImagePipeline(r -> r.imagePipelineArn(p.arn())).imagePipeline();
                        }))), ImagePipeline::name);
        assertFailsWith(table, "java.lang.StackOverflowError");
        assertTrue(emulator.stats().total("GetImagePipeline") <= 2, "the others' detail calls, at most");
    }

    private void assertFailsWith(TableDefinition<ImagePipeline> table, String error) throws InterruptedException {
        ScanRequest request = ScanRequest.of(List.of("_key", "name"));
        ScanExecution<ImagePipeline> scan = inventory.execute(table, inventory.plan(table, request), request,
                ScanListener.NONE, null, 0);
        ScanExecution.WorkerFailedException e = assertThrows(ScanExecution.WorkerFailedException.class, () -> {
            while (scan.hasNext()) {
                scan.next();
            }
        });
        assertEquals("test_pipelines: the scan of account 111111111111 region us-east-1 stopped: " + error,
                e.getMessage());
        assertTrue(scan.awaitWorkersEnded(30, TimeUnit.SECONDS), "no worker is left running");
    }

    private static TableDefinition<ImagePipeline> pipelines(TableDefinition.Lister<ImagePipeline> lister,
            Function<ImagePipeline, Object> name) {
        return TableDefinition.<ImagePipeline>table("test_pipelines", "pipeline").calls("ListImagePipelines")
                .listedBy(lister)
                .key(ImagePipeline::arn)
                .column("name", VARCHAR, name, "The pipeline's name.")
                .region()
                .build();
    }
}
