package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;

/** Pushdown saves calls and never changes an answer: random queries, with and without it, agree. */
class PushdownEquivalenceTest {

    @Test
    void randomQueriesGiveTheSameAnswersWithAndWithoutPushdown() throws Exception {
        Fixture estate = EstateGenerator.generate("accounts=3,regions=2,pipelines=12,workflows=4,seed=5");
        List<String> accounts = List.copyOf(estate.accounts().keySet());
        String[] props = {"accounts=" + String.join(",", accounts), "roleName=Reader", "regions=us-east-1,us-west-2"};
        List<ObjectNode> pipelines = estate.accounts().values().stream().flatMap(a -> a.regions().values().stream())
                .flatMap(r -> r.imagePipelines().stream()).toList();
        Random random = new Random(42);
        try (EmulatedAws aws = EmulatedAws.start(estate); Connection pushed = aws.connect(props);
                Connection scanned = aws.connect(props)) {
            scanned.unwrap(CalciteConnection.class).getRootSchema().subSchemas().get("aws")
                    .unwrap(ImageBuilderSchema.class).disablePushdownForTesting();
            long callsPushed = 0;
            long callsScanned = 0;
            for (int i = 0; i < 40; i++) {
                String sql = randomQuery(random, pipelines, accounts);
                aws.stats().reset();
                List<List<Object>> expected = EmulatedAws.query(scanned, sql);
                callsScanned += aws.stats().totalRequests();
                aws.stats().reset();
                assertEquals(expected, EmulatedAws.query(pushed, sql), sql);
                callsPushed += aws.stats().totalRequests();
            }
            assertTrue(callsPushed < callsScanned / 2, callsPushed + " calls pushed vs " + callsScanned + " scanned");
        }
    }

    private static String randomQuery(Random r, List<ObjectNode> pipelines, List<String> accounts) {
        List<String> conditions = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            ObjectNode p = pipelines.get(r.nextInt(pipelines.size()));
            ObjectNode q = pipelines.get(r.nextInt(pipelines.size()));
            conditions.add(switch (r.nextInt(9)) {
                case 0 -> "arn = " + lit(p.get("arn").asText());
                case 1 -> "_key in (" + lit(p.get("arn").asText()) + ", " + lit(q.get("arn").asText()) + ")";
                case 2 -> "account_id = " + lit(accounts.get(r.nextInt(accounts.size())));
                case 3 -> "region in ('us-west-2', 'eu-west-9')";
                case 4 -> "name = " + lit(p.get("name").asText());
                case 5 -> "status = " + lit(r.nextBoolean() ? "ENABLED" : "DISABLED");
                case 6 -> "(name = " + lit(p.get("name").asText()) + " or region = 'us-east-1')";
                case 7 -> "description = " + lit(p.path("description").asText("none"));
                default -> "image_recipe_arn in (" + lit(p.path("imageRecipeArn").asText("x")) + ", "
                        + lit(q.path("imageRecipeArn").asText("y")) + ")";
            });
        }
        return "select arn, account_id, region, name, status from imagebuilder_image_pipeline where "
                + String.join(" and ", conditions) + " order by arn";
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
