package io.github.imagebuildersql.core.table;

import java.util.List;
import software.amazon.awssdk.services.imagebuilder.model.Filter;

/** A List call's filter: its name as the API spells it, and the values it matches (ORed). Plain data. */
public record ApiFilter(String name, List<String> values) {

    public ApiFilter {
        values = List.copyOf(values);
    }

    Filter toSdk() {
        return Filter.builder().name(name).values(values).build();
    }
}
