package io.github.imagebuildersql.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter names a listing accepts (as the model's documentation lists them) and how each reads its
 * values from an object; with the model's limits on how many filters and values a request may have.
 */
record Filters(Map<String, Values> byName, int maxFilters, int maxValues) {

    /** An object's values for one filter: none when the member is absent, several for a list member. */
    @FunctionalInterface
    interface Values {
        List<String> of(ObjectNode o);
    }

    /** Filters named after the object's members, under a FilterList (1 to 10 filters of 1 to 10 values). */
    static Filters members(String... names) {
        Filters f = new Filters(new LinkedHashMap<>(), 10, 10);
        for (String n : names) {
            f.byName.put(n, path(n));
        }
        return f;
    }

    /** The same filters, plus one whose values are read some other way. */
    Filters with(String name, Values values) {
        Map<String, Values> more = new LinkedHashMap<>(byName);
        more.put(name, values);
        return new Filters(more, maxFilters, maxValues);
    }

    Filters limits(int filters, int values) {
        return new Filters(byName, filters, values);
    }

    /** The values at a dotted path of members; a list member gives each of its elements. */
    static Values path(String dotted) {
        String[] steps = dotted.split("\\.");
        return o -> {
            JsonNode n = o;
            for (String step : steps) {
                n = n.path(step);
            }
            List<String> values = new ArrayList<>();
            if (n.isArray()) {
                n.forEach(e -> values.add(e.asText()));
            } else if (n.isValueNode() && !n.isNull()) {
                values.add(n.asText());
            }
            return values;
        };
    }
}
