package io.github.imagebuildersql.core.row;

import java.util.Map;
import java.util.LinkedHashMap;

/**
 * A {@code tags} value. SQL reads it as a map ({@code tags['team']}); everywhere it becomes text
 * ({@code getString}, {@code CAST(tags AS VARCHAR)}, a tool calling toString) it is JSON, like every
 * other nested column, the tags in the API's order.
 */
public final class TagMap extends LinkedHashMap<String, String> {
    public TagMap(Map<String, String> tags) {
        super(tags);
    }

    @Override
    public String toString() {
        return SdkJson.toJson(this);
    }
}
