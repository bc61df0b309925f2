package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.column;
import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static io.github.imagebuildersql.connector.ImageEstate.A;
import static io.github.imagebuildersql.connector.ImageEstate.B;
import static io.github.imagebuildersql.connector.ImageEstate.E;
import static io.github.imagebuildersql.connector.ImageEstate.EMPTY_RECIPE;
import static io.github.imagebuildersql.connector.ImageEstate.HARDENING_1;
import static io.github.imagebuildersql.connector.ImageEstate.MANUAL;
import static io.github.imagebuildersql.connector.ImageEstate.SVC_RECIPE;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_1;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_PIPELINE;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_RECIPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.core.row.SdkJson;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The new tables' columns and values, and their joins, read through JDBC from {@link ImageEstate}. */
class ImageTablesValuesTest {
    static EmulatedAws aws;
    static Connection c;

    @BeforeAll
    static void start() throws Exception {
        aws = EmulatedAws.start(ImageEstate.fixture());
        c = aws.connect(ImageEstate.connection());
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        aws.close();
    }

    static String columns(String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
            }
            return String.join(",", names);
        }
    }

    static JsonNode json(String text) throws Exception {
        return SdkJson.MAPPER.readTree(text);
    }

    @Test
    void everyTableListsKeyAccountTheGetMembersInApiOrderThenRegionThenExtras() throws Exception {
        assertEquals("_key,account_id,arn,type,name,version,platform,enhanced_image_metadata_enabled,os_version,state,"
                + "image_recipe,container_recipe,source_pipeline_name,source_pipeline_arn,infrastructure_configuration,"
                + "distribution_configuration,image_tests_configuration,date_created,output_resources,tags,build_type,"
                + "image_source,scan_state,image_scanning_configuration,deprecation_time,lifecycle_execution_id,"
                + "execution_role,workflows,logging_configuration,region,image_recipe_arn,container_recipe_arn,"
                + "infrastructure_configuration_arn,distribution_configuration_arn,resource_policy",
                columns("imagebuilder_image"));
        assertEquals("_key,account_id,arn,type,name,description,platform,owner,version,components,parent_image,"
                + "block_device_mappings,date_created,tags,working_directory,additional_instance_configuration,ami_tags,"
                + "region,image_recipe,resource_policy", columns("imagebuilder_image_recipe"));
        assertEquals("_key,account_id,arn,container_type,name,description,platform,owner,version,components,"
                + "instance_configuration,dockerfile_template_data,kms_key_id,encrypted,parent_image,date_created,tags,"
                + "working_directory,target_repository,region,container_recipe,resource_policy",
                columns("imagebuilder_container_recipe"));
        assertEquals("_key,account_id,region,recipe_arn,recipe_type,position,component_arn,parameters",
                columns("imagebuilder_image_recipe_component"));
        assertEquals("_key,account_id,arn,name,version,description,change_description,type,platform,"
                + "supported_os_versions,state,parameters,owner,data,kms_key_id,encrypted,date_created,tags,publisher,"
                + "obfuscate,product_codes,region,resource_policy", columns("imagebuilder_component"));
        assertEquals("_key,account_id,arn,name,description,instance_types,instance_profile_name,security_group_ids,"
                + "subnet_id,logging,key_pair,terminate_instance_on_failure,sns_topic_arn,date_created,date_updated,"
                + "resource_tags,instance_metadata_options,tags,placement,region,infrastructure_configuration",
                columns("imagebuilder_infrastructure_configuration"));
        assertEquals("_key,account_id,arn,name,description,distributions,timeout_minutes,date_created,date_updated,"
                + "tags,region", columns("imagebuilder_distribution_configuration"));
        assertEquals("_key,account_id,arn,name,description,status,execution_role,resource_type,policy_details,"
                + "resource_selection,date_created,date_updated,date_last_run,tags,region",
                columns("imagebuilder_lifecycle_policy"));
        assertEquals("_key,account_id,image_build_version_arn,image_pipeline_arn,type,description,title,remediation,"
                + "severity,first_observed_at,updated_at,inspector_score,inspector_score_details,"
                + "package_vulnerability_details,fix_available,region,vulnerability_id",
                columns("imagebuilder_image_scan_finding"));
    }

    @Test
    void anImageReadsBackMemberForMemberWithItsGetImageColumns() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select * from imagebuilder_image where name = 'web' and version = '1.0.0/1'")) {
            assertTrue(rs.next());
            assertEquals(WEB_1, rs.getString("_key"));
            assertEquals(A, rs.getString("account_id"));
            assertEquals(E, rs.getString("region"));
            assertEquals("AMI", rs.getString("type"));
            assertEquals("Amazon Linux 2023", rs.getString("os_version"));
            assertEquals("AVAILABLE", json(rs.getString("state")).get("status").asText());
            assertEquals(true, rs.getObject("enhanced_image_metadata_enabled"));
            assertEquals(WEB_PIPELINE, rs.getString("source_pipeline_arn"));
            assertEquals("web", rs.getString("source_pipeline_name"));
            assertEquals(WEB_RECIPE, rs.getString("image_recipe_arn"));
            assertEquals(WEB_RECIPE, json(rs.getString("image_recipe")).get("arn").asText());
            assertNull(rs.getString("container_recipe"), "absent member");
            assertNull(rs.getString("container_recipe_arn"));
            assertEquals(ImageEstate.arn(E, A, "infrastructure-configuration/builders"),
                    rs.getString("infrastructure_configuration_arn"));
            assertEquals(ImageEstate.arn(E, A, "distribution-configuration/shared"),
                    rs.getString("distribution_configuration_arn"));
            assertEquals(Map.of("release", "«stable»"), rs.getObject("tags", Map.class));
            assertEquals("ami-0aaa", json(rs.getString("output_resources")).get("amis").get(0).get("image").asText());
            assertEquals("COMPLETED", json(rs.getString("scan_state")).get("status").asText());
            assertEquals(Instant.parse("2024-03-01T00:00:00Z"), rs.getTimestamp("date_created").toInstant());
            assertNull(rs.getTimestamp("deprecation_time"));
            assertNull(rs.getString("workflows"), "absent list");
            assertFalse(rs.next());
        }
        List<List<Object>> failed = query(c, "select state, deprecation_time from imagebuilder_image where arn = '"
                + ImageEstate.WEB_2 + "'");
        assertEquals("{\"status\":\"FAILED\",\"reason\":\"component \\\"hardening\\\" failed\"}", failed.get(0).get(0));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select deprecation_time, source_pipeline_arn, build_type from imagebuilder_image where arn = '" + MANUAL + "'")) {
            assertTrue(rs.next());
            assertEquals(Instant.parse("2023-11-14T22:13:20.500Z"), rs.getTimestamp(1).toInstant(), "epoch seconds");
            assertNull(rs.getString(2), "an image no pipeline built");
            assertEquals("USER_INITIATED", rs.getString(3));
        }
    }

    @Test
    void recipesKeepQuotesUnicodeAndAbsentMembers() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select description, version, components, ami_tags, tags, working_directory, image_recipe, type "
                        + "from imagebuilder_image_recipe where arn = '" + WEB_RECIPE + "'")) {
            assertTrue(rs.next());
            assertEquals("L'image «web» — \"quoted\", ünïcode ✓", rs.getString(1));
            assertEquals("1.0.0", rs.getString(2));
            assertEquals(HARDENING_1, json(rs.getString(3)).get(0).get("componentArn").asText());
            assertEquals(Map.of("os", "al2023"), rs.getObject(4, Map.class));
            assertEquals(Map.of("team", "web", "note", "it's \"ok\""), rs.getObject(5, Map.class));
            assertEquals("/tmp", rs.getString(6));
            assertEquals("L'image «web» — \"quoted\", ünïcode ✓", json(rs.getString(7)).get("description").asText());
            assertEquals("AMI", rs.getString(8));
        }
        List<List<Object>> empty = query(c, "select description, components, tags, block_device_mappings "
                + "from imagebuilder_image_recipe where name = 'empty'");
        assertEquals(1, empty.size());
        assertNull(empty.get(0).get(0), "absent description");
        assertEquals("[]", empty.get(0).get(1), "an empty list stays an empty list");
        assertNull(empty.get(0).get(2), "absent tags");
        assertNull(empty.get(0).get(3));
        List<List<Object>> container = query(c, "select container_type, encrypted, kms_key_id, components, "
                + "json_value(target_repository, '$.repositoryName'), tags from imagebuilder_container_recipe");
        assertEquals(List.of(List.of("DOCKER", true, "arn:aws:kms:us-east-1:111111111111:key/abcd",
                "[{\"componentArn\":\"" + ImageEstate.arn(E, A, "component/hardening/2.0.0/1") + "\"}]", "svc", "{}")),
                container);
    }

    @Test
    void recipeComponentsAreOneRowPerComponentInOrder() throws Exception {
        assertEquals(List.of(
                        List.of(WEB_RECIPE, "IMAGE", 1, HARDENING_1, "[{\"name\":\"Level\",\"value\":[\"strict\"]}]"),
                        java.util.Arrays.asList(WEB_RECIPE, "IMAGE", 2,
                                "arn:aws:imagebuilder:us-east-1:aws:component/update-linux/x.x.x", null),
                        java.util.Arrays.asList(SVC_RECIPE, "CONTAINER", 1,
                                ImageEstate.arn(E, A, "component/hardening/2.0.0/1"), null)),
                query(c, "select recipe_arn, recipe_type, \"position\", component_arn, parameters "
                        + "from imagebuilder_image_recipe_component order by recipe_arn desc, \"position\""));
        assertEquals(List.of(), column(c, "select \"position\" from imagebuilder_image_recipe_component where recipe_arn = '"
                + EMPTY_RECIPE + "'"), "a recipe with no components has no rows");
        assertEquals(List.of(WEB_RECIPE + "#2"), column(c,
                "select _key from imagebuilder_image_recipe_component where \"position\" = 2"));
    }

    @Test
    void componentsAreTheAccountsOwnBuildVersions() throws Exception {
        assertEquals(List.of(HARDENING_1, ImageEstate.arn(E, A, "component/hardening/1.0.0/2"),
                        ImageEstate.arn(E, A, "component/hardening/2.0.0/1")),
                column(c, "select arn from imagebuilder_component order by arn"), "no Amazon-managed component");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select parameters, data, kms_key_id, encrypted, supported_os_versions, state, owner, product_codes "
                        + "from imagebuilder_component where arn = '" + HARDENING_1 + "'")) {
            assertTrue(rs.next());
            assertEquals("Level", json(rs.getString(1)).get(0).get("name").asText());
            assertEquals("name: hardening\nschemaVersion: 1.0\n", rs.getString(2));
            assertEquals("alias/components", rs.getString(3));
            assertEquals(true, rs.getObject(4));
            assertEquals("[\"Amazon Linux 2023\"]", rs.getString(5));
            assertNull(rs.getString(6));
            assertEquals(A, rs.getString(7));
            assertNull(rs.getString(8));
        }
        assertEquals(List.of("{\"status\":\"DEPRECATED\",\"reason\":\"superseded\"}"), column(c,
                "select state from imagebuilder_component where change_description = 'rebuild'"));
    }

    @Test
    void configurationsAndPoliciesReadBack() throws Exception {
        assertEquals(List.of(
                        List.of(A, "builders", false, "optional", "[\"m5.large\",\"m5.xlarge\"]", "{\"cost\":\"ci\"}"),
                        java.util.Arrays.asList(B, "legacy", null, "optional", null, null),
                        java.util.Arrays.asList(A, "strict", true, "required", "[\"t3.small\"]", null)),
                query(c, "select account_id, name, terminate_instance_on_failure, "
                        + "json_value(instance_metadata_options, '$.httpTokens'), instance_types, resource_tags "
                        + "from imagebuilder_infrastructure_configuration order by name"));
        assertEquals(List.of(List.of("shared", 360, "333333333333")), query(c, "select name, timeout_minutes, "
                + "json_value(distributions, '$[0].amiDistributionConfiguration.launchPermission.userIds[0]') "
                + "from imagebuilder_distribution_configuration where name = 'shared'"));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select status, date_created, date_last_run, policy_details, resource_type "
                        + "from imagebuilder_lifecycle_policy where name = 'cleanup'")) {
            assertTrue(rs.next());
            assertEquals("ENABLED", rs.getString(1));
            assertEquals(Instant.ofEpochSecond(1700000000), rs.getTimestamp(2).toInstant());
            assertEquals(Instant.ofEpochSecond(1710000000), rs.getTimestamp(3).toInstant());
            assertEquals("DELETE", json(rs.getString(4)).get(0).get("action").get("type").asText());
            assertEquals("AMI_IMAGE", rs.getString(5));
        }
    }

    @Test
    void findingsCarryTheirAccountScoreAndVulnerabilityId() throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select _key, account_id, severity, inspector_score, vulnerability_id, first_observed_at, updated_at, "
                        + "image_pipeline_arn, title from imagebuilder_image_scan_finding "
                        + "where image_build_version_arn = '" + WEB_1 + "' order by vulnerability_id")) {
            assertEquals(Types.DOUBLE, rs.getMetaData().getColumnType(4));
            assertTrue(rs.next());
            assertEquals(WEB_1 + "#CVE-2024-0001", rs.getString(1));
            assertEquals(A, rs.getString(2));
            assertEquals("CRITICAL", rs.getString(3));
            assertEquals(9.8, rs.getDouble(4));
            assertEquals("CVE-2024-0001", rs.getString(5));
            assertEquals(Instant.ofEpochSecond(1710000000), rs.getTimestamp(6).toInstant());
            assertEquals(Instant.parse("2024-03-10T16:00:00.250Z"), rs.getTimestamp(7).toInstant());
            assertEquals(WEB_PIPELINE, rs.getString(8));
            assertEquals("CVE-2024-0001 - openssl", rs.getString(9));
            assertTrue(rs.next());
            assertEquals("HIGH", rs.getString(3));
            assertFalse(rs.next());
        }
        assertEquals(java.util.Arrays.asList((Object) null), column(c,
                "select image_pipeline_arn from imagebuilder_image_scan_finding where severity = 'LOW'"),
                "absent member");
    }

    @Test
    void pipelinesJoinTheirRecipesAndTheComponentsInThem() throws Exception {
        assertEquals(List.of(List.of("web", "web", 1, "CIS level 1")), query(c, """
                select p.name, r.name, rc."position", comp.description
                from imagebuilder_image_pipeline p
                join imagebuilder_image_recipe r on r.arn = p.image_recipe_arn
                join imagebuilder_image_recipe_component rc on rc.recipe_arn = r.arn
                join imagebuilder_component comp on comp.arn = rc.component_arn
                order by 1, 3"""));
        assertEquals(List.of(List.of("svc", "CONTAINER"), List.of("web", "IMAGE")), query(c, """
                select p.name, rc.recipe_type
                from imagebuilder_image_pipeline p
                join imagebuilder_image_recipe_component rc
                  on rc.recipe_arn = coalesce(p.image_recipe_arn, p.container_recipe_arn)
                where rc.component_arn like '%/hardening/%'
                order by 1"""));
    }

    @Test
    void findingsJoinTheirImagesAndTheImagesTheirPipelines() throws Exception {
        assertEquals(List.of(List.of("CVE-2024-0001", WEB_1, "AVAILABLE", "web", WEB_RECIPE)), query(c, """
                select f.vulnerability_id, i.arn, json_value(i.state, '$.status'), p.name, i.image_recipe_arn
                from imagebuilder_image_scan_finding f
                join imagebuilder_image i on i.arn = f.image_build_version_arn
                join imagebuilder_image_pipeline p on p.arn = i.source_pipeline_arn
                where f.severity = 'CRITICAL' and p.arn = '""" + WEB_PIPELINE + "'"));
    }

    @Test
    void imagesJoinTheConfigurationsThatBuiltThem() throws Exception {
        assertEquals(List.of(List.of(WEB_1, false, HARDENING_1)), query(c, """
                select i.arn, ic.terminate_instance_on_failure, rc.component_arn
                from imagebuilder_image i
                join imagebuilder_infrastructure_configuration ic on ic.arn = i.infrastructure_configuration_arn
                join imagebuilder_image_recipe_component rc on rc.recipe_arn = i.image_recipe_arn and rc."position" = 1
                where json_value(i.state, '$.status') = 'AVAILABLE'"""));
    }
}
