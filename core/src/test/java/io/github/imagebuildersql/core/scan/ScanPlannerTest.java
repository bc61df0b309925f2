package io.github.imagebuildersql.core.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.AccountDirectory;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.table.ApiFilter;
import io.github.imagebuildersql.core.table.ImagePackageTable;
import io.github.imagebuildersql.core.table.ImagePipelineTable;
import io.github.imagebuildersql.core.table.ImageScanFindingTable;
import io.github.imagebuildersql.core.table.ImageTable;
import io.github.imagebuildersql.core.table.PublicImageTable;
import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How an engine-neutral request becomes splits, before any call is made. */
class ScanPlannerTest {
    static final String A = "111111111111";
    static final String B = "222222222222";
    static final TableDefinition<?> PIPELINES = ImagePipelineTable.DEFINITION;
    static final Scope SCOPE = new Scope(ConnectorConfig.parse(Map.of("accounts", A + "," + B, "roleName", "Reader",
            "regions", "us-east-1,eu-west-1")), new NoDirectory());

    static ScanRequest request(Map<String, Set<String>> constraints) {
        return ScanRequest.of(List.of("arn", "name")).where(constraints);
    }

    @Test
    void everyAccountAndRegionIsOneListingSplitRegionByRegion() {
        ScanPlan plan = ScanPlanner.plan(PIPELINES, request(Map.of()), SCOPE);
        assertEquals(List.of(new Partition(A, "us-east-1"), new Partition(B, "us-east-1"),
                new Partition(A, "eu-west-1"), new Partition(B, "eu-west-1")),
                plan.splits().stream().map(Split::partition).toList());
        assertTrue(plan.splits().stream().noneMatch(Split::isLookup));
    }

    @Test
    void accountAndRegionConstraintsPruneSplits() {
        ScanPlan plan = ScanPlanner.plan(PIPELINES, request(Map.of("account_id", Set.of(B), "region",
                Set.of("eu-west-1", "ap-south-1"))), SCOPE);
        assertEquals(List.of(Split.listing(new Partition(B, "eu-west-1"), List.of())), plan.splits());
    }

    @Test
    void filterableColumnsBecomeApiFiltersOnEverySplit() {
        ScanPlan plan = ScanPlanner.plan(PIPELINES, request(Map.of("name", Set.of("a", "b"), "region",
                Set.of("us-east-1"))), SCOPE);
        assertEquals(2, plan.tasks());
        for (Split split : plan.splits()) {
            assertEquals(1, split.filters().size());
            ApiFilter filter = split.filters().get(0);
            assertEquals("name", filter.name());
            assertEquals(Set.of("a", "b"), Set.copyOf(filter.values()));
        }
    }

    @Test
    void anArnBecomesOneLookupInItsOwnPartitionAndForeignArnsNone() {
        String arn = "arn:aws:imagebuilder:eu-west-1:" + B + ":image-pipeline/p";
        String outside = "arn:aws:imagebuilder:eu-west-1:333333333333:image-pipeline/p";
        String otherTable = "arn:aws:imagebuilder:eu-west-1:" + B + ":workflow/build/w/1.0.0/1";
        ScanPlan plan = ScanPlanner.plan(PIPELINES, request(Map.of("arn", Set.of(arn, outside, otherTable))), SCOPE);
        assertEquals(List.of(Split.lookup(new Partition(B, "eu-west-1"), arn)), plan.splits());
    }

    @Test
    void aFilterOfArnsListsOnlyThePartitionsItsArnsNameEachWithItsOwn() {
        String inB = "arn:aws:imagebuilder:eu-west-1:" + B + ":image-pipeline/p";
        String alsoInB = "arn:aws:imagebuilder:eu-west-1:" + B + ":image-pipeline/q";
        String inA = "arn:aws:imagebuilder:us-east-1:" + A + ":image-pipeline/p";
        String notAPipeline = "arn:aws:imagebuilder:us-east-1:" + B + ":image-recipe/r/1.0.0";
        ScanPlan plan = ScanPlanner.plan(ImageTable.DEFINITION, ScanRequest.of(List.of("arn"))
                .where(Map.of("source_pipeline_arn", Set.of(inB, alsoInB, inA, notAPipeline))), SCOPE);
        assertEquals(List.of(new Partition(A, "us-east-1"), new Partition(B, "eu-west-1")),
                plan.splits().stream().map(Split::partition).toList());
        assertEquals(List.of(new ApiFilter("sourcePipelineArn", List.of(inA))), plan.splits().get(0).filters());
        assertEquals(Set.of(inB, alsoInB), Set.copyOf(plan.splits().get(1).filters().get(0).values()));
    }

