package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults survived with nothing lost; failures that cannot be survived are reported, never silent. */
class ReliabilityTest {

    static Fixture fixture(String regionsJson) {
        String json = """
                {"credentials": {"accessKeyId": "AKIAEMULATORBASE0001",
                                 "secretAccessKey": "emulator/base/secret/key/0000000000000001", "account": "123456789012"},
                 "accounts": {"123456789012": {"regions": %s}}}""".formatted(regionsJson);
        return Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    static String pipeline(String region, String name) {
        return "{\"arn\": \"arn:aws:imagebuilder:" + region + ":123456789012:image-pipeline/" + name + "\", \"name\": \""
                + name + "\", \"status\": \"ENABLED\"}";
    }

    @Test
    void throttlingServerErrorsAndJitterOverFiftyPartitionsLoseNothingWhateverTheSeed() throws Exception {
        Fixture estate = EstateGenerator.generate("accounts=10,regions=5,pipelines=30,workflows=0");
        String[] props = {"accounts=" + String.join(",", estate.accounts().keySet()), "roleName=Reader",
                "regions=" + String.join(",", EstateGenerator.REGIONS.subList(0, 5))};
        String sql = "select arn, name, status, date_updated, tags from imagebuilder_image_pipeline order by arn";
        List<List<Object>> clean;
        try (EmulatedAws aws = EmulatedAws.start(estate); Connection c = aws.connect(props)) {
            clean = query(c, sql);
        }
        assertEquals(FixtureCounts.objects(estate, Fixture.IMAGE_PIPELINES, a -> true), clean.size());
        for (long seed : new long[] {1, 2, 3}) {
            try (EmulatedAws aws = EmulatedAws.start(estate, EmulatorOptions.defaults().withThrottleRate(0.3)
                    .withErrorRate(0.05).withLatency(Duration.ofMillis(3)).withSeed(seed));
                    Connection c = aws.connect(props)) {
                assertEquals(clean, query(c, sql), "seed " + seed);
                assertTrue(aws.stats().faults("throttle") > 10 && aws.stats().faults("unavailable") > 0,
                        "seed " + seed + ": faults were injected");
            }
        }
    }

    @Test
    void aPartitionThatStopsAnsweringEndsWithinCallTimeout() throws Exception {
        Fixture hung = fixture("{\"us-east-1\": {\"imagePipelines\": [" + pipeline("us-east-1", "a") + "]},"
                + " \"eu-west-1\": {\"delayMs\": 600000}}");
        try (EmulatedAws aws = EmulatedAws.start(hung)) {
            try (Connection c = aws.connect("regions=us-east-1,eu-west-1", "callTimeout=2")) {
                SQLException e = assertThrows(SQLException.class, () -> query(c, "select name from imagebuilder_image_pipeline"));
                assertTrue(e.getMessage().contains("eu-west-1") && e.getMessage().contains("Timeout"), e.getMessage());
            }
            try (Connection c = aws.connect("regions=us-east-1,eu-west-1", "callTimeout=2", "onError=skip");
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
                    assertEquals(List.of(List.of("a")), EmulatedAws.rows(rs));
                }
                assertTrue(s.getWarnings().getMessage().contains("Timeout"), s.getWarnings().getMessage());
            }
        }
    }

