package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.emulator.fixture.EstateGenerator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import io.github.imagebuildersql.emulator.wire.Json;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.CallRateLimitExceededException;
import software.amazon.awssdk.services.imagebuilder.model.ForbiddenException;
import software.amazon.awssdk.services.imagebuilder.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

class FaultInjectionTest {
    static final String ESTATE = "accounts=1,regions=1,pipelines=100,workflows=0";

    @Test
    void throttlingIsTheModeledExceptionWhenRetriesAreOff() throws Exception {
        try (Emulator emulator = Emulator.start(EstateGenerator.generate(ESTATE),
                EmulatorOptions.defaults().withThrottleRate(1.0));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1");
                StsClient sts = Sdk.of(emulator).sts()) {
            var e = assertThrows(CallRateLimitExceededException.class, () -> ib.listImagePipelines(r -> { }));
            assertEquals(429, e.statusCode());
            assertTrue(e.isThrottlingException());
            var s = assertThrows(StsException.class, sts::getCallerIdentity);
            assertEquals("Throttling", s.awsErrorDetails().errorCode());
            assertEquals(2, emulator.stats().faults("throttle"));
        }
    }

    @Test
    void throttlingAndUnavailabilityAreAbsorbedByTheSdksRetries() throws Exception {
        try (Emulator emulator = Emulator.start(EstateGenerator.generate(ESTATE),
                EmulatorOptions.defaults().withThrottleRate(0.3).withErrorRate(0.1).withSeed(7));
                ImagebuilderClient ib = Sdk.of(emulator).withRetries(RetryMode.STANDARD, 20).imagebuilder("us-east-1")) {
            long listed = ib.listImagePipelinesPaginator(r -> { }).imagePipelineList().stream().count();

            assertEquals(100, listed);
            long faults = emulator.stats().faults("throttle") + emulator.stats().faults("unavailable");
            assertTrue(faults > 0, "some faults were injected");
            assertEquals(4 + faults, emulator.stats().total("ListImagePipelines"),
                    "every request is counted, faulted ones included");
        }
    }

    @Test
    void errorRateGivesServiceUnavailable() throws Exception {
        try (Emulator emulator = Emulator.start(EstateGenerator.generate(ESTATE),
                EmulatorOptions.defaults().withErrorRate(1.0));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            var e = assertThrows(ServiceUnavailableException.class, () -> ib.listImagePipelines(r -> { }));
            assertEquals(503, e.statusCode());
        }
    }

    @Test
    void aPartitionErrorFailsEveryCallInThatAccountAndRegionOnly() throws Exception {
        String fixture = """
                {"credentials": {"accessKeyId": "AKIATEST", "secretAccessKey": "s3cr3t", "account": "123456789012"},
                 "accounts": {"123456789012": {"regions": {
                    "us-east-1": {"imagePipelines": [], "error": "ForbiddenException"},
                    "eu-west-1": {"imagePipelines": []}}}}}""";
        Fixture f = Fixture.parse(new ByteArrayInputStream(fixture.getBytes(StandardCharsets.UTF_8)), "test");
        try (Emulator emulator = Emulator.start(f);
                ImagebuilderClient forbidden = Sdk.of(emulator).imagebuilder("us-east-1");
                ImagebuilderClient fine = Sdk.of(emulator).imagebuilder("eu-west-1")) {
            var e = assertThrows(ForbiddenException.class, () -> forbidden.listImagePipelines(r -> { }));
            assertEquals(403, e.statusCode());
            assertThrows(ForbiddenException.class, () -> forbidden.listWorkflows(r -> { }));
            assertEquals(0, fine.listImagePipelines(r -> { }).imagePipelineList().size());
            assertEquals(2, emulator.stats().faults("partitionError"));
        }
    }

    @Test
    void anErrorNameTheModelDoesNotHaveIsRejectedAtLoad() {
        String fixture = """
                {"credentials": {"accessKeyId": "AKIATEST", "secretAccessKey": "s3cr3t", "account": "123456789012"},
                 "accounts": {"123456789012": {"regions": {"us-east-1": {"error": "NoSuchThingException"}}}}}""";
        Fixture f = Fixture.parse(new ByteArrayInputStream(fixture.getBytes(StandardCharsets.UTF_8)), "test");
        var e = assertThrows(IllegalArgumentException.class, () -> Emulator.start(f));
        assertTrue(e.getMessage().contains("NoSuchThingException"), e.getMessage());
    }

