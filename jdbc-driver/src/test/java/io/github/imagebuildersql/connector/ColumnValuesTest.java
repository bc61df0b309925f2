package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every column's value and type, read from the sample estate through JDBC in a JVM whose zone is
 * America/Los_Angeles (see the surefire configuration).
 */
class ColumnValuesTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(Fixture.sampleEstate());
        c = aws.connect("regions=us-east-1,eu-west-1,ap-southeast-2", "accounts=org", "roleName=" + EmulatedAws.ROLE);
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    @Test
    void pipelineColumnsComeInDatadogsOrderThenOurs() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from imagebuilder_image_pipeline")) {
            ResultSetMetaData md = rs.getMetaData();
            StringBuilder names = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.append(i > 1 ? "," : "").append(md.getColumnName(i));
            }
            assertEquals("_key,account_id,arn,container_recipe_arn,date_created,date_last_run,date_next_run,"
                    + "date_updated,description,distribution_configuration_arn,enhanced_image_metadata_enabled,"
                    + "execution_role,image_recipe_arn,image_scanning_configuration,image_tests_configuration,"
                    + "infrastructure_configuration_arn,name,platform,schedule,status,tags,workflows,region,"
                    + "last_run_status,consecutive_failures,logging_configuration", names.toString());
        }
    }

    @Test
    void aPipelineReadsBackMemberForMember() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select * from imagebuilder_image_pipeline where name = 'ci-runner-al2023'")) {
            ResultSetMetaData md = rs.getMetaData();
            assertTrue(rs.next());
            String arn = "arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/ci-runner-al2023";
            assertEquals(arn, rs.getString("_key"));
            assertEquals(arn, rs.getString("arn"));
            assertEquals("111111111111", rs.getString("account_id"));
            assertEquals("us-east-1", rs.getString("region"));
            assertNull(rs.getString("container_recipe_arn"), "absent member");
            assertEquals("arn:aws:imagebuilder:us-east-1:111111111111:image-recipe/ci-runner-al2023/3.2.0",
                    rs.getString("image_recipe_arn"));
            assertEquals("2023-03-14 09:12:44.120", rs.getString("date_created"), "UTC wall clock, not Los Angeles");
            assertEquals(Instant.parse("2023-03-14T09:12:44.120Z"), rs.getTimestamp("date_created").toInstant());
            assertEquals(Instant.parse("2024-10-02T17:45:00Z"), rs.getTimestamp("date_updated").toInstant(),
                    "+00:00 style");
            assertEquals(Instant.parse("2024-11-22T01:30:00Z"), rs.getTimestamp("date_next_run").toInstant());
            assertNull(rs.getTimestamp("date_last_run"), "AWS no longer returns it");
            assertEquals(true, rs.getObject("enhanced_image_metadata_enabled"));
            assertEquals("arn:aws:iam::111111111111:role/ImageBuilderExecution", rs.getString("execution_role"));
            assertEquals("Linux", rs.getString("platform"));
            assertEquals("ENABLED", rs.getString("status"));
            assertEquals("AVAILABLE", rs.getString("last_run_status"));
            assertEquals(0, rs.getObject("consecutive_failures"));
            assertEquals(Map.of("team", "platform", "cost center", "cc-1001", "aws:cloudformation:stack-name",
                    "ci-imaging"), rs.getObject("tags", Map.class));
            assertEquals("{\"scheduleExpression\":\"cron(30 1 * * ? *)\",\"timezone\":\"Europe/Dublin\","
                    + "\"pipelineExecutionStartCondition\":\"EXPRESSION_MATCH_ONLY\"}", rs.getString("schedule"));
            assertEquals("{\"imageTestsEnabled\":true,\"timeoutMinutes\":720}", rs.getString("image_tests_configuration"));
            assertEquals("{\"imageScanningEnabled\":true}", rs.getString("image_scanning_configuration"));
            JsonNode workflows = SdkJson.MAPPER.readTree(rs.getString("workflows"));
            assertEquals(2, workflows.size());
            assertEquals("ABORT", workflows.get(0).get("onFailure").asText());
            assertEquals("false", workflows.get(0).get("parameters").get(0).get("value").get(0).asText());
            assertEquals("/aws/imagebuilder/ci-runner-al2023",
                    SdkJson.MAPPER.readTree(rs.getString("logging_configuration")).get("imageLogGroupName").asText());
            assertFalse(rs.next());

            assertEquals(Types.VARCHAR, md.getColumnType(rs.findColumn("name")));
            assertEquals(Types.VARCHAR, md.getColumnType(rs.findColumn("schedule")));
            assertEquals(Types.BOOLEAN, md.getColumnType(rs.findColumn("enhanced_image_metadata_enabled")));
            assertEquals(Types.INTEGER, md.getColumnType(rs.findColumn("consecutive_failures")));
            assertEquals(Types.TIMESTAMP, md.getColumnType(rs.findColumn("date_created")));
            assertEquals(Types.VARCHAR, md.getColumnType(rs.findColumn("tags")), "JSON text to JDBC, a MAP in SQL");
        }
    }

    @Test
    void jsonColumnsWorkWithJsonValue() throws Exception {
        List<Object> windows = column(c, "select name from imagebuilder_image_pipeline "
                + "where json_value(schedule, '$.scheduleExpression') = 'cron(0 4 ? * mon *)' order by name");
        assertEquals(List.of("ci-runner-windows-2022", "dbt-runner-container", "payments-api-al2023",
                "payments-api-al2023", "spark-emr-custom"), windows);
    }

    @Test
    void tagsWorkAsAMap() throws Exception {
        assertEquals(List.of("jupyter-gpu", "settlement-batch"), column(c,
                "select name from imagebuilder_image_pipeline where tags['team'] is null order by name"));
        assertEquals(List.of("cc-2001", "cc-2001", "cc-2001"), column(c,
                "select tags['cost center'] from imagebuilder_image_pipeline where name like 'payments-%' "
                        + "or name = 'payments-iis-win2019' order by 1"));
    }

    @Test
    void textWithQuotesNewlinesAndNonAsciiRoundTrips() throws Exception {
        assertEquals(List.of("Windows build agent — MSVC, .NET 8, \"Git for Windows\""), column(c,
                "select description from imagebuilder_image_pipeline where name = 'ci-runner-windows-2022'"));
        assertEquals(List.of("Nightly settlement batch host, données de référence incluses"), column(c,
                "select description from imagebuilder_image_pipeline where name = 'settlement-batch'"));
        assertEquals(List.of(Instant.parse("2024-09-18T11:30:15.500Z")), column(c,
                "select date_updated from imagebuilder_image_pipeline where name = 'ci-runner-windows-2022'")
                .stream().map(t -> ((java.sql.Timestamp) t).toInstant()).toList(), "one fractional digit");
    }

    @Test
    void workflowColumnsAndTypes() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from imagebuilder_workflow "
                + "where arn = 'arn:aws:imagebuilder:us-east-1:111111111111:workflow/build/build-with-approval/1.0.0/2'")) {
            assertTrue(rs.next());
            assertEquals("build-with-approval", rs.getString("name"));
            assertEquals("1.0.0", rs.getString("version"));
            assertEquals("BUILD", rs.getString("type"));
            assertEquals("111111111111", rs.getString("owner"));
            assertEquals("Adds an approval timeout", rs.getString("change_description"));
            assertTrue(rs.getString("data").startsWith("name: build-with-approval\n"));
            assertEquals("arn:aws:kms:us-east-1:111111111111:alias/imagebuilder", rs.getString("kms_key_id"));
            assertEquals("waitForActionAtEnd",
                    SdkJson.MAPPER.readTree(rs.getString("parameters")).get(0).get("name").asText());
            assertNull(rs.getString("state"), "build 2 is not deprecated");
            assertEquals(Map.of("team", "platform", "managed by", "terraform"), rs.getObject("tags", Map.class));
            assertEquals(Instant.parse("2024-03-05T15:30:00.250Z"), rs.getTimestamp("date_created").toInstant());
            assertFalse(rs.next());
        }
    }

    @Test
    void onlyOwnWorkflowsAreRowsAndDeprecationIsInState() throws Exception {
        List<Object> arns = column(c, "select arn from imagebuilder_workflow order by arn");
        assertEquals(FixtureCounts.inActiveAccounts(aws.emulator().fixture(), Fixture.WORKFLOWS), arns.size());
        assertTrue(arns.stream().noneMatch(a -> a.toString().contains(":aws:workflow/")), "no Amazon-managed rows");
        assertEquals(List.of("build-with-approval/1.0.0/1", "pci-build/1.2.0/1"), column(c,
                "select name || '/' || version || '/' || substring(arn from char_length(arn)) from imagebuilder_workflow "
                        + "where json_value(state, '$.status') = 'DEPRECATED' order by 1"));
    }
}
