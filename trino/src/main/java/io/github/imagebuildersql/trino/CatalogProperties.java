package io.github.imagebuildersql.trino;

import static io.trino.spi.StandardErrorCode.CONFIGURATION_INVALID;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.config.Property;
import io.trino.spi.TrinoException;
import java.util.Map;

/**
 * A catalog's properties, read as the JDBC driver reads its URL: the same keys in any case (a property file is
 * written by hand, and {@code CREATE CATALOG} lower-cases unquoted names), the same one-line message for an
 * unknown key or a bad value, here prefixed with the catalog's name. Trino hands a connector the catalog's
 * properties without {@code connector.name}, and adds none of its own.
 */
final class CatalogProperties {
    private CatalogProperties() {}

    static ConnectorConfig parse(String catalogName, Map<String, String> properties) {
        try {
            properties.keySet().stream().filter(key -> Property.byKey(key).orElse(null) == Property.PLAN_CACHE)
                    .findFirst().ifPresent(key -> {
                        throw new ConfigException(key + ": Trino plans every query itself; planCache is the JDBC "
                                + "driver's, drop it from the catalog");
                    });
            return ConnectorConfig.parse(properties);
        } catch (ConfigException e) {
            throw invalid(catalogName, e);
        }
    }

    /** What fails a catalog: the driver's one line, after the catalog's name. */
    static TrinoException invalid(String catalogName, ConfigException e) {
        return new TrinoException(CONFIGURATION_INVALID, "catalog " + catalogName + ": " + e.getMessage(), e);
    }
}
