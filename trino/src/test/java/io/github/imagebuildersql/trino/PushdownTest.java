package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.trino.testing.DistributedQueryRunner;
import io.trino.testing.MaterializedRow;
import io.trino.testing.QueryRunner.MaterializedResultWithPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a query hands over to the scan, proved by the emulator's call counts: the same calls as the JDBC driver
 * makes for the same query (credentials aside), and the ones that matter stated outright.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushdownTest {
    static final EstateGenerator.Spec SPEC = EstateGenerator.parseSpec(
            "accounts=3,regions=2,pipelines=30,workflows=3,images=1,components=1,findings=2");
    static final Fixture ESTATE = EstateGenerator.generate(SPEC);
    static final List<String> REGIONS = EstateGenerator.REGIONS.subList(0, SPEC.regions());
    static final String A0 = EstateGenerator.accountId(0);
    static final String A1 = EstateGenerator.accountId(1);
    static final String PIPELINES = "imagebuilder_image_pipeline";

    private Emulator emulator;
    private DistributedQueryRunner trino;
    private IsolatedJdbcDriver jdbc;
    private Map<String, String> catalog;

    @BeforeAll
    void start() throws Exception {
        emulator = Emulator.start(ESTATE);
        catalog = new LinkedHashMap<>();
        catalog.put("endpoint", emulator.endpoint().toString());
        catalog.put("accounts", "org");
        catalog.put("roleName", "Reader");
        catalog.put("regions", String.join(",", REGIONS));
        trino = TrinoCluster.start(catalog);
        jdbc = new IsolatedJdbcDriver();
    }

    @AfterAll
    void stop() throws Exception {
        trino.close();
        jdbc.close();
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.stats().reset();
    }

    static String pipelineArn(String account, String region, int i) {
        return ESTATE.account(account).region(region).imagePipelines().get(i).get("arn").asText();
    }

    Stream<String> queries() {
        String arn = pipelineArn(A1, REGIONS.get(1), 3);
        String name = ESTATE.account(A0).region(REGIONS.get(0)).imagePipelines().get(5).get("name").asText();
        String component = ESTATE.account(A0).region(REGIONS.get(0)).components().get(0).get("name").asText();
        return Stream.of(
                "select arn from " + PIPELINES + " where arn = '" + arn + "'",
                "select _key, name from " + PIPELINES + " where _key in ('" + arn + "', '" + pipelineArn(A0, REGIONS.get(0), 0) + "')",
                "select name from " + PIPELINES + " where arn = 'arn:aws:imagebuilder:" + REGIONS.get(0)
                        + ":999999999999:image-pipeline/outside'",
                "select name from " + PIPELINES + " where account_id = '" + A1 + "' and region = '" + REGIONS.get(1) + "'",
                "select name from " + PIPELINES + " where region in ('" + REGIONS.get(1) + "', 'ap-south-1')",
                "select account_id, region from " + PIPELINES + " where name = '" + name + "'",
                "select name from " + PIPELINES + " where status in ('DISABLED')",
                "select name from " + PIPELINES + " where name = 'semi;colon'",
                "select name from " + PIPELINES + " where account_id = '" + A0 + "' and account_id = '" + A1 + "'",
                "select name from " + PIPELINES + " where name = '" + name + "' or status = 'DISABLED'",
                "select name, description from " + PIPELINES + " where account_id = '" + A0 + "' and name like 'p%'",
                "select count(*) from " + PIPELINES,
                "select name, consecutive_failures from " + PIPELINES + " where consecutive_failures in (0, 2)",
                "select recipe_arn from imagebuilder_image_recipe_component where \"position\" = 1",
                "select name, version, state from imagebuilder_workflow",
                "select data from imagebuilder_workflow where account_id = '" + A0 + "'",
                "select name from imagebuilder_workflow where type = 'TEST'",
                "select count(*) from imagebuilder_image",
                "select arn, source_pipeline_arn from imagebuilder_image where region = '" + REGIONS.get(0) + "'",
                "select count(*) from imagebuilder_image_scan_finding where severity = 'CRITICAL'",
                "select arn from imagebuilder_component where name = '" + component + "'");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void callsAndRowsAreTheJdbcDriversForTheSameQuery(String sql) throws Exception {
        List<List<String>> trinoRows = sorted(trinoRows(sql));
        Map<String, Long> trinoCalls = CallCounts.of(emulator.stats());
        emulator.stats().reset();
        List<List<String>> driverRows = sorted(jdbc.query(jdbcProperties(), sql));
        Map<String, Long> driverCalls = CallCounts.of(emulator.stats());
        assertThat(trinoRows).isEqualTo(driverRows);
        assertThat(trinoCalls).isEqualTo(driverCalls);
    }

    @Test
    void anArnIsOneGetAndNoListingAndTheOrganisationIsListedOnceOnTheCoordinator() {
        String arn = pipelineArn(A1, REGIONS.get(1), 3);
        assertThat(trinoRows("select arn from " + PIPELINES + " where arn = '" + arn + "'"))
                .containsExactly(List.of(arn));
        assertThat(CallCounts.of(emulator.stats()))
                .containsExactlyInAnyOrderEntriesOf(Map.of("GetImagePipeline", 1L, "ListAccounts", 1L));
        assertThat(emulator.stats().inPartition(A1, REGIONS.get(1), "GetImagePipeline")).isEqualTo(1);
    }

    @Test
    void countStarAndListColumnsMakeNoDetailCalls() {
        trinoRows("select count(*) from imagebuilder_image");
        trinoRows("select name, version, state from imagebuilder_workflow");
        assertThat(emulator.stats().total("GetImage")).isZero();
        assertThat(emulator.stats().total("GetWorkflow")).isZero();
        assertThat(emulator.stats().total("ListImageBuildVersions")).isPositive();
    }

    @Test
    void aDetailColumnCostsOneGetPerRow() {
        long builds = trinoRows("select data from imagebuilder_workflow").size();
        assertThat(builds).isPositive();
        assertThat(emulator.stats().total("GetWorkflow")).isEqualTo(builds);
    }

    @Test
    void accountAndRegionListOnlyThatPartition() {
        trinoRows("select name from " + PIPELINES + " where account_id = '" + A1 + "' and region = '" + REGIONS.get(1) + "'");
        long pages = emulator.stats().total("ListImagePipelines");
        assertThat(pages).isEqualTo(emulator.stats().inPartition(A1, REGIONS.get(1), "ListImagePipelines")).isPositive();
    }

    @Test
    void splitsOfAnOrganisationWideScanRunOnMoreThanOneWorker() {
        MaterializedResultWithPlan result = trino.executeWithPlan(trino.getDefaultSession(),
                "select name from " + PIPELINES);
        assertThat(result.result().getRowCount()).isEqualTo(EstateGenerator.pipelineCount(SPEC));
        Map<String, Long> splitsByNode = TrinoCluster.scanSplitsByNode(trino, result.queryId());
        assertThat(splitsByNode.values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo((long) SPEC.accounts() * SPEC.regions());
        assertThat(splitsByNode).hasSizeGreaterThan(1);
    }

    @Test
    void theScanAppliesPointConstraintsOnListedStringAndIntegerColumnsAndTrinoTheRest() {
        String plan = (String) trino.execute("explain select name from " + PIPELINES
                + " where consecutive_failures in (0, 2) and status = 'ENABLED' and description like 'p%'").getOnlyValue();
        assertThat(plan).containsPattern("consecutive_failures=\\[(0, 2|2, 0)]").contains("status=[ENABLED]")
                .containsPattern("filterPredicate = [^\\n]*description")
                .doesNotContainPattern("filterPredicate = [^\\n]*(consecutive_failures|status)");
    }

    @Test
    void aLimitEndsTheListingEarly() {
        assertThat(trinoRows("select name from " + PIPELINES + " where account_id = '" + A0 + "' and region = '"
                + REGIONS.get(0) + "' limit 1")).hasSize(1);
        assertThat(emulator.stats().total("ListImagePipelines"))
                .isLessThan(EstateGenerator.pipelinesIn(SPEC, 0) / EstateGenerator.PIPELINE_PAGE + 1);
    }

    private String jdbcProperties() {
        return catalog.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    private List<List<String>> trinoRows(String sql) {
        List<List<String>> rows = new ArrayList<>();
        for (MaterializedRow row : trino.execute(sql).getMaterializedRows()) {
            rows.add(row.getFields().stream().map(v -> v == null ? null : v.toString()).toList());
        }
        return rows;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        return rows.stream().sorted(Comparator.comparing(Object::toString)).toList();
    }
}
