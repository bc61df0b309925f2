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
            assertEquals(List.of(List.of("111111111111", "us-east-1", 3L)), query(c,
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
            assertEquals(List.of(List.of("222222222222", "eu-west-1", 2L), List.of("222222222222", "us-east-1", 3L),
                    List.of("333333333333", "us-east-1", 2L)), query(c, "select account_id, region, count(*) "
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
            assertEquals(360, arns.size());
            assertEquals(360, arns.stream().distinct().count(), "_key is unique");
            assertEquals(18, aws.stats().total("ListImagePipelines"), "3 pages in each of 6 partitions");
        }
    }

    @Test
    void regionsAllMeansEveryImageBuilderRegion() throws Exception {
        try (EmulatedAws aws = EmulatedAws.start(Fixture.sampleEstate()); Connection c = aws.connect("regions=all")) {
            assertEquals(3L, query(c, "select count(*) from imagebuilder_image_pipeline").get(0).get(0));
            long regions = io.github.imagebuildersql.core.config.ConnectorConfig.imageBuilderRegions().size();
            assertTrue(regions > 20, "the SDK knows " + regions + " Image Builder regions");
            assertEquals(regions, aws.stats().total("ListImagePipelines"));
        }
    }
}
