package io.github.imagebuildersql.connector.scan;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a WHERE clause pins string columns to, once a statement's parameter values are known: for each
 * column, the set of values it must take (see {@link PointFilters} for which filters pin a column).
 */
public final class ColumnConstraints {
    private final Map<Integer, Set<String>> values;

    ColumnConstraints(Map<Integer, Set<String>> values) {
        this.values = values;
    }

    public static ColumnConstraints none() {
        return new ColumnConstraints(Map.of());
    }

    /** Every pinned column and its values: what a row must satisfy. */
    public Map<Integer, Set<String>> all() {
        return values;
    }

    /** Whether some column must take a value from an empty set: {@code a = 'x' and a = 'y'}. */
    public boolean contradictory() {
        return values.values().stream().anyMatch(Set::isEmpty);
    }

    /** The values a column must take, or empty when the WHERE clause does not pin it. */
    public Optional<Set<String>> values(int column) {
        return Optional.ofNullable(values.get(column));
    }
}
