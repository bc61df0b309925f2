package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API calls each pushdown rule makes, read from the emulator's stats. */
class PushdownTest {
    static final String A0 = EstateGenerator.accountId(0);
    static final String A1 = EstateGenerator.accountId(1);
    static final List<String> REGIONS = EstateGenerator.REGIONS.subList(0, 2);
    static Fixture estate = EstateGenerator.generate("accounts=2,regions=2,pipelines=40,workflows=6");
    static final long PARTITIONS = estate.accounts().size() * REGIONS.size();
    /** The workflow build versions the accounts own (the Amazon-managed one in each region is not theirs). */
    static final long WORKFLOWS = FixtureCounts.objects(estate, Fixture.WORKFLOWS, a -> true);
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(estate);
        c = aws.connect("accounts=" + A0 + "," + A1, "roleName=Reader", "regions=" + String.join(",", REGIONS));
        column(c, "select count(*) from imagebuilder_image_pipeline where account_id = '" + A0 + "'"); // warm credentials
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    @BeforeEach
    void reset() {
        aws.stats().reset();
    }

    static String arn(String account, String region, int i) {
        return estate.account(account).region(region).imagePipelines().get(i).get("arn").asText();
    }

    @Test
    void anArnLookupIsExactlyOneGetAndNoListing() throws Exception {
        String arn = arn(A1, "us-west-2", 7);
        assertEquals(List.of(arn), column(c, "select arn from imagebuilder_image_pipeline where arn = '" + arn + "'"));
        assertEquals(1, aws.stats().total("GetImagePipeline"));
        assertEquals(1, aws.stats().inPartition(A1, "us-west-2", "GetImagePipeline"));
        assertEquals(0, aws.stats().total("ListImagePipelines"));
    }

