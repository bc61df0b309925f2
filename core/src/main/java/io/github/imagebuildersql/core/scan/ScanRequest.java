package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an engine asks of one table, in the table's own terms, once a statement's parameter values are known:
 * the columns it reads, in the order its rows should have them; what its WHERE clause pins string and integer
 * columns to (equality and IN lists: the column must take one of the values, an integer as its decimal text),
 * which narrows what is listed, and which the engine checks again ({@code constraints}); the constraints the
 * scan applies to every row itself, which the
 * engine need not check again ({@code enforced}; to narrow the listing too, they belong in both); and at most
 * how many rows it wants, or {@link #NO_LIMIT}.
 */
public record ScanRequest(List<String> columns, Map<String, Set<String>> constraints,
        Map<String, Set<String>> enforced, long limit) {
    public static final long NO_LIMIT = -1;

    public ScanRequest {
        columns = List.copyOf(columns);
        constraints = Map.copyOf(constraints);
        enforced = Map.copyOf(enforced);
    }

    /** Every row of these columns. */
    public static ScanRequest of(List<String> columns) {
        return new ScanRequest(columns, Map.of(), Map.of(), NO_LIMIT);
    }

    public ScanRequest where(Map<String, Set<String>> narrowing) {
        return new ScanRequest(columns, narrowing, enforced, limit);
    }

    public ScanRequest enforcing(Map<String, Set<String>> exact) {
        return new ScanRequest(columns, constraints, exact, limit);
    }

    public ScanRequest limit(long rows) {
        return new ScanRequest(columns, constraints, enforced, rows);
    }

    /** The values the WHERE clause pins a column to, as far as it narrows the listing; empty when it does not. */
    public Optional<Set<String>> pinned(String column) {
        return Optional.ofNullable(constraints.get(column));
    }

    /**
     * Whether the scan can apply a constraint on this column exactly ({@link #enforcing}): a plain string or
     * integer that a listing returns. A column that costs calls (a detail column, or one with a call of its own) is
     * left to the engine, so that it is read and its call made.
     */
    public static boolean enforceable(Column<?> column) {
        return (column.type() == ColumnType.VARCHAR || column.type() == ColumnType.INTEGER) && !column.costsCalls();
    }

    /** Whether some column must take a value from an empty set ({@code a = 'x' and a = 'y'}): no row can match. */
    public boolean contradictory() {
        return constraints.values().stream().anyMatch(Set::isEmpty);
    }
}
