package io.github.imagebuildersql.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FixtureFormatTest {
    static final String CREDENTIALS = "{\"credentials\": {\"accessKeyId\": \"AKIAX\", \"secretAccessKey\": \"s\", "
            + "\"account\": \"111111111111\"}, \"accounts\": {\"111111111111\": {\"regions\": {\"us-east-1\": ";

    @Test
    void eachKindIsReadUnderItsOwnKeyAndAbsentKindsAreEmpty() {
        Fixture f = parse("{\"images\": [{\"arn\": \"arn:aws:imagebuilder:us-east-1:111111111111:image/a/1.0.0/1\"}], "
                + "\"imageScanFindings\": [{\"severity\": \"LOW\"}]}");
        Fixture.Region r = f.account("111111111111").region("us-east-1");

        assertEquals(1, r.images().size());
        assertEquals("LOW", r.imageScanFindings().get(0).get("severity").asText());
        assertTrue(r.components().isEmpty() && r.imagePipelines().isEmpty());
    }

    @Test
    void aKindThatIsNotAnArrayOfObjectsWithArnsIsRefusedNamingWhere() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("{\"components\": {}}"));
        assertTrue(e.getMessage().contains("account 111111111111 region us-east-1: components must be a JSON array"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("{\"imageRecipes\": [{\"name\": \"r\"}]}"));
        assertTrue(e.getMessage().contains("imageRecipes: every item must be a JSON object with an \"arn\""),
                e.getMessage());
    }

    @Test
    void recordsNeedTheIdsTheyAreFoundByAndChildrenAreKeyedByTheirParent() {
        var e = assertThrows(IllegalArgumentException.class, () -> parse("{\"workflowExecutions\": [{\"status\": \"FAILED\"}]}"));
        assertTrue(e.getMessage().contains("workflowExecutions: every item must be a JSON object with a "
                + "\"workflowExecutionId\" and an \"imageBuildVersionArn\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parse("{\"imagePackages\": [{\"packageName\": \"x\"}]}"));
        assertTrue(e.getMessage().contains("imagePackages must be a JSON object whose values are arrays of objects"),
                e.getMessage());
        Fixture.Region r = parse("{\"imagePackages\": {\"arn:i\": [{\"packageName\": \"bash\"}]}, "
                + "\"lifecycleExecutionResources\": {\"lce-1\": [{\"resourceId\": \"ami-1\"}]}}")
                .account("111111111111").region("us-east-1");
        assertEquals("bash", r.imagePackages().get("arn:i").get(0).get("packageName").asText());
        assertEquals("ami-1", r.lifecycleExecutionResources().get("lce-1").get(0).get("resourceId").asText());
    }

    @Test
    void aPolicyIsADocumentServedAsItsTextOrTheTextItself() {
        Fixture.Region r = parse("{\"resourcePolicies\": {\"arn:a\": {\"Version\": \"2012-10-17\"}, "
                + "\"arn:b\": \"{ \\\"Version\\\": \\\"2012-10-17\\\" }\"}}").account("111111111111").region("us-east-1");
        assertEquals("{\"Version\":\"2012-10-17\"}", r.resourcePolicies().get("arn:a"));
        assertEquals("{ \"Version\": \"2012-10-17\" }", r.resourcePolicies().get("arn:b"));
        var e = assertThrows(IllegalArgumentException.class, () -> parse("{\"resourcePolicies\": {\"arn:a\": 1}}"));
        assertTrue(e.getMessage().contains("resourcePolicies.arn:a must be a policy document"), e.getMessage());
    }

    @Test
    void theAmazonSectionHoldsOnlyAmazonsImagesComponentsAndRecipes() {
        Fixture f = parseWithAmazon("{\"us-east-1\": {\"images\": [{\"arn\": "
                + "\"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.11.0/1\"}]}}");
        assertEquals(1, f.amazon("us-east-1").images().size());
        assertTrue(f.amazon("eu-west-1").images().isEmpty());
        assertEquals(1, f.view("111111111111", "us-east-1").images().size());
        assertEquals(1, f.view("999999999999", "us-east-1").images().size(), "the same for any account");
        assertTrue(f.account("111111111111").region("us-east-1").images().isEmpty(), "not the account's own");

        var e = assertThrows(IllegalArgumentException.class, () -> parseWithAmazon("{\"us-east-1\": {\"images\": [{\"arn\": "
                + "\"arn:aws:imagebuilder:us-east-1:111111111111:image/mine/1.0.0/1\"}]}}"));
        assertTrue(e.getMessage().contains("amazon.us-east-1: images: arn:aws:imagebuilder:us-east-1:111111111111:image/mine"
                + "/1.0.0/1 is not Amazon's"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> parseWithAmazon("{\"us-east-1\": {\"workflows\": []}}"));
        assertTrue(e.getMessage().contains("amazon.us-east-1 has 'workflows'; the amazon section holds only images, "
                + "components, imageRecipes"), e.getMessage());
    }

    private static Fixture parseWithAmazon(String amazon) {
        String json = CREDENTIALS + "{}}}}, \"amazon\": " + amazon + "}";
        return Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static Fixture parse(String region) {
        String json = CREDENTIALS + region + "}}}}";
        return Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
