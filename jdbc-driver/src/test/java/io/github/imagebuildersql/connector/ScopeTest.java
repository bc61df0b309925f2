package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which accounts and regions a connection covers, and how it gets into them. */
class ScopeTest {

    @Test
    void byDefaultTheCallersOwnAccountInTheDefaultRegion() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate()); Connection c = aws.connect()) {
            assertEquals(pipelinesByPartition(List.of("111111111111"), List.of("us-east-1")), query(c,
                    "select account_id, region, count(*) from imagebuilder_image_pipeline group by account_id, region"));
            assertEquals(1, aws.stats().total("GetCallerIdentity"));
            assertEquals(0, aws.stats().total("AssumeRole"));
        }
    }

    @Test
    void listedAccountsAreEnteredWithAssumeRole() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate());
                Connection c = aws.connect("accounts=222222222222,333333333333", "roleName=" + EmulatedAws.ROLE,
                        "regions=us-east-1,eu-west-1")) {
            assertEquals(pipelinesByPartition(List.of("222222222222", "333333333333"), List.of("eu-west-1", "us-east-1")),
                    query(c, "select account_id, region, count(*) "
                    + "from imagebuilder_image_pipeline group by account_id, region order by 1, 2"));
            assertEquals(2, aws.stats().total("AssumeRole"), "one role session per account, shared by its regions");
            assertEquals(1, aws.stats().inPartition("222222222222", "eu-west-1", "ListImagePipelines"));
            assertEquals(0, aws.stats().total("GetCallerIdentity"));
        }
    }

    @Test
    void accountsOrgScansEveryActiveAccountOfTheOrganization() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate());
                Connection c = aws.connect("accounts=org", "roleName=" + EmulatedAws.ROLE,
                        "regions=us-east-1,eu-west-1,ap-southeast-2")) {
            assertEquals(List.of("111111111111", "222222222222", "333333333333"),
                    column(c, "select distinct account_id from imagebuilder_image_pipeline order by 1"));
            assertEquals(0, aws.stats().inPartition("444444444444", "us-east-1", "ListImagePipelines"),
                    "the suspended account is not scanned");
            assertEquals(1, aws.stats().total("ListAccounts"));
            column(c, "select name from imagebuilder_image_pipeline");
            assertEquals(1, aws.stats().total("ListAccounts"), "the organisation is read once per connection");
            assertEquals(3, aws.stats().total("AssumeRole"), "role credentials are reused across queries");
        }
    }

    @Test
    void pagesPastTwentyFiveAcrossAccountsAndRegions() throws Exception {
        Fixture estate = EstateGenerator.generate("accounts=3,regions=2,pipelines=60,workflows=0");
        try (EmulatedAws aws = EmulatedAws.start(estate);
                Connection c = aws.connect("accounts=" + String.join(",", estate.accounts().keySet()),
                        "roleName=Any", "regions=us-east-1,us-west-2")) {
            List<Object> arns = column(c, "select _key from imagebuilder_image_pipeline");
            long pipelines = FixtureCounts.objects(estate, Fixture.IMAGE_PIPELINES, a -> true);
            assertEquals(pipelines, arns.size());
            assertEquals(pipelines, arns.stream().distinct().count(), "_key is unique");
            assertEquals(FixtureCounts.pages(estate, Fixture.IMAGE_PIPELINES, List.of("us-east-1", "us-west-2")),
                    aws.stats().total("ListImagePipelines"), "every page of every partition");
        }
    }

    @Test
    void regionsAllMeansEveryImageBuilderRegion() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate()); Connection c = aws.connect("regions=all")) {
            assertEquals(FixtureCounts.objects(Fixture.sampleEstate(), Fixture.IMAGE_PIPELINES, "111111111111"),
                    query(c, "select count(*) from imagebuilder_image_pipeline").get(0).get(0));
            long regions = io.github.imagebuildersql.core.config.ConnectorConfig.imageBuilderRegions().size();
            assertTrue(regions > 20, "the SDK knows " + regions + " Image Builder regions");
            assertEquals(regions, aws.stats().total("ListImagePipelines"));
        }
    }

    /** (account, region, pipelines) of the sample estate's non-empty partitions among these, in that order. */
    private static List<List<Object>> pipelinesByPartition(List<String> accounts, List<String> regions) {
        Fixture estate = Fixture.sampleEstate();
        return accounts.stream().sorted().flatMap(a -> regions.stream().sorted()
                .filter(r -> !estate.account(a).region(r).imagePipelines().isEmpty())
                .map(r -> List.<Object>of(a, r, (long) estate.account(a).region(r).imagePipelines().size())))
                .toList();
    }
}
