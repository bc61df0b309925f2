package io.github.imagebuildersql.connector.calcite;

import java.math.BigDecimal;
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
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * The point constraints of a WHERE clause as the planner reads them, before a statement's parameter
 * values are known: for each conjunct that pins a string or integer column, the column and the values it may
 * take (an integer as its decimal text), each a literal or a {@code ?} parameter. Only {@code column = 'v'},
 * {@code column = ?}, {@code column IN (...)} (a SEARCH over points, as Calcite plans IN lists and same-column
 * ORs) and ORs of those on one column are read; everything else (OR across columns, functions, LIKE, ranges)
 * pins nothing and is left to Calcite.
 */
public record PointFilters(List<Point> points) {
    /**
     * One conjunct: the column (by index in the table's row; {@code integer} if it is an integer column) must take
     * one of the literals (an integer's decimal text on an integer column) or the value of one of the statement's
     * parameters (by index).
     */
    public record Point(int column, boolean integer, List<String> literals, List<Integer> parameters) {
        public Point {
            literals = List.copyOf(literals);
            parameters = List.copyOf(parameters);
        }
    }

    public PointFilters {
        points = List.copyOf(points);
    }

    public static PointFilters of(List<RexNode> filters) {
        List<Point> points = new ArrayList<>();
        for (RexNode filter : filters) {
            for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
                point(conjunct).ifPresent(points::add);
            }
        }
        return new PointFilters(points);
    }

    /**
     * Whether the scan can apply this filter element itself, exactly: every conjunct is a point constraint
     * on one of the given columns, with no value a blank-padded comparison could treat differently. Such
     * an element can be taken off Calcite's list, so Calcite generates no code for it, however long its
     * IN list (code generation turns a 10,000-value IN list into ORs nested 10,000 deep). Without a
     * context (while planning) a parameter's value is unknown, and an element with one is not exact.
     */
    public static boolean exactlyApplicable(RexNode element, DataContext context, IntPredicate columns) {
        for (RexNode conjunct : RelOptUtil.conjunctions(element)) {
            Optional<Point> p = point(conjunct);
            Optional<Set<String>> values = p.flatMap(point -> values(point, context));
            if (values.isEmpty() || !columns.test(p.get().column())
                    || values.get().stream().anyMatch(v -> !v.strip().equals(v))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the constraints pin each column (by index) to, with the statement's parameter values filled in; a
     * conjunct whose parameter is not a string pins nothing, as Calcite then compares other types.
     */
    public Map<Integer, Set<String>> resolve(DataContext context) {
        Map<Integer, Set<String>> pinned = new HashMap<>();
        for (Point p : points) {
            values(p, context).ifPresent(v -> pinned.merge(p.column(), v, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.retainAll(b);
                return both;
            }));
        }
        return pinned;
    }

    private static Optional<Set<String>> values(Point p, DataContext context) {
        Set<String> out = new LinkedHashSet<>(p.literals());
        for (int parameter : p.parameters()) {
            Object value = context == null ? null : context.get("?" + parameter);
            if (value instanceof String s) {
                out.add(s);
            } else if (p.integer() && (value instanceof Integer || value instanceof Long)) {
                out.add(value.toString());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static Optional<Point> point(RexNode node) {
        switch (node.getKind()) {
            case EQUALS: {
                List<RexNode> ops = ((RexCall) node).getOperands();
                Optional<Point> p = equality(ops.get(0), ops.get(1));
                return p.isPresent() ? p : equality(ops.get(1), ops.get(0));
            }
            case SEARCH: {
                List<RexNode> ops = ((RexCall) node).getOperands();
                if (ops.get(0) instanceof RexInputRef ref && pointColumn(ref) && ops.get(1) instanceof RexLiteral lit) {
                    return points(lit).map(v -> new Point(ref.getIndex(), isInteger(ref), v, List.of()));
                }
                return Optional.empty();
            }
            case OR: {
                Point first = null;
                List<String> literals = new ArrayList<>();
                List<Integer> parameters = new ArrayList<>();
                for (RexNode d : RelOptUtil.disjunctions(node)) {
                    Optional<Point> p = point(d);
                    if (p.isEmpty() || (first != null && first.column() != p.get().column())) {
                        return Optional.empty();
                    }
                    first = first == null ? p.get() : first;
                    literals.addAll(p.get().literals());
                    parameters.addAll(p.get().parameters());
                }
                return first == null ? Optional.empty()
                        : Optional.of(new Point(first.column(), first.integer(), literals, parameters));
            }
            default:
                return Optional.empty();
        }
    }

    private static Optional<Point> equality(RexNode left, RexNode right) {
        if (!(left instanceof RexInputRef ref) || !pointColumn(ref)) {
            return Optional.empty();
        }
        boolean integer = isInteger(ref);
        return value(right, integer).map(v -> v instanceof Integer parameter
                ? new Point(ref.getIndex(), integer, List.of(), List.of(parameter))
                : new Point(ref.getIndex(), integer, List.of((String) v), List.of()));
    }

    /**
     * A string literal (or, compared with an integer column, a number's decimal text), or a parameter's index;
     * empty for anything else.
     */
    private static Optional<Object> value(RexNode node, boolean integer) {
        if (node instanceof RexLiteral lit && lit.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return integer ? Optional.empty() : Optional.<Object>ofNullable(lit.getValueAs(String.class));
        }
        if (integer && node instanceof RexLiteral lit && lit.getValue() instanceof BigDecimal number) {
            return Optional.of(decimal(number));
        }
        if (node instanceof RexDynamicParam param) {
            return Optional.of(param.getIndex());
        }
        if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexLiteral inner
                && node.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return value(inner, integer);
        }
        return Optional.empty();
    }

    private static Optional<List<String>> points(RexLiteral literal) {
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (var range : sarg.rangeSet.asRanges()) {
            Object point = range.lowerEndpoint();
            if (point instanceof NlsString nls) {
                out.add(nls.getValue());
            } else if (point instanceof BigDecimal number) {
                out.add(decimal(number));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** The columns whose point constraints are read: strings, and integers (whose values are kept as their text). */
    private static boolean pointColumn(RexInputRef ref) {
        return ref.getType().getFamily() == SqlTypeFamily.CHARACTER || isInteger(ref);
    }

    private static boolean isInteger(RexInputRef ref) {
        return SqlTypeName.INT_TYPES.contains(ref.getType().getSqlTypeName());
    }

    /** A number as an integer column's value reads in text ({@code 5}, never {@code 5.0}); {@code 1.5} matches none. */
    private static String decimal(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
