package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.core.config.ConfigException;
import io.github.imagebuildersql.core.config.Property;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * {@code jdbc:imagebuilder:key=value;key=value} plus the Properties a tool passes to connect: the same
 * keys, matched case-insensitively; the URL's value wins, as in every Avatica driver. A key given twice
 * in the URL, or one no property has, is an error rather than a guess.
 */
final class JdbcUrl {
    static final String PREFIX = "jdbc:imagebuilder:";
    /** Sent by BI tools whether or not a driver uses them; AWS credentials never come this way. */
    private static final Set<String> TOOL_KEYS = Set.of("user", "password");

    private JdbcUrl() {}

    static Map<String, String> properties(String url, Properties info) {
        Map<String, String> result = new LinkedHashMap<>();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                put(result, key, info.getProperty(key), "connection property");
            }
        }
        Map<String, String> fromUrl = new LinkedHashMap<>();
        for (String part : url.substring(PREFIX.length()).split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("URL: '" + part.trim() + "' is not key=value; write the URL as "
                        + PREFIX + "regions=us-east-1;accounts=org;roleName=ImageBuilderReadOnly");
            }
            String key = part.substring(0, eq).trim();
            if (fromUrl.containsKey(canonical(key))) {
                throw new ConfigException("URL: " + key + " is given twice; give each property once");
            }
            put(fromUrl, key, part.substring(eq + 1), "URL");
        }
        result.putAll(fromUrl);
        return result;
    }

    /** The URL as given, for DatabaseMetaData.getURL, with the value of an external ID (a secret) hidden. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(externalId=)[^;]*", "$1********");
    }

    private static void put(Map<String, String> into, String key, String value, String where) {
        if (TOOL_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
            return;
        }
        into.put(canonical(key), value);
    }

    private static String canonical(String key) {
        for (Property p : Property.values()) {
            if (p.key().equalsIgnoreCase(key.trim())) {
                return p.key();
            }
        }
        throw Property.unknown(key);
    }
}
