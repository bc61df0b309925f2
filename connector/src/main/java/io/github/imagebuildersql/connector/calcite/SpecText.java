package io.github.imagebuildersql.connector.calcite;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of strings as one string, each written as its length, a colon and itself, so that any text (a
 * SQL literal may hold any character) survives. Generated plans carry what a scan needs in this form,
 * as a constant of their code, so that a plan compiled in one process runs in another.
 */
public final class SpecText {
    private SpecText() {}

    public static String join(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            out.append(p.length()).append(':').append(p);
        }
        return out.toString();
    }

    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            if (colon < 0) {
                throw new IllegalArgumentException("not a scan specification: " + text);
            }
            int end = colon + 1 + Integer.parseInt(text, at, colon, 10);
            parts.add(text.substring(colon + 1, end));
            at = end;
        }
        return parts;
    }
}
