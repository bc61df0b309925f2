package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static io.github.imagebuildersql.connector.ImageEstate.A;
import static io.github.imagebuildersql.connector.ImageEstate.B;
import static io.github.imagebuildersql.connector.ImageEstate.E;
import static io.github.imagebuildersql.connector.ImageEstate.EU_IMAGE;
import static io.github.imagebuildersql.connector.ImageEstate.EU_PIPELINE;
import static io.github.imagebuildersql.connector.ImageEstate.HARDENING_1;
import static io.github.imagebuildersql.connector.ImageEstate.PARTITIONS;
import static io.github.imagebuildersql.connector.ImageEstate.SVC_RECIPE;
import static io.github.imagebuildersql.connector.ImageEstate.W;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_1;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_2;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_PIPELINE;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_RECIPE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API calls the new tables make for each pushdown rule, read from the emulator's stats. */
class ImageTablesPushdownTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(ImageEstate.fixture());
        c = aws.connect(ImageEstate.connection());
        column(c, "select count(*) from imagebuilder_lifecycle_policy"); // warm credentials
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

    static long calls(String operation) {
        return aws.stats().total(operation);
    }

    @Test
    void anImageArnLookupIsOneGetImageAndNoListing() throws Exception {
        assertEquals(List.of(WEB_PIPELINE), column(c, "select source_pipeline_arn from imagebuilder_image where arn = '"
                + WEB_1 + "'"));
        assertEquals(1, calls("GetImage"));
        assertEquals(0, calls("ListImages") + calls("ListImageBuildVersions") + calls("ListImagePipelineImages"));
    }

    @Test
    void imagesListedWithoutGetImageColumnsMakeNoGetImage() throws Exception {
        assertEquals(5, column(c, "select arn from imagebuilder_image where json_value(state, '$.status') <> 'X'").size());
        assertEquals(0, calls("GetImage"));
        assertEquals(PARTITIONS, calls("ListImages"), "one per partition");
        assertEquals(4, calls("ListImageBuildVersions"), "one per image version");
    }

    @Test
    void aGetImageColumnCostsOneGetImagePerBuildEvenWhenOnlyFilteredOn() throws Exception {
        assertEquals(List.of(WEB_1, WEB_2), column(c, "select arn from imagebuilder_image where image_recipe_arn = '"
                + WEB_RECIPE + "' order by arn"));
        assertEquals(5, calls("GetImage"));
    }

    @Test
    void sourcePipelineArnListsThatPipelinesImagesInItsPartitionOnly() throws Exception {
        assertEquals(List.of(List.of(WEB_1, "AVAILABLE", WEB_PIPELINE), List.of(WEB_2, "FAILED", WEB_PIPELINE)),
                query(c, "select arn, json_value(state, '$.status'), source_pipeline_arn from imagebuilder_image "
                        + "where source_pipeline_arn = '" + WEB_PIPELINE + "' order by arn"));
        assertEquals(1, calls("ListImagePipelineImages"));
        assertEquals(1, aws.stats().inPartition(A, E, "ListImagePipelineImages"));
        assertEquals(0, calls("ListImages") + calls("ListImageBuildVersions"));
        assertEquals(0, calls("GetImage"), "source_pipeline_arn is known from the listing");
    }

    @Test
    void sourcePipelineArnsInTwoRegionsListEachInItsOwnPartition() throws Exception {
        assertEquals(List.of(EU_IMAGE, WEB_1, WEB_2), column(c, "select arn from imagebuilder_image "
                + "where source_pipeline_arn in ('" + WEB_PIPELINE + "', '" + EU_PIPELINE + "') order by arn"));
        assertEquals(2, calls("ListImagePipelineImages"));
        assertEquals(1, aws.stats().inPartition(A, W, "ListImagePipelineImages"));
        assertEquals(0, calls("ListImages") + calls("GetImage"));
    }

    @Test
    void sourcePipelineArnWithOtherGetImageColumnsGetsEachOfThosePipelinesImages() throws Exception {
        assertEquals(List.of("builders", "builders"), column(c, "select json_value(infrastructure_configuration, '$.name') "
                + "from imagebuilder_image where source_pipeline_arn = '" + WEB_PIPELINE + "'"));
        assertEquals(1, calls("ListImagePipelineImages"));
        assertEquals(2, calls("GetImage"));
        assertEquals(0, calls("ListImages"));
    }

    @Test
    void anUnknownOrForeignSourcePipelineMakesNoCallsOrNone() throws Exception {
        assertEquals(List.of(), column(c, "select arn from imagebuilder_image where source_pipeline_arn = '"
                + ImageEstate.arn(E, "999999999999", "image-pipeline/web") + "'"));
        assertEquals(0, aws.stats().totalRequests(), "an account outside the connection");
        assertEquals(List.of(), column(c, "select arn from imagebuilder_image where source_pipeline_arn = '"
                + ImageEstate.arn(E, A, "image-pipeline/gone") + "'"));
        assertEquals(1, calls("ListImagePipelineImages"), "a pipeline that does not exist has no images");
    }

    @Test
    void imageFiltersReachTheListCalls() throws Exception {
        assertEquals(List.of(ImageEstate.SVC), column(c, "select arn from imagebuilder_image where type = 'DOCKER'"));
        assertEquals(PARTITIONS, calls("ListImages"));
        assertEquals(1, calls("ListImageBuildVersions"), "only the DOCKER version is followed");
    }

    @Test
    void accountAndRegionPrunePartitions() throws Exception {
        assertEquals(List.of("legacy"), column(c, "select name from imagebuilder_infrastructure_configuration "
                + "where account_id = '" + B + "' and region = '" + E + "'"));
        assertEquals(1, calls("ListInfrastructureConfigurations"));
        assertEquals(0, calls("GetInfrastructureConfiguration"));
    }

    @Test
    void configurationDetailColumnsCostOneGetPerRowOnlyWhenReferenced() throws Exception {
        assertEquals(List.of("builders", "legacy"), column(c, "select name from imagebuilder_infrastructure_configuration "
                + "where json_value(instance_metadata_options, '$.httpTokens') = 'optional' order by name"));
        assertEquals(3, calls("GetInfrastructureConfiguration"));
        aws.stats().reset();
        assertEquals(List.of("builders"), column(c, "select name from imagebuilder_infrastructure_configuration "
                + "where name = 'builders'"));
        assertEquals(0, calls("GetInfrastructureConfiguration"));
        aws.stats().reset();
        assertEquals(List.of("shared"), column(c, "select name from imagebuilder_distribution_configuration "
                + "where arn = '" + ImageEstate.arn(E, A, "distribution-configuration/shared") + "'"));
        assertEquals(1, calls("GetDistributionConfiguration"));
        assertEquals(0, calls("ListDistributionConfigurations"));
    }

    @Test
    void componentDetailColumnsCostOneGetComponentPerBuildOnlyWhenReferenced() throws Exception {
        assertEquals(3, column(c, "select arn from imagebuilder_component where name = 'hardening'").size());
        assertEquals(0, calls("GetComponent"));
        assertEquals(2, calls("ListComponentBuildVersions"));
        aws.stats().reset();
        assertEquals(List.of(HARDENING_1), column(c, "select arn from imagebuilder_component where kms_key_id is not null"));
        assertEquals(3, calls("GetComponent"));
        aws.stats().reset();
        assertEquals(List.of("alias/components"), column(c, "select kms_key_id from imagebuilder_component where arn = '"
                + HARDENING_1 + "'"));
        assertEquals(1, calls("GetComponent"));
        assertEquals(0, calls("ListComponents"));
    }

    @Test
    void recipeArnLookupsAreGetsWithNoListing() throws Exception {
        assertEquals(List.of(2L), column(c, "select count(*) from imagebuilder_image_recipe_component where recipe_arn = '"
                + WEB_RECIPE + "'"));
        assertEquals(1, calls("GetImageRecipe"));
        assertEquals(0, calls("ListImageRecipes") + calls("ListContainerRecipes") + calls("GetContainerRecipe"));
        aws.stats().reset();
        assertEquals(List.of(SVC_RECIPE), column(c, "select recipe_arn from imagebuilder_image_recipe_component "
                + "where recipe_arn in ('" + SVC_RECIPE + "', '" + WEB_RECIPE + "') and recipe_type = 'CONTAINER'"));
        assertEquals(1, calls("GetContainerRecipe"));
        assertEquals(0, calls("GetImageRecipe") + calls("ListImageRecipes") + calls("ListContainerRecipes"));
        aws.stats().reset();
        assertEquals(List.of("svc"), column(c, "select name from imagebuilder_container_recipe where arn = '" + SVC_RECIPE + "'"));
        assertEquals(1, calls("GetContainerRecipe"));
        assertEquals(0, calls("ListContainerRecipes"));
    }

    @Test
    void recipeComponentsWithoutAKeyListEveryRecipeAndGetEach() throws Exception {
        assertEquals(3, column(c, "select component_arn from imagebuilder_image_recipe_component").size());
        assertEquals(PARTITIONS, calls("ListImageRecipes"));
        assertEquals(PARTITIONS, calls("ListContainerRecipes"));
        assertEquals(2, calls("GetImageRecipe"));
        assertEquals(1, calls("GetContainerRecipe"));
    }

    @Test
    void findingFiltersBecomeTheApiFilterInEachPartition() throws Exception {
        assertEquals(List.of(EU_IMAGE, ImageEstate.SVC, WEB_1), column(c, "select image_build_version_arn "
                + "from imagebuilder_image_scan_finding where severity = 'CRITICAL' order by 1"));
        assertEquals(PARTITIONS, calls("ListImageScanFindings"), "one filtered listing per partition");
        aws.stats().reset();
        assertEquals(List.of("CVE-2024-0002"), column(c, "select vulnerability_id from imagebuilder_image_scan_finding "
                + "where image_build_version_arn = '" + WEB_1 + "' and severity = 'HIGH'"));
        assertEquals(1, calls("ListImageScanFindings"), "only the image's partition, one filter");
        assertEquals(1, aws.stats().inPartition(A, E, "ListImageScanFindings"));
        aws.stats().reset();
        assertEquals(4, column(c, "select title from imagebuilder_image_scan_finding "
                + "where vulnerability_id in ('CVE-2024-0001', 'CVE-2023-9999')").size());
        assertEquals(2 * PARTITIONS, calls("ListImageScanFindings"), "the API takes one value: one listing per value and partition");
        aws.stats().reset();
        assertEquals(2, column(c, "select title from imagebuilder_image_scan_finding "
                + "where image_pipeline_arn = '" + WEB_PIPELINE + "'").size());
        assertEquals(1, calls("ListImageScanFindings"));
    }

    @Test
    void everyPushedDownFilterAnswersAsAFullScanDoes() throws Exception {
        List<String> queries = List.of(
                "select arn from imagebuilder_image where name = 'web' and version = '1.0.0/2'",
                "select arn from imagebuilder_image where platform = 'Linux' and os_version = 'Amazon Linux 2023'",
                "select arn from imagebuilder_image where source_pipeline_arn in ('" + WEB_PIPELINE + "', 'x')",
                "select arn, image_recipe_arn from imagebuilder_image where source_pipeline_arn = '" + EU_PIPELINE + "'",
                "select arn from imagebuilder_image_recipe where parent_image = 'ami-0123456789abcdef0' and platform = 'Linux'",
                "select arn from imagebuilder_container_recipe where container_type = 'DOCKER' and name = 'svc'",
                "select recipe_arn, \"position\" from imagebuilder_image_recipe_component where recipe_type = 'IMAGE'",
                "select arn from imagebuilder_component where type = 'BUILD' and version = '1.0.0' "
                        + "and description = 'CIS level 1' and platform = 'Linux'",
                "select arn from imagebuilder_infrastructure_configuration where name in ('strict', 'legacy')",
                "select arn from imagebuilder_distribution_configuration where name = 'private'",
                "select arn from imagebuilder_lifecycle_policy where status = 'ENABLED' and name = 'cleanup'",
                "select _key from imagebuilder_image_scan_finding where vulnerability_id = 'CVE-2024-0001' "
                        + "and image_pipeline_arn in ('" + WEB_PIPELINE + "', '" + EU_PIPELINE + "')",
                "select _key from imagebuilder_image_scan_finding where severity in ('LOW', 'HIGH')");
        try (Connection scanned = aws.connect(ImageEstate.connection())) {
            scanned.unwrap(org.apache.calcite.jdbc.CalciteConnection.class).getRootSchema().subSchemas().get("aws")
                    .unwrap(io.github.imagebuildersql.connector.calcite.ImageBuilderSchema.class).disablePushdownForTesting();
            for (String sql : queries) {
                List<List<Object>> expected = query(scanned, sql + " order by 1");
                org.junit.jupiter.api.Assertions.assertFalse(expected.isEmpty(), sql);
                assertEquals(expected, query(c, sql + " order by 1"), sql);
            }
        }
    }

    @Test
    void disabledLifecyclePoliciesNeedOneListingPerPartitionAndNoGet() throws Exception {
        assertEquals(List.of("keep", "old"), column(c, "select name from imagebuilder_lifecycle_policy "
                + "where status = 'DISABLED' order by name"));
        assertEquals(PARTITIONS, calls("ListLifecyclePolicies"));
        assertEquals(0, calls("GetLifecyclePolicy"));
    }
}
