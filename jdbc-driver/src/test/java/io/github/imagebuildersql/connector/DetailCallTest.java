package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which queries pay for detail calls (GetWorkflow), and that running them in parallel changes no answer. */
class DetailCallTest {
    static final String A0 = EstateGenerator.accountId(0);
    static final String A1 = EstateGenerator.accountId(1);
    static final Fixture ESTATE = EstateGenerator.generate("accounts=2,regions=2,pipelines=3,workflows=30");
    static final long WORKFLOWS = FixtureCounts.objects(ESTATE, Fixture.WORKFLOWS, a -> true);
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(ESTATE);
        c = aws.connect("accounts=" + A0 + "," + A1, "roleName=Reader", "regions=us-east-1,us-west-2");
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    @Test
    void countingWorkflowsMakesNoGetWorkflowCall() throws Exception {
        aws.stats().reset();
        assertEquals(List.of(WORKFLOWS), column(c, "select count(*) from imagebuilder_workflow"));
        assertEquals(List.of(WORKFLOWS), column(c, "select count(1) from imagebuilder_workflow"));
        assertEquals(0, aws.stats().total("GetWorkflow"));
    }

    @Test
    void existsAndFiltersOnListedColumnsMakeNoGetWorkflowCall() throws Exception {
        aws.stats().reset();
        assertEquals(List.of(true), column(c, "select exists (select 1 from imagebuilder_workflow)"));
        List<Object> built = column(c, "select count(*) from imagebuilder_workflow where type = 'BUILD' "
                + "and version like '1.%'");
        assertEquals(1, built.size());
        assertEquals(0, aws.stats().total("GetWorkflow"));
    }

    @Test
    void selectingDataMakesOneGetWorkflowPerRow() throws Exception {
        aws.stats().reset();
        assertEquals(WORKFLOWS, query(c, "select arn, data from imagebuilder_workflow").size());
        assertEquals(WORKFLOWS, aws.stats().total("GetWorkflow"));
        assertEquals(FixtureCounts.objects(ESTATE, Fixture.WORKFLOWS, A1, "us-west-2"),
                aws.stats().inPartition(A1, "us-west-2", "GetWorkflow"));
    }

    @Test
    void parallelDetailCallsGiveTheSameRowsAsCallsInSeries() throws Exception {
        aws.stats().reset();
        String sql = "select arn, data, parameters, kms_key_id from imagebuilder_workflow order by arn";
        List<List<Object>> parallel = query(c, sql);
        try (Connection serial = aws.connect("accounts=" + A0 + "," + A1, "roleName=Reader",
                "regions=us-east-1,us-west-2", "detailConcurrency=1", "maxConcurrency=1")) {
            assertEquals(parallel, query(serial, sql));
        }
        assertEquals(2 * WORKFLOWS, aws.stats().total("GetWorkflow"));
    }
}