    @Test
    void aFilterOfArnsNamingNothingInScopePlansNothing() {
        String outside = "arn:aws:imagebuilder:us-east-1:333333333333:image/i/1.0.0/1";
        String otherPartition = "arn:aws-cn:imagebuilder:us-east-1:" + A + ":image/i/1.0.0/1";
        ScanPlan plan = ScanPlanner.plan(ImageScanFindingTable.DEFINITION, ScanRequest.of(List.of("title"))
                .where(Map.of("image_build_version_arn", Set.of(outside, otherPartition))), SCOPE);
        assertEquals(0, plan.tasks());
    }

    @Test
    void amazonsTablesAreOneListingPerRegionThroughTheFirstAccount() {
        ScanPlan plan = ScanPlanner.plan(PublicImageTable.DEFINITION, ScanRequest.of(List.of("arn")), SCOPE);
        assertEquals(List.of(Split.listing(new Partition(A, "us-east-1"), List.of()),
                Split.listing(new Partition(A, "eu-west-1"), List.of())), plan.splits());
        ScanPlan one = ScanPlanner.plan(PublicImageTable.DEFINITION, ScanRequest.of(List.of("arn"))
                .where(Map.of("region", Set.of("eu-west-1"))), SCOPE);
        assertEquals(List.of(new Partition(A, "eu-west-1")), one.splits().stream().map(Split::partition).toList());
    }

    @Test
    void aHundredParentsAreNamedToTheListerButNotAHundredAndOne() {
        List<String> images = new ArrayList<>();
        for (int i = 0; i < ScanPlanner.MAX_KEY_LOOKUPS + 1; i++) {
            images.add("arn:aws:imagebuilder:us-east-1:" + A + ":image/i/1.0." + i + "/1");
        }
        ScanPlan hundred = ScanPlanner.plan(ImagePackageTable.DEFINITION, ScanRequest.of(List.of("package_name"))
                .where(Map.of("image_build_version_arn", Set.copyOf(images.subList(0, ScanPlanner.MAX_KEY_LOOKUPS)))),
                SCOPE);
        assertEquals(List.of(new Partition(A, "us-east-1")), hundred.splits().stream().map(Split::partition).toList());
        assertEquals(ScanPlanner.MAX_KEY_LOOKUPS, hundred.splits().get(0).filters().get(0).values().size());
        ScanPlan more = ScanPlanner.plan(ImagePackageTable.DEFINITION, ScanRequest.of(List.of("package_name"))
                .where(Map.of("image_build_version_arn", Set.copyOf(images))), SCOPE);
        assertEquals(4, more.tasks(), "every partition listed, its images first");
        assertTrue(more.splits().stream().allMatch(s -> s.filters().isEmpty()));
    }

    @Test
    void aContradictionPlansNothingAndAsksNothing() {
        ScanPlan plan = ScanPlanner.plan(PIPELINES, request(Map.of("name", Set.of())), new Scope(
                ConnectorConfig.parse(Map.of("accounts", "org", "roleName", "Reader")), new NoDirectory()));
        assertEquals(0, plan.tasks());
    }

    @Test
    void splitsAndPlansRoundTripAsJson() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        ScanPlan plan = ScanPlanner.plan(PIPELINES, request(Map.of("status", Set.of("ENABLED"))), SCOPE);
        String text = json.writeValueAsString(plan);
        assertEquals(plan, json.readValue(text, ScanPlan.class));
        Split lookup = Split.lookup(new Partition(A, "us-east-1"), "arn:aws:imagebuilder:us-east-1:" + A
                + ":image-pipeline/p");
        assertEquals(lookup, json.readValue(json.writeValueAsString(lookup), Split.class));
        ScanRequest request = request(Map.of("name", Set.of("x"))).enforcing(Map.of("name", Set.of("x"))).limit(5);
        assertEquals(request, json.readValue(json.writeValueAsString(request), ScanRequest.class));
    }

    /** Listed accounts and regions need no lookup: any call here is a planning bug. */
    private static final class NoDirectory implements AccountDirectory {
        @Override
        public List<String> organizationAccounts() {
            throw new AssertionError("the planner listed the organisation");
        }

        @Override
        public String callerAccount() {
            throw new AssertionError("the planner asked for the caller's account");
        }

        @Override
        public String defaultRegion() {
            throw new AssertionError("the planner asked for the default region");
        }
    }
}
