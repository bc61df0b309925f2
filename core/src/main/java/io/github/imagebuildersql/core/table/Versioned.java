package io.github.imagebuildersql.core.table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One version of a named resource, and whether it is the newest version of its name among those listed with it
 * (in semantic version order: {@code 2024.10.0} is newer than {@code 2024.9.0}), so that "is this the latest"
 * needs no window function.
 *
 * @param <T> the List call's item
 */
public record Versioned<T>(T item, boolean latest) {

    /** Major, minor and patch compared as numbers; a version that is not three numbers sorts first. */
    static final Comparator<String> SEMANTIC = Comparator.comparing(Versioned::numbers, (a, b) -> {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    });

    /** A member of the item. */
    public static <T> Function<Versioned<T>, Object> item(Function<T, ?> member) {
        return row -> member.apply(row.item);
    }

    /**
     * A lister of every page of a listing, each item marked with whether it is the newest of its name. The whole
     * listing is read before the first row is handed on, since the last page may hold a name's newest version:
     * for Amazon's catalogue of a region, a page or two.
     */
    public static <P, T> TableDefinition.Lister<Versioned<T>> newestOfEachName(Paged<P, T> listing,
            Function<T, String> name, Function<T, String> version) {
        return (api, options, sink) -> {
            List<T> all = new ArrayList<>();
            listing.list(api, options, null, all::addAll);
            Map<String, String> newest = new HashMap<>();
            for (T item : all) {
                newest.merge(name.apply(item), version.apply(item), (a, b) -> SEMANTIC.compare(a, b) >= 0 ? a : b);
            }
            List<Versioned<T>> rows = new ArrayList<>(all.size());
            for (T item : all) {
                rows.add(new Versioned<>(item, version.apply(item).equals(newest.get(name.apply(item)))));
            }
            sink.accept(rows);
        };
    }

    private static long[] numbers(String version) {
        String[] parts = version == null ? new String[0] : version.split("\\.");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                numbers[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return new long[0];
            }
        }
        return numbers;
    }
}
