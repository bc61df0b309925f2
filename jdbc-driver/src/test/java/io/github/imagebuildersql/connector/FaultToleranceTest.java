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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            all.append(e.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
