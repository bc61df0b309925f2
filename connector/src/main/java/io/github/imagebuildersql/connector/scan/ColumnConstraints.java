package io.github.imagebuildersql.connector.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.calcite.DataContext;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * What a WHERE clause pins string columns to: for each column, the set of values it must take. Only
 * {@code column = 'v'}, {@code column = ?}, {@code column IN (...)} (a SEARCH over points, as Calcite
 * plans IN lists and same-column ORs) and ORs of those on one column are read; everything else (OR
 * across columns, functions, LIKE, comparisons with numbers) constrains nothing and is left to Calcite,
 * which re-checks every filter anyway.
 */
public final class ColumnConstraints {
    private final Map<Integer, Set<String>> values;

    private ColumnConstraints(Map<Integer, Set<String>> values) {
        this.values = values;
    }

    public static ColumnConstraints none() {
        return new ColumnConstraints(Map.of());
    }

    public static ColumnConstraints of(List<RexNode> filters, DataContext context) {
        Map<Integer, Set<String>> values = new HashMap<>();
        for (RexNode filter : filters) {
            for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
                constraint(conjunct, context).ifPresent(c -> values.merge(c.column, c.values, (a, b) -> {
                    Set<String> both = new LinkedHashSet<>(a);
                    both.retainAll(b);
                    return both;
                }));
            }
        }
        return new ColumnConstraints(values);
    }

    /**
     * Whether the scan can apply this filter element itself, exactly: every conjunct is a point constraint
     * on one of the given columns, with no value a blank-padded comparison could treat differently. Such
     * an element can be taken off Calcite's list, so Calcite generates no code for it, however long its
     * IN list (code generation turns a 10,000-value IN list into ORs nested 10,000 deep).
     */
    public static boolean exactlyApplicable(RexNode element, DataContext context, IntPredicate columns) {
        for (RexNode conjunct : RelOptUtil.conjunctions(element)) {
            Optional<Constraint> c = constraint(conjunct, context);
            if (c.isEmpty() || !columns.test(c.get().column)
                    || c.get().values.stream().anyMatch(v -> !v.strip().equals(v))) {
                return false;
            }
        }
        return true;
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

    private record Constraint(int column, Set<String> values) {}

    private static Optional<Constraint> constraint(RexNode node, DataContext context) {
        switch (node.getKind()) {
            case EQUALS: {
                List<RexNode> ops = ((RexCall) node).getOperands();
                Optional<Constraint> c = equality(ops.get(0), ops.get(1), context);
                return c.isPresent() ? c : equality(ops.get(1), ops.get(0), context);
            }
            case SEARCH: {
                List<RexNode> ops = ((RexCall) node).getOperands();
                if (ops.get(0) instanceof RexInputRef ref && isString(ref) && ops.get(1) instanceof RexLiteral lit) {
                    return points(lit).map(v -> new Constraint(ref.getIndex(), v));
                }
                return Optional.empty();
            }
            case OR: {
                Integer column = null;
                Set<String> union = new LinkedHashSet<>();
                for (RexNode d : RelOptUtil.disjunctions(node)) {
                    Optional<Constraint> c = constraint(d, context);
                    if (c.isEmpty() || (column != null && column != c.get().column)) {
                        return Optional.empty();
                    }
                    column = c.get().column;
                    union.addAll(c.get().values);
                }
                return column == null ? Optional.empty() : Optional.of(new Constraint(column, union));
            }
            default:
                return Optional.empty();
        }
    }

    private static Optional<Constraint> equality(RexNode left, RexNode right, DataContext context) {
        if (!(left instanceof RexInputRef ref) || !isString(ref)) {
            return Optional.empty();
        }
        return stringValue(right, context).map(v -> new Constraint(ref.getIndex(), Set.of(v)));
    }

    private static Optional<String> stringValue(RexNode node, DataContext context) {
        if (node instanceof RexLiteral lit && lit.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return Optional.ofNullable(lit.getValueAs(String.class));
        }
        if (node instanceof RexDynamicParam param && context != null) {
            Object v = context.get("?" + param.getIndex());
            return v instanceof String s ? Optional.of(s) : Optional.empty();
        }
        if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexLiteral inner
                && node.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return stringValue(inner, context);
        }
        return Optional.empty();
    }

    private static Optional<Set<String>> points(RexLiteral literal) {
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (var range : sarg.rangeSet.asRanges()) {
            Object point = range.lowerEndpoint();
            if (point instanceof NlsString nls) {
                out.add(nls.getValue());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new LinkedHashSet<>(out));
    }

    private static boolean isString(RexInputRef ref) {
        return ref.getType().getFamily() == SqlTypeFamily.CHARACTER;
    }
}
