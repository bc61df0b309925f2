package io.github.imagebuildersql.controls;

import java.util.regex.Pattern;

/**
 * A value a control's query reads as {@code ${name}}: a threshold or a tag key, with the default its file
 * declares. Its type is its default's: a whole number, or text.
 */
public record ControlParameter(String name, String defaultValue, boolean integer, String description) {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    /** The value as SQL text: the number itself, or a quoted string literal. */
    public String literal(String value) {
        if (integer) {
            if (!INTEGER.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
            }
            return value;
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must be one line of text");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
