package io.github.imagebuildersql.connector;

import static io.github.imagebuildersql.connector.EmulatedAws.query;
import static io.github.imagebuildersql.connector.ImageEstate.HARDENING_1;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_1;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_PIPELINE;
import static io.github.imagebuildersql.connector.ImageEstate.WEB_RECIPE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The new tables join with the pipelines and with each other on their ARNs. */
class ImageTablesJoinTest {
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