    @Test
    void keyLookupWorksThroughUnderscoreKeyAndPreparedStatementParameters() throws Exception {
        String arn = arn(A0, "us-east-1", 3);
        assertEquals(List.of(arn), column(c, "select _key from imagebuilder_image_pipeline where _key = '" + arn + "'"));
        try (PreparedStatement ps = c.prepareStatement("select name from imagebuilder_image_pipeline where arn = ?")) {
            ps.setString(1, arn);
            try (ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of(List.of(arn.substring(arn.lastIndexOf('/') + 1))), EmulatedAws.rows(rs));
            }
        }
        assertEquals(2, aws.stats().total("GetImagePipeline"));
        assertEquals(0, aws.stats().total("ListImagePipelines"));
    }

    @Test
    void anInListOfMoreThanTwentyArnsIsStillOneGetEach() throws Exception {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            arns.add(arn(i % 2 == 0 ? A0 : A1, i % 3 == 0 ? "us-east-1" : "us-west-2", i));
        }
        String in = arns.stream().map(a -> "'" + a + "'").collect(Collectors.joining(","));
        assertEquals(arns.size(), column(c, "select arn from imagebuilder_image_pipeline where arn in (" + in + ")").size());
        assertEquals(arns.size(), aws.stats().total("GetImagePipeline"));
        assertEquals(0, aws.stats().total("ListImagePipelines"));
    }

    @Test
    void arnsOutsideTheScopeOrMalformedMakeNoCallsAndNoRows() throws Exception {
        String inScope = arn(A0, "us-east-1", 0);
        for (String arn : List.of(
                inScope.replace(A0, "999999999999"),                      // an account not scanned
                inScope.replace("us-east-1", "eu-west-1"),                // a region not scanned
                inScope.replace("arn:aws:", "arn:aws-cn:"),               // another partition
                inScope.replace("image-pipeline/", "image-recipe/"),      // another resource type
                "not an arn", "arn:aws:imagebuilder:us-east-1:" + A0 + ":image-pipeline/it''s \"quoted\" ünïcode")) {
            assertEquals(List.of(), column(c, "select arn from imagebuilder_image_pipeline where arn = '"
                    + arn.replace("'", "''") + "'"), arn);
        }
        assertEquals(0, aws.stats().totalRequests());
    }

    @Test
    void anUnknownArnInScopeIsOneGetAndNoRow() throws Exception {
        String missing = "arn:aws:imagebuilder:us-east-1:" + A0 + ":image-pipeline/no-such-pipeline";
        assertEquals(List.of(), column(c, "select arn from imagebuilder_image_pipeline where arn = '" + missing + "'"));
        assertEquals(1, aws.stats().total("GetImagePipeline"));
    }

    @Test
    void accountAndRegionListOnlyThatPartition() throws Exception {
        int pipelines = estate.account(A1).region("us-west-2").imagePipelines().size();
        assertEquals(pipelines, column(c, "select name from imagebuilder_image_pipeline where account_id = '" + A1
                + "' and region = 'us-west-2'").size());
        assertEquals(FixtureCounts.pages(pipelines), aws.stats().total("ListImagePipelines"));
        assertEquals(FixtureCounts.pages(pipelines), aws.stats().inPartition(A1, "us-west-2", "ListImagePipelines"));
    }

    @Test
    void anInListOfRegionsListsThoseRegionsInEveryAccount() throws Exception {
        column(c, "select name from imagebuilder_image_pipeline where region in ('us-west-2', 'eu-west-1')");
        assertEquals(FixtureCounts.pages(estate, Fixture.IMAGE_PIPELINES, List.of("us-west-2")),
                aws.stats().total("ListImagePipelines"), "every page of each account's us-west-2");
        assertEquals(0, aws.stats().inPartition(A0, "us-east-1", "ListImagePipelines"));
    }

    @Test
    void nameBecomesAnApiFilterAndPagesOncePerPartition() throws Exception {
        String name = estate.account(A0).region("us-east-1").imagePipelines().get(5).get("name").asText();
        List<Object> accounts = column(c, "select account_id from imagebuilder_image_pipeline where name = '"
                + name + "' order by 1");
        assertEquals(List.of(A0, A0), accounts, "the generator reuses names across regions, not accounts");
        assertEquals(PARTITIONS, aws.stats().total("ListImagePipelines"), "one page in each partition");
    }

    @Test
    void statusInListIsAFilterToo() throws Exception {
        List<Object> all = column(c, "select status from imagebuilder_image_pipeline where status in ('DISABLED') "
                + "and account_id = '" + A0 + "' and region = 'us-east-1'");
        long expected = estate.account(A0).region("us-east-1").imagePipelines().stream()
                .filter(p -> p.get("status").asText().equals("DISABLED")).count();
        assertEquals(expected, all.size());
        assertEquals(1, aws.stats().total("ListImagePipelines"));
    }

    @Test
    void valuesTheApiCannotFilterOnAreLeftToCalcite() throws Exception {
        column(c, "select name from imagebuilder_image_pipeline where description = 'Image für Zahlungsdienste — geprüft ✓'"
                + " and account_id = '" + A0 + "' and region = 'us-east-1'");
        assertEquals(FixtureCounts.pages(estate.account(A0).region("us-east-1").imagePipelines().size()),
                aws.stats().total("ListImagePipelines"), "no filter: every page listed, no InvalidRequest");
    }

    @Test
    void contradictionsMakeNoCalls() throws Exception {
        assertEquals(List.of(), column(c, "select name from imagebuilder_image_pipeline where account_id = '" + A0
                + "' and account_id = '" + A1 + "'"));
        assertEquals(List.of(), column(c, "select name from imagebuilder_image_pipeline where name = 'a' and name = 'b'"));
        assertEquals(0, aws.stats().totalRequests());
    }

    @Test
    void orAcrossColumnsIsNotPushedAndStillAnswersCorrectly() throws Exception {
        String name = estate.account(A1).region("us-east-1").imagePipelines().get(1).get("name").asText();
        List<Object> rows = column(c, "select name from imagebuilder_image_pipeline where name = '" + name
                + "' or region = 'nowhere-1'");
        assertEquals(estate.accounts().values().stream().flatMap(a -> REGIONS.stream().map(a::region))
                .flatMap(r -> r.imagePipelines().stream()).filter(p -> p.get("name").asText().equals(name)).count(),
                rows.size());
        assertEquals(FixtureCounts.pages(estate, Fixture.IMAGE_PIPELINES, REGIONS),
                aws.stats().total("ListImagePipelines"), "every partition, every page");
    }

    @Test
    void workflowListColumnsMakeNoDetailCalls() throws Exception {
        assertEquals(WORKFLOWS, column(c, "select name, version, state, tags from imagebuilder_workflow").size());
        assertEquals(0, aws.stats().total("GetWorkflow"));
        assertEquals(PARTITIONS, aws.stats().total("ListWorkflows"));
        assertEquals(FixtureCounts.versions(estate, Fixture.WORKFLOWS, REGIONS, w -> true),
                aws.stats().total("ListWorkflowBuildVersions"), "one listing of each version's builds");
    }

    @Test
    void workflowDataCostsOneGetWorkflowPerBuild() throws Exception {
        assertEquals(WORKFLOWS, column(c, "select data from imagebuilder_workflow").size());
        assertEquals(WORKFLOWS, aws.stats().total("GetWorkflow"));
    }

    @Test
    void workflowTypeAndNameBecomeFilters() throws Exception {
        List<Object> tests = column(c, "select distinct name from imagebuilder_workflow where type = 'TEST'");
        assertEquals(List.of("test-smoke"), tests);
        assertEquals(FixtureCounts.versions(estate, Fixture.WORKFLOWS, REGIONS, w -> w.get("type").asText().equals("TEST")),
                aws.stats().total("ListWorkflowBuildVersions"), "only the TEST versions");
    }
}