    @Test
    void credentialsThatExpireDuringAConnectionAreRenewed() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate());
                Connection c = aws.connect("accounts=222222222222", "roleName=" + EmulatedAws.ROLE, "regions=us-east-1")) {
            int pipelines = aws.emulator().fixture().account("222222222222").region("us-east-1").imagePipelines().size();
            assertEquals(pipelines, column(c, "select name from imagebuilder_image_pipeline").size());
            aws.emulator().advanceClock(Duration.ofHours(2)); // the role session's hour is over, by AWS's clock
            aws.stats().reset();
            assertEquals(pipelines, column(c, "select name from imagebuilder_image_pipeline").size());
            assertEquals(1, aws.stats().total("AssumeRole"), "renewed once");
            assertEquals(2, aws.stats().total("ListImagePipelines"), "the refused call, then the same call again");
        }
    }

    /** 150 is over the lookup limit; 10,000 would also overflow Calcite's code generator if Calcite checked it. */
    @ParameterizedTest(name = "{0} ARNs")
    @ValueSource(ints = {150, 10_000})
    void longArnListsListTheTableInsteadOfOneGetEach(int arns) throws Exception {
        String in = IntStream.range(0, arns)
                .mapToObj(i -> "'arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/p" + i + "'")
                .collect(Collectors.joining(","));
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate()); Connection c = aws.connect("regions=us-east-1")) {
            assertEquals(List.of(), column(c, "select name from imagebuilder_image_pipeline where arn in (" + in + ")"));
            assertEquals(0, aws.stats().total("GetImagePipeline"));
            assertEquals(1, aws.stats().total("ListImagePipelines"));
        }
    }

    /** 5,000 integers: Calcite would compile them into code too deeply nested to run; the scan compares them itself. */
    @Test
    void aLongIntegerInListIsAppliedByTheScan() throws Exception {
        String in = IntStream.rangeClosed(1, 5_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate());
                Connection c = aws.connect("accounts=org", "roleName=" + EmulatedAws.ROLE,
                        "regions=us-east-1,eu-west-1,ap-southeast-2")) {
            List<Object> failing = column(c, "select name from imagebuilder_image_pipeline "
                    + "where consecutive_failures between 1 and 5000 order by name");
            assertFalse(failing.isEmpty(), "the estate has failing pipelines");
            assertEquals(failing, column(c, "select name from imagebuilder_image_pipeline where consecutive_failures in ("
                    + in + ") order by name"));
            try (var ps = c.prepareStatement("select name from imagebuilder_image_pipeline "
                    + "where consecutive_failures in (?, ?) order by name")) {
                ps.setInt(1, 0);
                ps.setInt(2, 5);
                try (ResultSet rs = ps.executeQuery()) {
                    assertEquals(column(c, "select name from imagebuilder_image_pipeline "
                            + "where consecutive_failures = 0 or consecutive_failures = 5 order by name"),
                            EmulatedAws.rows(rs).stream().map(r -> r.get(0)).toList());
                }
            }
        }
    }

    @Test
    void aLongInListTheScanCannotApplyIsRefusedAtOnceWithOneLine() throws Exception {
        String in = IntStream.rangeClosed(1, 5_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate()); Connection c = aws.connect("regions=us-east-1")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline "
                    + "where consecutive_failures in (" + in + ") or name = 'ci-runner-al2023'"));
            assertEquals("54001", e.getSQLState());
            assertTrue(e.getMessage().startsWith("an IN list of 5000 values that the scan cannot apply itself"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
            assertEquals(0, aws.stats().totalRequests(), "refused while planning");
        }
    }

    @Test
    void longQuotedAndUnicodeValuesAreAnsweredWithoutCalls() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate()); Connection c = aws.connect("regions=us-east-1")) {
            String longArn = "arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/" + "x".repeat(100_000);
            for (String arn : List.of(longArn, "arn:aws-us-gov:imagebuilder:us-gov-west-1:111111111111:image-pipeline/a",
                    "arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/日本語", "'; drop table x; --")) {
                assertEquals(List.of(), column(c, "select name from imagebuilder_image_pipeline where arn = '"
                        + arn.replace("'", "''") + "'"));
            }
            assertEquals(1, aws.stats().total("GetImagePipeline"),
                    "the long ARN is well-formed (the model sets no length) and in scope: one Get, no row; the others none");
        }
    }

    @Test
    void unknownEnumsAndExtraMembersFlowThrough() throws Exception {
        Fixture future = fixture("{\"us-east-1\": {\"imagePipelines\": [{\"arn\": "
                + "\"arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/next\", \"name\": \"next\", "
                + "\"status\": \"PAUSED\", \"platform\": \"Plan9\", \"lastRunStatus\": \"HIBERNATING\", "
                + "\"schedule\": {\"scheduleExpression\": \"rate(1 day)\", \"futureMember\": true}, "
                + "\"brandNewMember\": {\"x\": 1}}]}}");
        try (EmulatedAws aws = EmulatedAws.start(future); Connection c = aws.connect("regions=us-east-1")) {
            assertEquals(List.of(List.of("PAUSED", "Plan9", "HIBERNATING", "{\"scheduleExpression\":\"rate(1 day)\"}")),
                    query(c, "select status, platform, last_run_status, schedule from imagebuilder_image_pipeline"));
        }
    }

    @Test
    void malformedOrTruncatedResponsesFailThePartitionClearly() throws Exception {
        for (String corrupt : List.of("malformed-json", "truncated")) {
            Fixture broken = fixture("{\"us-east-1\": {\"imagePipelines\": [" + pipeline("us-east-1", "a") + "]},"
                    + " \"eu-west-1\": {\"imagePipelines\": [" + pipeline("eu-west-1", "b") + "], \"corrupt\": \"" + corrupt + "\"}}");
            try (EmulatedAws aws = EmulatedAws.start(broken);
                    Connection c = aws.connect("regions=us-east-1,eu-west-1", "callTimeout=3")) {
                SQLException e = assertThrows(SQLException.class, () -> query(c, "select name from imagebuilder_image_pipeline"));
                assertTrue(e.getMessage().contains("eu-west-1") && e.getMessage().contains("ListImagePipelines"),
                        corrupt + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("incomplete"), "the failing partition returned no row: " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        }
    }

    @Test
    void anEndpointThatIsNotHttpIsOneClearLine() throws Exception {
        try (java.net.ServerSocket smtp = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                while (!smtp.isClosed()) {
                    try (java.net.Socket s = smtp.accept()) {
                        s.getOutputStream().write("220 mail.example.com ESMTP ready\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "not-http");
            server.setDaemon(true);
            server.start();
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:imagebuilder:endpoint=http://127.0.0.1:"
                    + smtp.getLocalPort() + ";regions=us-east-1;callTimeout=3")) {
                SQLException e = assertThrows(SQLException.class, () -> query(c, "select name from imagebuilder_image_pipeline"));
                assertTrue(e.getMessage().contains("GetCallerIdentity"), e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            }
        }
    }

    @Test
    void anUnreachableEndpointIsOneClearLine() throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(
                "jdbc:imagebuilder:endpoint=http://127.0.0.1:9;regions=us-east-1;callTimeout=3")) {
            SQLException e = assertThrows(SQLException.class, () -> query(c, "select name from imagebuilder_image_pipeline"));
            assertTrue(e.getMessage().contains("GetCallerIdentity"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }
}
