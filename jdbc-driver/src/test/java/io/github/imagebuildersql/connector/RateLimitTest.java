package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Under AWS's per-account-and-region throttling (the emulator's --rate-limit), the answer is the same,
 * and a client told the rate (rateLimit) makes exactly the calls of an unthrottled scan.
 */
class RateLimitTest {
    static final Fixture ESTATE = EstateGenerator.generate("accounts=2,regions=2,pipelines=2,workflows=20");
    static final String ACCOUNTS = "accounts=" + String.join(",", ESTATE.accounts().keySet());
    static final String REGIONS = "regions=us-east-1,us-west-2";
    static final String SQL = "select account_id, region, arn, data from imagebuilder_workflow order by arn";
    static final int RATE = 25;
    static final List<String> IMAGE_BUILDER = List.of("ListWorkflows", "ListWorkflowBuildVersions", "GetWorkflow");

    @Test
    void aPacedScanGetsTheSameAnswerWithTheSameCallsAndNoThrottling() throws Exception {
        Unthrottled reference = unthrottled();
        try (EmulatedAws aws = EmulatedAws.start(ESTATE, EmulatorOptions.defaults().withRateLimit(RATE));
                Connection c = aws.connect(ACCOUNTS, "roleName=Reader", REGIONS, "rateLimit=" + RATE)) {
            assertEquals(reference.rows(), query(c, SQL));
            assertEquals(reference.calls(), calls(aws));
            assertEquals(0, aws.stats().faults("rateLimit"));
        }
    }

    @Test
    void anUnpacedScanRetriesWhatIsThrottledToTheSameAnswer() throws Exception {
        Unthrottled reference = unthrottled();
        try (EmulatedAws aws = EmulatedAws.start(ESTATE, EmulatorOptions.defaults().withRateLimit(RATE));
                Connection c = aws.connect(ACCOUNTS, "roleName=Reader", REGIONS, "detailConcurrency=8")) {
            assertEquals(reference.rows(), query(c, SQL));
            long throttled = aws.stats().faults("rateLimit"); // how many depends on the machine's speed
            long sent = IMAGE_BUILDER.stream().mapToLong(op -> aws.stats().total(op)).sum();
            long needed = reference.calls().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(needed + throttled, sent, "every extra call is a retried throttled one");
        }
    }

    private record Unthrottled(List<List<Object>> rows, Map<String, Long> calls) {}

    private static Unthrottled unthrottled() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(ESTATE);
                Connection c = aws.connect(ACCOUNTS, "roleName=Reader", REGIONS)) {
            return new Unthrottled(query(c, SQL), calls(aws));
        }
    }

    private static Map<String, Long> calls(EmulatedAws aws) {
        return Stream.of("ListWorkflows", "ListWorkflowBuildVersions", "GetWorkflow")
                .collect(Collectors.toMap(op -> op, op -> aws.stats().total(op)));
    }
}
