package io.github.imagebuildersql.connector.calcite;

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
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * The point constraints of a WHERE clause as the planner reads them, before a statement's parameter
 * values are known: for each conjunct that pins a string column, the column and the values it may take,
 * each a literal, a {@code ?} parameter, or a field of a correlated row (the left rows of a batched nested-loop
 * join, see {@link ParentJoinRule}). Only {@code column = 'v'}, {@code column = ?}, {@code column IN (...)} (a
 * SEARCH over points, as Calcite plans IN lists and same-column ORs) and ORs of those on one column are read,
 * and ORs of ANDs for the columns every AND pins (which narrows the listing to the union of their values, a
 * superset of the rows that match); everything else (functions, LIKE, comparisons with numbers) pins nothing
 * and is left to Calcite.
 */
public final class PointFilters {
    private static final String LITERAL = "s";
    private static final String PARAMETER = "p";
    private static final String CORRELATED = "r";
    private static final String COLUMN = "c";

    /**
     * One conjunct: the column must take one of the values, each a String literal, an Integer parameter index, a
     * {@link Correlated} field while planning, or a {@link Slot} of the correlated values once decoded.
     */
    private record Point(int column, List<Object> values) {}

    /** A field of a correlated row: the value it has is known when the plan runs, a batch of left rows at a time. */
    public record Correlated(String variable, int field) {}

    /** A generated plan's correlated value, by its position in the values the plan hands the scan. */
    private record Slot(int index) {}

    private final List<Point> points;

    private PointFilters(List<Point> points) {
        this.points = points;
    }

    public static PointFilters none() {
        return new PointFilters(List.of());
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
        points.forEach(p -> columns.add(p.column));
        return columns;
    }

    /** The correlated fields the values name, in order: a plan hands the scan their values in this order. */
    public List<Correlated> correlations() {
        List<Correlated> fields = new ArrayList<>();
        points.forEach(p -> p.values.stream().filter(v -> v instanceof Correlated c && !fields.contains(c))
                .forEach(v -> fields.add((Correlated) v)));
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
            Optional<Set<String>> values = p.flatMap(point -> values(point, context, null));
            if (values.isEmpty() || !columns.test(p.get().column)
                    || values.get().stream().anyMatch(v -> !v.strip().equals(v))) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the constraints pin each column (by index) to, with the statement's parameter values and the correlated
     * values filled in; a conjunct whose parameter is not a string pins nothing, as Calcite then compares other
     * types, and a correlated NULL is left out (NULL equals nothing).
     */
    public Map<Integer, Set<String>> resolve(DataContext context, Object[] correlated) {
        Map<Integer, Set<String>> pinned = new HashMap<>();
        for (Point p : points) {
            values(p, context, correlated).ifPresent(v -> pinned.merge(p.column, v, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.retainAll(b);
                return both;
            }));
        }
        return pinned;
    }

