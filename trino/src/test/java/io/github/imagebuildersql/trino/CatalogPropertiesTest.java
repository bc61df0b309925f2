package io.github.imagebuildersql.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.config.OnError;
import io.trino.spi.TrinoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogPropertiesTest {

    @Test
    void keysMatchTheDriversWhateverTheirCase() {
        ConnectorConfig config = CatalogProperties.parse("c", Map.of("REGIONS", "us-east-1,eu-west-1",
                "maxconcurrency", "8", "OnError", "skip", "roleName", "Reader", "Accounts", "111111111111"));
        assertThat(config.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(config.maxConcurrency()).isEqualTo(8);
        assertThat(config.onError()).isEqualTo(OnError.SKIP);
        assertThat(config.roleName()).isEqualTo("Reader");
    }

    @Test
    void aKeyGivenTwiceInDifferentCasesFailsTheCatalog() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("regions", "us-east-1");
        properties.put("REGIONS", "eu-west-1");
        assertThatThrownBy(() -> CatalogProperties.parse("c", properties))
                .isInstanceOf(TrinoException.class)
                .hasMessage("catalog c: regions is given twice (once as 'REGIONS'); give each property once");
    }

    @Test
    void theDriversPlanCacheHasNoPlaceInACatalog() {
        assertThatThrownBy(() -> CatalogProperties.parse("c", Map.of("PlanCache", "/tmp/plans")))
                .isInstanceOf(TrinoException.class)
                .hasMessage("catalog c: PlanCache: Trino plans every query itself; planCache is the JDBC driver's, "
                        + "drop it from the catalog");
    }

    @Test
    void aSecretNeverAppearsInTheMessage() {
        String externalId = "not a valid id with spaces";
        assertThatThrownBy(() -> CatalogProperties.parse("c", Map.of("externalId", externalId)))
                .isInstanceOf(TrinoException.class)
                .hasMessageStartingWith("catalog c: externalId:")
                .hasMessageNotContaining(externalId);
    }

    @Test
    void everyMessageIsOneLine() {
        for (Map<String, String> bad : List.of(Map.of("regions", "us-east-1\nmars-1"), Map.of("nope", "1"),
                Map.of("onError", "retry"))) {
            assertThatThrownBy(() -> CatalogProperties.parse("c", bad)).hasMessageNotContaining("\n");
        }
    }
}
