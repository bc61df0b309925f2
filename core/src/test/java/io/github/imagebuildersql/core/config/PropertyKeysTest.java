package io.github.imagebuildersql.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys as people type them: in any case, each property once. */
class PropertyKeysTest {

    @Test
    void keysAreMatchedWhateverTheirCase() {
        ConnectorConfig config = ConnectorConfig.parse(Map.of("REGIONS", "us-east-1,eu-west-1", "maxconcurrency", "8",
                "OnError", "skip", " roleName ", "Reader", "Accounts", "111111111111"));
        assertEquals(List.of("us-east-1", "eu-west-1"), config.regions());
        assertEquals(8, config.maxConcurrency());
        assertEquals(OnError.SKIP, config.onError());
        assertEquals("Reader", config.roleName());
    }

    @Test
    void aPropertyGivenTwiceInDifferentCasesIsRefused() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("regions", "us-east-1");
        properties.put("REGIONS", "eu-west-1");
        assertEquals("regions is given twice (once as 'REGIONS'); give each property once",
                assertThrows(ConfigException.class, () -> ConnectorConfig.parse(properties)).getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheOneMostLikelyMeant() {
        String known = "known properties: regions, accounts, roleName, externalId, roleSessionName, profile, endpoint, "
                + "maxConcurrency, onError, ignoreErrorCodes, callTimeout, detailConcurrency, rateLimit, demo, cacheTtl, "
                + "refreshCache, planCache";
        Map<String, String> told = Map.of(
                "region", "unknown property 'region'; did you mean regions? " + known,
                "regoins", "unknown property 'regoins'; did you mean regions? " + known,
                "MAX_CONCURRENCY", "unknown property 'MAX_CONCURRENCY'; did you mean maxConcurrency? " + known,
                "colour", "unknown property 'colour'; " + known);
        told.forEach((key, message) -> assertEquals(message, assertThrows(ConfigException.class,
                () -> ConnectorConfig.parse(Map.of(key, "x"))).getMessage()));
    }
}
