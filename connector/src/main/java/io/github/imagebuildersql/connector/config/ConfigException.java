package io.github.imagebuildersql.connector.config;

/** A configuration property with a value that cannot work; the message names the property, the value and the fix. */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(message);
    }
}
