package io.github.imagebuildersql.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the emulator sends back: status, content type, extra headers and body. */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static Response of(int status, String contentType, String body) {
        return new Response(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, h, body);
    }
}
