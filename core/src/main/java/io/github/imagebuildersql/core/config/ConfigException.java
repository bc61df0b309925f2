package io.github.imagebuildersql.core.config;

/** A configuration property with a value that cannot work; the message names the property, the value and the fix. */
public final class ConfigException extends IllegalArgumentException {
    public ConfigException(String message) {
        super(oneLine(message));
    }

    /** A value quoted in the message may hold a line break (a list pasted from another tool's output). */
    private static String oneLine(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}
