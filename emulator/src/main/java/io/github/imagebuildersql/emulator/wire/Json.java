package io.github.imagebuildersql.emulator.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The emulator's one JSON mapper: fixtures and responses keep member order and are served verbatim. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
