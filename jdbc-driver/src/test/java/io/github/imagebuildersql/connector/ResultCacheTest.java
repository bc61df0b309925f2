package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cacheTtl}: a partition's answer to one request is reused by every connection of the JVM with the
 * same credentials and endpoint, so dashboards repeat queries without calling AWS. Each test has its own
 * emulator, hence its own endpoint and its own cache entries.
 */
class ResultCacheTest {
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    static final String[] ORG = {"regions=" + String.join(",", REGIONS), "accounts=org",
            "roleName=" + EmulatedAws.ROLE};
    static final List<String> IMAGE_BUILDER = List.of("ListImagePipelines", "GetImagePipeline", "ListWorkflows",
            "ListWorkflowBuildVersions", "GetWorkflow");
    static final String ALL = "select account_id, region, name, tags['team'] from imagebuilder_image_pipeline order by 1, 2, 3";
    EmulatedAws aws;

    @BeforeEach
    void start() {
        aws = EmulatedAws.start(Fixture.sampleEstate());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Connection connect(String... extra) throws Exception {
        String[] properties = java.util.stream.Stream.concat(java.util.Arrays.stream(ORG), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        return aws.connect(properties);
    }

    private long imageBuilderCalls() {
        return IMAGE_BUILDER.stream().mapToLong(op -> aws.stats().total(op)).sum();
    }

    @Test
    void theSameQueryTwiceMakesNoImageBuilderCallsTheSecondTimeEvenFromAnotherConnection() throws Exception {
        List<List<Object>> first;
        try (Connection c = connect("cacheTtl=300")) {
            first = EmulatedAws.query(c, ALL);
        }
        assertEquals(FixtureCounts.pages(aws.emulator().fixture(), Fixture.IMAGE_PIPELINES, REGIONS),
                aws.stats().total("ListImagePipelines"), "every partition listed once");
        aws.stats().reset();
        try (Connection c = connect("cacheTtl=300")) {
            assertEquals(first, EmulatedAws.query(c, ALL));
            assertEquals(first, EmulatedAws.query(c, ALL));
        }
        assertEquals(0, imageBuilderCalls());
    }

    @Test
    void aNarrowerQueryAfterAFullScanMakesNoCalls() throws Exception {
        try (Connection c = connect("cacheTtl=300")) {
            List<Object> all = EmulatedAws.column(c, "select name from imagebuilder_image_pipeline where account_id = '111111111111' order by 1");
            EmulatedAws.query(c, ALL);
            aws.stats().reset();
            assertEquals(all, EmulatedAws.column(c,
                    "select name from imagebuilder_image_pipeline where account_id = '111111111111' order by 1"));
            assertEquals(List.of("ci-runner-al2023"), EmulatedAws.column(c, "select name from imagebuilder_image_pipeline "
                    + "where arn = 'arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/ci-runner-al2023'"));
            assertEquals(1, aws.stats().total("GetImagePipeline"), "a Get is its own request");
            EmulatedAws.column(c, "select name from imagebuilder_image_pipeline "
                    + "where arn = 'arn:aws:imagebuilder:us-east-1:111111111111:image-pipeline/ci-runner-al2023'");
            assertEquals(1, aws.stats().total("GetImagePipeline"), "and is cached too");
            assertEquals(0, aws.stats().total("ListImagePipelines"));
        }
    }

    @Test
    void detailCallsAreCached() throws Exception {
        String sql = "select arn, data, kms_key_id from imagebuilder_workflow order by arn";
        try (Connection c = connect("cacheTtl=300")) {
            List<List<Object>> first = EmulatedAws.query(c, sql);
            long gets = aws.stats().total("GetWorkflow");
            assertEquals(first.size(), gets, "one GetWorkflow per build version");
            aws.stats().reset();
            assertEquals(first, EmulatedAws.query(c, sql));
            assertEquals(0, imageBuilderCalls());
        }
    }

    @Test
    void withoutCacheTtlEveryQueryAsksAws() throws Exception {
        try (Connection c = connect()) {
            EmulatedAws.query(c, ALL);
            long calls = aws.stats().total("ListImagePipelines");
            EmulatedAws.query(c, ALL);
            assertEquals(2 * calls, aws.stats().total("ListImagePipelines"));
        }
    }

    @Test
    void refreshCacheAsksAwsAndRefreshesTheAnswersOthersGet() throws Exception {
        try (Connection c = connect("cacheTtl=300")) {
            EmulatedAws.query(c, ALL);
        }
        long calls = aws.stats().total("ListImagePipelines");
        try (Connection c = connect("cacheTtl=300", "refreshCache=true")) {
            EmulatedAws.query(c, ALL);
        }
        assertEquals(2 * calls, aws.stats().total("ListImagePipelines"), "the refreshing connection asked AWS");
        try (Connection c = connect("cacheTtl=300")) {
            EmulatedAws.query(c, ALL);
        }
        assertEquals(2 * calls, aws.stats().total("ListImagePipelines"), "and the others read what it stored");
    }

    /**
     * The default credentials chain (here its system properties) gives what it gives when a scan starts: a new
     * connection after the secret key was changed asks AWS (here STS's AssumeRole, which refuses it), whatever was
     * cached before. Listed accounts need no GetCallerIdentity, so the cache alone decides whether AWS is asked.
     */
    @Test
    void aConnectionWhoseCredentialsChangedGetsNoAnswerCachedForTheOldOnes() throws Exception {
        String[] oneAccount = {"accounts=111111111111", "roleName=" + EmulatedAws.ROLE, "regions=us-east-1", "cacheTtl=300"};
        String sql = "select name from imagebuilder_image_pipeline";
        try (Connection c = aws.connect(oneAccount)) {
            assertEquals(3, EmulatedAws.query(c, sql).size());
        }
        String secret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.secretAccessKey", secret + "-changed");
        try (Connection c = aws.connect(oneAccount)) {
            java.sql.SQLException e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> EmulatedAws.query(c, sql));
            assertTrue(e.getMessage().contains("AssumeRole (for ListImagePipelines) failed: SignatureDoesNotMatch"),
                    e.getMessage());
        } finally {
            System.setProperty("aws.secretAccessKey", secret);
        }
        aws.stats().reset();
        try (Connection c = aws.connect(oneAccount)) {
            assertEquals(3, EmulatedAws.query(c, sql).size());
            assertEquals(0, aws.stats().totalRequests(), "the right secret again: the answer cached for it");
        }
    }

    @Test
    void connectionsWithOtherCredentialsDoNotShareAnswers() throws Exception {
        try (Connection c = connect("cacheTtl=300")) {
            EmulatedAws.query(c, ALL);
        }
        aws.stats().reset();
        try (Connection c = aws.connect("regions=us-east-1", "cacheTtl=300")) {
            EmulatedAws.query(c, "select name from imagebuilder_image_pipeline");
        }
        assertEquals(1, aws.stats().total("ListImagePipelines"), "the caller's own account is another identity");
    }
}
