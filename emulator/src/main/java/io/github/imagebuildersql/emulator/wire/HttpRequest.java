package io.github.imagebuildersql.emulator.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as it arrived on the wire, with header names lower-cased; the raw path and query are kept
 * because the signature covers them as sent.
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String path() {
        return decode(rawPath);
    }

    /** Query parameters, decoded; a repeated name keeps its first value. */
    public Map<String, String> query() {
        return form(rawQuery);
    }

    /** The body as an application/x-www-form-urlencoded form (the query protocol). */
    public Map<String, String> formBody() {
        return form(new String(body, StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    public static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