    /** This list as text, for a generated plan to carry; {@link #decode} reads it back. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        for (Point p : points) {
            parts.add(COLUMN + p.column);
            for (Object v : p.values) {
                parts.add(v instanceof Integer parameter ? PARAMETER + parameter
                        : v instanceof Correlated c ? CORRELATED + correlations().indexOf(c) : LITERAL + v);
            }
        }
        return SpecText.join(parts);
    }

    public static PointFilters decode(String text) {
        List<Point> points = new ArrayList<>();
        for (String part : SpecText.split(text)) {
            String body = part.substring(1);
            switch (part.substring(0, 1)) {
                case COLUMN -> points.add(new Point(Integer.parseInt(body), new ArrayList<>()));
                case PARAMETER -> points.get(points.size() - 1).values.add(Integer.parseInt(body));
                case LITERAL -> points.get(points.size() - 1).values.add(body);
                case CORRELATED -> points.get(points.size() - 1).values.add(new Slot(Integer.parseInt(body)));
                default -> throw new IllegalArgumentException("not a point filter: " + part);
            }
        }
        return new PointFilters(points);
    }

    private static Optional<Set<String>> values(Point p, DataContext context, Object[] correlated) {
        Set<String> out = new LinkedHashSet<>();
        for (Object v : p.values) {
            if (v instanceof Slot slot && correlated != null && correlated[slot.index] == null) {
                continue; // the left row's NULL: no row of ours equals it
            }
            Object value = v instanceof Integer parameter ? (context == null ? null : context.get("?" + parameter))
                    : v instanceof Slot slot ? (correlated == null ? null : correlated[slot.index])
                    : v instanceof Correlated ? null : v;
            if (!(value instanceof String s)) {
                return Optional.empty();
            }
            out.add(s);
        }
        return Optional.of(out);
    }

    /**
     * For an OR of ANDs of point constraints, the columns each AND pins, each to the union of the values the ANDs
     * allow it: a row that matches one of the ANDs has one of those values.
     */
    private static List<Point> everyDisjunctPins(RexNode or) {
        Map<Integer, List<Object>> union = null;
        for (RexNode disjunct : RelOptUtil.disjunctions(or)) {
            Map<Integer, List<Object>> pins = new HashMap<>();
            for (RexNode conjunct : RelOptUtil.conjunctions(disjunct)) {
                point(conjunct).ifPresent(p -> pins.merge(p.column, new ArrayList<>(p.values), (a, b) -> a));
            }
            if (union == null) {
                union = pins;
            } else {
                union.keySet().retainAll(pins.keySet());
                for (Map.Entry<Integer, List<Object>> e : union.entrySet()) {
                    e.getValue().addAll(pins.get(e.getKey()));
                }
            }
        }
        List<Point> points = new ArrayList<>();
        union.forEach((column, values) -> points.add(new Point(column, values)));
        return points;
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
                if (ops.get(0) instanceof RexInputRef ref && isString(ref) && ops.get(1) instanceof RexLiteral lit) {
                    return points(lit).map(v -> new Point(ref.getIndex(), v));
                }
                return Optional.empty();
            }
            case OR: {
                Integer column = null;
                List<Object> union = new ArrayList<>();
                for (RexNode d : RelOptUtil.disjunctions(node)) {
                    Optional<Point> p = point(d);
                    if (p.isEmpty() || (column != null && column != p.get().column)) {
                        return Optional.empty();
                    }
                    column = p.get().column;
                    union.addAll(p.get().values);
                }
                return column == null ? Optional.empty() : Optional.of(new Point(column, union));
            }
            default:
                return Optional.empty();
        }
    }

    private static Optional<Point> equality(RexNode left, RexNode right) {
        if (!(left instanceof RexInputRef ref) || !isString(ref)) {
            return Optional.empty();
        }
        return value(right).map(v -> new Point(ref.getIndex(), new ArrayList<>(List.of(v))));
    }

    /** A string literal, or a parameter's index; empty for anything else. */
    private static Optional<Object> value(RexNode node) {
        if (node instanceof RexLiteral lit && lit.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return Optional.<Object>ofNullable(lit.getValueAs(String.class));
        }
        if (node instanceof RexDynamicParam param) {
            return Optional.of(param.getIndex());
        }
        if (node instanceof RexFieldAccess field && field.getReferenceExpr() instanceof RexCorrelVariable row
                && field.getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return Optional.of(new Correlated(row.id.getName(), field.getField().getIndex()));
        }
        if (node.getKind() == SqlKind.CAST && node.getType().getFamily() == SqlTypeFamily.CHARACTER
                && (((RexCall) node).getOperands().get(0) instanceof RexLiteral
                        || ((RexCall) node).getOperands().get(0) instanceof RexFieldAccess)
                && ((RexCall) node).getOperands().get(0).getType().getFamily() == SqlTypeFamily.CHARACTER) {
            return value(((RexCall) node).getOperands().get(0));
        }
        return Optional.empty();
    }

    private static Optional<List<Object>> points(RexLiteral literal) {
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        if (sarg == null || !sarg.isPoints() || sarg.nullAs == RexUnknownAs.TRUE) {
            return Optional.empty();
        }
        List<Object> out = new ArrayList<>();
        for (var range : sarg.rangeSet.asRanges()) {
            Object point = range.lowerEndpoint();
            if (point instanceof NlsString nls) {
                out.add(nls.getValue());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static boolean isString(RexInputRef ref) {
        return ref.getType().getFamily() == SqlTypeFamily.CHARACTER;
    }
}
