package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Throttling and errors are absorbed; partitions that still fail are never silently missing. */
class FaultToleranceTest {

    @Test
    void throttlingAndServerErrorsStillReturnCompleteResults() throws Exception {
        Fixture estate = EstateGenerator.generate("accounts=2,regions=2,pipelines=30,workflows=0");
        String accounts = "accounts=" + String.join(",", estate.accounts().keySet());
        try (EmulatedAws aws = EmulatedAws.start(estate, EmulatorOptions.defaults().withThrottleRate(0.2)
                .withErrorRate(0.05).withSeed(11));
                Connection c = aws.connect(accounts, "roleName=Reader", "regions=us-east-1,us-west-2")) {
            List<Object> arns = column(c, "select arn from imagebuilder_image_pipeline");
            long pipelines = FixtureCounts.objects(estate, Fixture.IMAGE_PIPELINES, a -> true);
            assertEquals(pipelines, arns.size());
            assertEquals(pipelines, arns.stream().distinct().count());
            assertTrue(aws.stats().faults("throttle") > 0, "faults were injected and absorbed");
        }
    }

    static Fixture forbiddenRegion() {
        String json = """
                {"credentials": {"accessKeyId": "AKIAEMULATORBASE0001",
                                 "secretAccessKey": "emulator/base/secret/key/0000000000000001", "account": "123456789012"},
                 "accounts": {"123456789012": {"regions": {
                    "us-east-1": {"imagePipelines": [{"arn": "arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/a", "name": "a"}]},
                    "eu-west-1": {"error": "ForbiddenException"}}}}}""";
        return Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void aFailingPartitionFailsTheQueryNamingAccountRegionOperationAndError() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(forbiddenRegion());
                Connection c = aws.connect("regions=us-east-1,eu-west-1")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
            String message = rootMessage(e);
            for (String part : List.of("123456789012", "eu-west-1", "ListImagePipelines", "ForbiddenException")) {
                assertTrue(message.contains(part), message);
            }
            assertEquals(List.of("a"), column(c, "select name from imagebuilder_image_pipeline where region = 'us-east-1'"),
                    "the connection stays usable");
        }
    }

    @Test
    void skipReturnsTheOtherPartitionsAndWarns() throws Exception {
        for (String policy : List.of("onError=skip", "ignoreErrorCodes=ForbiddenException,AccessDenied")) {
            try (EmulatedAws aws = EmulatedAws.start(forbiddenRegion());
                    Connection c = aws.connect("regions=us-east-1,eu-west-1", policy);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
                    assertEquals(List.of(List.of("a")), EmulatedAws.rows(rs));
                }
                SQLWarning w = s.getWarnings();
                assertNotNull(w, policy);
                assertTrue(w.getMessage().contains("eu-west-1") && w.getMessage().contains("ForbiddenException"),
                        w.getMessage());
                assertNull(w.getNextWarning(), "one warning per skipped partition");
                s.clearWarnings();
                assertNull(s.getWarnings());
            }
        }
    }

    @Test
    void ignoreErrorCodesDoesNotHideOtherErrors() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(forbiddenRegion());
                Connection c = aws.connect("regions=us-east-1,eu-west-1", "ignoreErrorCodes=AccessDenied")) {
            assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
        }
    }

    @Test
    void aDeniedRoleFailsOnlyThatAccountsPartitions() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate());
                Connection c = aws.connect("accounts=222222222222,444444444444", "roleName=" + EmulatedAws.ROLE,
                        "regions=us-east-1", "onError=skip");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select account_id from imagebuilder_image_pipeline")) {
                assertEquals(aws.emulator().fixture().account("222222222222").region("us-east-1").imagePipelines().size(),
                        EmulatedAws.rows(rs).size(), "the other account's rows");
            }
            assertTrue(s.getWarnings().getMessage().contains("444444444444"), s.getWarnings().getMessage());
            assertTrue(s.getWarnings().getMessage().contains("AccessDenied"), s.getWarnings().getMessage());
        }
    }

    /**
     * The base account's us-east-1 with one pipeline, and its eu-west-1 with 30 (two pages) listed with the given
     * corruption (see the emulator's fixture format).
     */
    static Fixture misbehavingEuWest1(String corrupt) {
        String thirty = IntStream.range(0, 30).mapToObj(i -> ReliabilityTest.pipeline("eu-west-1", "p" + i))
                .collect(Collectors.joining(","));
        return ReliabilityTest.fixture("{\"us-east-1\": {\"imagePipelines\": [" + ReliabilityTest.pipeline("us-east-1", "a")
                + "]}, \"eu-west-1\": {\"imagePipelines\": [" + thirty + "], \"corrupt\": \"" + corrupt + "\"}}");
    }

    static long listingsOf(EmulatedAws aws, String region) {
        return aws.stats().inPartition("123456789012", region, "ListImagePipelines");
    }

    @Test
    @Timeout(120) // a listing that never ends fails the test rather than hanging the suite
    void aNextTokenThatRepeatsEndsThePartitionWithOneLineInsteadOfListingForever() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(misbehavingEuWest1("repeating-token"));
                Connection c = aws.connect("regions=us-east-1,eu-west-1")) {
            SQLException e = assertThrows(SQLException.class,
                    () -> column(c, "select count(*) from imagebuilder_image_pipeline"));
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            for (String part : List.of("account 123456789012 region eu-west-1", "ListImagePipelines", "EndlessListing",
                    "page 2 returned the nextToken of page 1")) {
                assertTrue(e.getMessage().contains(part), e.getMessage());
            }
            assertEquals(2, listingsOf(aws, "eu-west-1"), "the first page, and the one that repeated its token");
        }
        for (String policy : List.of("onError=skip", "ignoreErrorCodes=EndlessListing")) {
            try (EmulatedAws aws = EmulatedAws.start(misbehavingEuWest1("repeating-token"));
                    Connection c = aws.connect("regions=us-east-1,eu-west-1", policy);
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select name from imagebuilder_image_pipeline")) {
                    assertEquals(26, EmulatedAws.rows(rs).size(), "us-east-1's pipeline, and the first page once");
                }
                assertTrue(s.getWarnings().getMessage().contains("EndlessListing")
                        && s.getWarnings().getMessage().contains("after 25 rows"), s.getWarnings().getMessage());
            }
        }
    }

    @Test
    @Timeout(120) // a listing that never ends fails the test rather than hanging the suite
    void pagesThatStayEmptyWithATokenEndThePartitionAfterAHundred() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(misbehavingEuWest1("empty-pages"));
                Connection c = aws.connect("regions=us-east-1,eu-west-1")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
            assertTrue(e.getMessage().contains("region eu-west-1: ListImagePipelines failed: EndlessListing: pages 1 to "
                    + "100 were empty, each with a nextToken"), e.getMessage());
            assertEquals(100, listingsOf(aws, "eu-west-1"));
        }
    }

    @Test
    void overlappingPagesGiveEachPipelineOnce() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(misbehavingEuWest1("overlapping-pages"));
                Connection c = aws.connect("regions=us-east-1,eu-west-1")) {
            List<Object> keys = column(c, "select _key from imagebuilder_image_pipeline");
            assertEquals(2, listingsOf(aws, "eu-west-1"), "the second page began with the first page's last pipeline");
            assertEquals(31, keys.size());
            assertEquals(31, keys.stream().distinct().count(), "rows are unique by _key");
            assertEquals(List.of(31L), column(c, "select count(*) from imagebuilder_image_pipeline"));
        }
    }

    @Test
    void anAnswerThatCannotBeReadSaysWhatWasWrongAtOnce() throws Exception {
        Map<String, String> said = Map.of("html", "Unexpected character ('<'",
                "malformed-json", "Unexpected end-of-input",
                "huge", "exceeds the maximum allowed");
        for (Map.Entry<String, String> corrupt : said.entrySet()) {
            try (EmulatedAws aws = EmulatedAws.start(misbehavingEuWest1(corrupt.getKey()));
                    Connection c = aws.connect("regions=us-east-1,eu-west-1")) {
                SQLException e = assertThrows(SQLException.class,
                        () -> column(c, "select name from imagebuilder_image_pipeline"));
                assertTrue(e.getMessage().startsWith("imagebuilder_image_pipeline: account 123456789012 region eu-west-1: "
                        + "ListImagePipelines failed: UnreadableAnswer: the answer is not what the API sends ("),
                        corrupt.getKey() + ": " + e.getMessage());
                assertTrue(e.getMessage().contains(corrupt.getValue()), corrupt.getKey() + ": " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertEquals(1, listingsOf(aws, "eu-west-1"), corrupt.getKey() + ": asking again would not mend it");
            }
        }
    }

    @Test
    void aCallThatRunsOutOfTimeSaysWhatItsLastAttemptMet() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(misbehavingEuWest1("truncated"));
                Connection c = aws.connect("regions=us-east-1,eu-west-1", "callTimeout=3")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
            assertTrue(e.getMessage().contains("eu-west-1: ListImagePipelines failed: Timeout: ")
                    && e.getMessage().contains("(the last attempt before it: ClientError: "), e.getMessage());
            assertTrue(listingsOf(aws, "eu-west-1") > 1, "a connection cut mid-answer is worth another attempt");
        }
    }

    @Test
    void anOrganisationThatListsNoAccountIsAnErrorNotAnEmptyEstate() throws Exception {
        String json = """
                {"credentials": {"accessKeyId": "AKIAEMULATORBASE0001",
                                 "secretAccessKey": "emulator/base/secret/key/0000000000000001", "account": "123456789012"},
                 "emptyOrganization": true,
                 "accounts": {"123456789012": {"regions": {"us-east-1": {"imagePipelines": [%s]}}}}}"""
                .formatted(ReliabilityTest.pipeline("us-east-1", "a"));
        try (EmulatedAws aws = EmulatedAws.start(Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                "test")); Connection c = aws.connect("accounts=org", "roleName=Reader", "regions=us-east-1", "onError=skip")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
            assertEquals("Organizations ListAccounts (accounts=org) answered with no ACTIVE account; nothing was scanned. "
                    + "Run as the organisation's management account or a delegated administrator, or list the accounts "
                    + "(accounts=111111111111,...)", e.getMessage());
            assertEquals(0, aws.stats().total("ListImagePipelines"));
        }
    }

    @Test
    void anAssumeRoleThatFailsIsNamedAsAssumeRoleNotAsTheCallItWasFor() throws Exception {
        try (MisbehavingEndpoint aws = MisbehavingEndpoint.start(r -> r.operation().equals("AssumeRole")
                ? MisbehavingEndpoint.Answer.of(200, "text/xml", "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/"
                        + "doc/2011-06-15/\"><AssumeRoleResult><Credentials><AccessKeyId>ASIA")
                : MisbehavingEndpoint.Answer.of(500, "text/plain", "not asked for"));
                Connection c = DriverManager.getConnection("jdbc:imagebuilder:endpoint=" + aws.endpoint()
                        + ";accounts=111111111111;roleName=Reader;regions=us-east-1")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
            assertTrue(e.getMessage().startsWith("imagebuilder_image_pipeline: account 111111111111 region us-east-1: "
                    + "AssumeRole (for ListImagePipelines) failed: UnreadableAnswer: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertEquals(1, aws.calls("AssumeRole"), "an unreadable answer is not asked for again, by STS or by the call");
            assertEquals(0, aws.calls("/ListImagePipelines"));
        }
    }

    @Test
    void anStsIdentityWithoutAnAccountIsOneLine() throws Exception {
        try (MisbehavingEndpoint aws = MisbehavingEndpoint.start(r -> MisbehavingEndpoint.Answer.of(200, "text/xml",
                "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                        + "<Arn>arn:aws:iam::111111111111:user/someone</Arn></GetCallerIdentityResult>"
                        + "</GetCallerIdentityResponse>"));
                Connection c = DriverManager.getConnection("jdbc:imagebuilder:endpoint=" + aws.endpoint()
                        + ";regions=us-east-1")) {
            SQLException e = assertThrows(SQLException.class, () -> column(c, "select name from imagebuilder_image_pipeline"));
            assertEquals("STS GetCallerIdentity answered without an account ID, so the account to scan is unknown; "
                    + "check that endpoint " + aws.endpoint() + " is AWS STS", e.getMessage());
            assertEquals(0, aws.calls("/ListImagePipelines"));
        }
    }

    static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            all.append(e.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
