package io.github.imagebuildersql.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the emulator sends back: status, content type, extra headers and body. */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body, boolean cutShort) {

    public static Response of(int status, String contentType, String body) {
        return new Response(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The same answer, announced at full length but sent only half: the connection drops mid-body. */
    public Response truncated() {
        return new Response(status, contentType, headers, body, true);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new Response(status, contentType, h, body, cutShort);
    }
}
