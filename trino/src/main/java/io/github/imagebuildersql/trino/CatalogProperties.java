package io.github.imagebuildersql.trino;

import static io.trino.spi.StandardErrorCode.CONFIGURATION_INVALID;

import io.github.imagebuildersql.connector.config.ConfigException;
import io.github.imagebuildersql.connector.config.ConnectorConfig;
import io.github.imagebuildersql.connector.config.Property;
import io.trino.spi.TrinoException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A catalog's properties, read as the JDBC driver reads its URL: the same keys, case-insensitive (a property
 * file is written by hand, and {@code CREATE CATALOG} lower-cases unquoted names), the same one-line message
 * for an unknown key or a bad value, here prefixed with the catalog's name. Trino hands a connector the
 * catalog's properties without {@code connector.name}, and adds none of its own.
 */
final class CatalogProperties {
    private CatalogProperties() {}

    static ConnectorConfig parse(String catalogName, Map<String, String> properties) {
        try {
            return ConnectorConfig.parse(canonical(properties));
        } catch (ConfigException e) {
            throw new TrinoException(CONFIGURATION_INVALID, "catalog " + catalogName + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> canonical(Map<String, String> properties) {
        Map<String, String> canonical = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            String name = Arrays.stream(Property.values()).map(Property::key)
                    .filter(k -> k.equalsIgnoreCase(key.trim())).findFirst().orElse(key);
            if (canonical.put(name, value) != null) {
                throw new ConfigException(name + " is given twice (once as '" + key + "'); give each property once");
            }
        });
        return canonical;
    }
}
