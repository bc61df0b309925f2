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

    private static Fixture parse(String region) {
        String json = CREDENTIALS + region + "}}}}";
        return Fixture.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
