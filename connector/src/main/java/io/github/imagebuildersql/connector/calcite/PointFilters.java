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
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
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
 * take (an integer as its decimal text), each a literal, a {@code ?} parameter, or a field of a correlated row
 * (the left rows of a batched nested-loop join, see {@link ParentJoinRule}). Only {@code column = 'v'},
 * {@code column = ?}, {@code column IN (...)} (a SEARCH over points, as Calcite plans IN lists and same-column
 * ORs) and ORs of those on one column are read, and ORs of ANDs for the columns every AND pins (which narrows
 * the listing to the union of their values, a superset of the rows that match); everything else (functions,
 * LIKE, ranges) pins nothing and is left to Calcite.
 */
public record PointFilters(List<Point> points) {
    /**
     * One conjunct: the column (by index in the table's row; {@code integer} if it is an integer column) must take
     * one of the literals (an integer's decimal text on an integer column), the value of one of the statement's
     * parameters (by index), or the value of one of the correlated fields.
     */
    public record Point(int column, boolean integer, List<String> literals, List<Integer> parameters,
            List<Correlated> correlated) {
        public Point {
            literals = List.copyOf(literals);
            parameters = List.copyOf(parameters);
            correlated = List.copyOf(correlated);
        }

        private Point union(Point other) {
            return new Point(column, integer, concat(literals, other.literals), concat(parameters, other.parameters),
                    concat(correlated, other.correlated));
        }

        private static <V> List<V> concat(List<V> a, List<V> b) {
            List<V> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }
    }

    /** A field of a correlated row: the value it has is known when the plan runs, a batch of left rows at a time. */
    public record Correlated(String variable, int field) {}

    public PointFilters {
        points = List.copyOf(points);
    }

    public static PointFilters of(List<RexNode> filters) {
        List<Point> points = new ArrayList<>();
        for (RexNode filter : filters) {
            for (RexNode conjunct : RelOptUtil.conjunctions(filter)) {
                Optional<Point> p = point(conjunct);
                if (p.isPresent()) {
                    points.add(p.get());
                } else if (conjunct.getKind() == SqlKind.OR) {
                    points.addAll(everyDisjunctPins(conjunct));
                }
            }
        }
        return new PointFilters(points);
    }

    /** The columns (by index) the constraints pin. */
    public Set<Integer> columns() {
        Set<Integer> columns = new LinkedHashSet<>();
        points.forEach(p -> columns.add(p.column()));
        return columns;
    }

    /** The correlated fields the values name, in order: a plan hands the scan their values in this order. */
    public List<Correlated> correlations() {
        List<Correlated> fields = new ArrayList<>();
        points.forEach(p -> p.correlated().stream().filter(c -> !fields.contains(c)).forEach(fields::add));
        return fields;
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
            Optional<Set<String>> values = p.flatMap(point -> values(point, context, List.of(), null));
            if (values.isEmpty() || !columns.test(p.get().column())
                    || values.get().stream().anyMatch(v -> !v.strip().equals(v))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the constraints pin each column (by index) to, with the statement's parameter values and the correlated
     * values (in the order of {@link #correlations}, or null when there are none) filled in; a conjunct whose
     * parameter is not a string pins nothing, as Calcite then compares other types, and a correlated NULL is left
     * out (NULL equals nothing).
     */
    public Map<Integer, Set<String>> resolve(DataContext context, Object[] correlated) {
        List<Correlated> fields = correlations();
        Map<Integer, Set<String>> pinned = new HashMap<>();
        for (Point p : points) {
            values(p, context, fields, correlated).ifPresent(v -> pinned.merge(p.column(), v, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.retainAll(b);
                return both;
            }));
        }
        return pinned;
    }

    private static Optional<Set<String>> values(Point p, DataContext context, List<Correlated> fields,
            Object[] correlated) {
        Set<String> out = new LinkedHashSet<>(p.literals());
        List<Object> values = new ArrayList<>();
        for (int parameter : p.parameters()) {
            values.add(context == null ? null : context.get("?" + parameter));
        }
        for (Correlated c : p.correlated()) {
            if (correlated == null) {
                return Optional.empty(); // known only when the plan runs
            }
            Object value = correlated[fields.indexOf(c)];
            if (value != null) { // the left row's NULL: no row of ours equals it
                values.add(value);
            }
        }
        for (Object value : values) {
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

    /**
     * For an OR of ANDs of point constraints, the columns each AND pins, each to the union of the values the ANDs
     * allow it: a row that matches one of the ANDs has one of those values.
     */
    private static List<Point> everyDisjunctPins(RexNode or) {
        Map<Integer, Point> union = null;
        for (RexNode disjunct : RelOptUtil.disjunctions(or)) {
            Map<Integer, Point> pins = new HashMap<>();
            for (RexNode conjunct : RelOptUtil.conjunctions(disjunct)) {
                point(conjunct).ifPresent(p -> pins.putIfAbsent(p.column(), p));
            }
            if (union == null) {
                union = pins;
            } else {
                union.keySet().retainAll(pins.keySet());
                for (Map.Entry<Integer, Point> e : union.entrySet()) {
                    e.setValue(e.getValue().union(pins.get(e.getKey())));
                }
            }
        }
        return new ArrayList<>(union.values());
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
                    return points(lit).map(v -> new Point(ref.getIndex(), isInteger(ref), v, List.of(), List.of()));
                }
                return Optional.empty();
            }
            case OR: {
                Point union = null;
                for (RexNode d : RelOptUtil.disjunctions(node)) {
                    Optional<Point> p = point(d);
                    if (p.isEmpty() || (union != null && union.column() != p.get().column())) {
                        return Optional.empty();
                    }
                    union = union == null ? p.get() : union.union(p.get());
                }
                return Optional.ofNullable(union);
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
                ? new Point(ref.getIndex(), integer, List.of(), List.of(parameter), List.of())
                : v instanceof Correlated c ? new Point(ref.getIndex(), integer, List.of(), List.of(), List.of(c))
                : new Point(ref.getIndex(), integer, List.of((String) v), List.of(), List.of()));
    }

    /**
     * A string literal (or, compared with an integer column, a number's decimal text), a parameter's index, or a
     * correlated string field; empty for anything else.
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
        if (!integer && node instanceof RexFieldAccess field && field.getReferenceExpr() instanceof RexCorrelVariable row
                && field.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return Optional.of(new Correlated(row.id.getName(), field.getField().getIndex()));
        }
        if (node.getKind() == SqlKind.CAST && node.getType().getFamily() == SqlTypeFamily.CHARACTER
                && (((RexCall) node).getOperands().get(0) instanceof RexLiteral
                        || ((RexCall) node).getOperands().get(0) instanceof RexFieldAccess)
                && ((RexCall) node).getOperands().get(0).getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return value(((RexCall) node).getOperands().get(0), integer);
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