    /** One region whose 30 pipelines (two pages) are listed with the given corruption. */
    static Fixture misbehaving(String corrupt) {
        StringBuilder pipelines = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            pipelines.append(i == 0 ? "" : ",").append("{\"arn\": \"arn:aws:imagebuilder:us-east-1:123456789012:"
                    + "image-pipeline/p").append(i).append("\", \"name\": \"p").append(i).append("\"}");
        }
        String fixture = """
                {"credentials": {"accessKeyId": "AKIATEST", "secretAccessKey": "s3cr3t", "account": "123456789012"},
                 "accounts": {"123456789012": {"regions": {"us-east-1": {"imagePipelines": [%s], "corrupt": "%s"}}}}}"""
                .formatted(pipelines, corrupt);
        return Fixture.parse(new ByteArrayInputStream(fixture.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void aListingCanRepeatItsTokenStayEmptyOrOverlap() throws Exception {
        try (Emulator emulator = Emulator.start(misbehaving("repeating-token"));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            var first = ib.listImagePipelines(r -> { });
            var again = ib.listImagePipelines(r -> r.nextToken(first.nextToken()));
            assertEquals(first.nextToken(), again.nextToken(), "the same token, page after page");
            assertEquals(first.imagePipelineList(), again.imagePipelineList(), "and the same first page");
        }
        try (Emulator emulator = Emulator.start(misbehaving("empty-pages"));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            var first = ib.listImagePipelines(r -> { });
            var second = ib.listImagePipelines(r -> r.nextToken(first.nextToken()));
            assertEquals(List.of(), second.imagePipelineList());
            assertTrue(second.nextToken() != null && !second.nextToken().equals(first.nextToken()),
                    "empty pages with a new token each time");
        }
        try (Emulator emulator = Emulator.start(misbehaving("overlapping-pages"));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            List<String> names = ib.listImagePipelinesPaginator(r -> { }).imagePipelineList().stream()
                    .map(p -> p.name()).toList();
            assertEquals(31, names.size(), "the second page starts with the first page's last pipeline");
            assertEquals(names.get(24), names.get(25));
            assertEquals(30, names.stream().distinct().count());
            assertEquals(1, emulator.stats().faults("misbehavingListing"), "the first page, the only one with a token");
        }
    }

    @Test
    void anAnswerCanBeAnHtmlPageOrLongerThanAParserTakes() throws Exception {
        try (Emulator emulator = Emulator.start(misbehaving("html"));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            var e = assertThrows(SdkClientException.class, () -> ib.listImagePipelines(r -> { }));
            assertTrue(e.getMessage().contains("Unexpected character ('<'"), e.getMessage());
        }
        try (Emulator emulator = Emulator.start(misbehaving("huge"));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            var e = assertThrows(SdkClientException.class, () -> ib.listImagePipelines(r -> { }));
            assertTrue(e.getMessage().contains("exceeds the maximum allowed"), e.getMessage());
        }
    }

    @Test
    void statsEndpointCountsByOperationAndPartitionAndResets() throws Exception {
        try (Emulator emulator = Emulator.start(EstateGenerator.generate(ESTATE));
                ImagebuilderClient ib = Sdk.of(emulator).imagebuilder("us-east-1")) {
            ib.listImagePipelinesPaginator(r -> { }).imagePipelineList().forEach(p -> { });
            HttpClient http = HttpClient.newHttpClient();
            JsonNode stats = Json.MAPPER.readTree(http.send(java.net.http.HttpRequest.newBuilder(
                    emulator.endpoint().resolve("/_emulator/stats")).build(), BodyHandlers.ofString()).body());

            assertEquals(4, stats.path("total").path("ListImagePipelines").asInt());
            assertEquals(4, stats.path("byPartition").path(EstateGenerator.accountId(0) + "/us-east-1")
                    .path("ListImagePipelines").asInt());
            assertTrue(stats.path("faults").isObject());

            var reset = http.send(java.net.http.HttpRequest.newBuilder(emulator.endpoint().resolve("/_emulator/stats/reset"))
                    .POST(BodyPublishers.noBody()).build(), BodyHandlers.ofString());
            assertEquals(200, reset.statusCode());
            assertEquals(0, emulator.stats().totalRequests());
        }
    }
}
