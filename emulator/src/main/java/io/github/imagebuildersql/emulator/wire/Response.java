package io.github.imagebuildersql.emulator.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the emulator sends back: status, content type, extra headers and body. */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body, boolean cutShort) {

    public static Response of(int status, String contentType, String body) {
        return new Response(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** A JSON document, written straight to UTF-8 bytes (the text of a page of pipelines is about 40 kB). */
    public static Response json(int status, String contentType, JsonNode body) {
        try {
            return new Response(status, contentType, Map.of(), Json.MAPPER.writeValueAsBytes(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getOriginalMessage(), e);
        }
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
