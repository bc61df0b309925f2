package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A scan of one of our tables in generated code. The plan's Java calls {@link #enumerable} with a text
 * constant that names the table, its columns and its filters; nothing in it refers to an object of the
 * process that planned it, so a compiled plan can be kept and run by another process (see the driver's
 * plan cache).
 */
public final class ImageBuilderScan extends AbstractRelNode implements EnumerableRel {
    /** Longer specifications (IN lists of thousands of values) go beside the code: a class's constant holds 64 KB. */
    private static final int CONSTANT_LIMIT = 16_384;

    private final RelOptTable table;
    private final List<RexNode> filters;
    private final List<RexNode> applied;
    private final ImmutableIntList columns;

    /**
     * {@code filters}: every filter element on the table's row, read to narrow what is listed;
     * {@code applied}: those the scan applies to each row itself; {@code columns}: the row's columns.
     */
    ImageBuilderScan(RelOptCluster cluster, RelOptTable table, List<RexNode> filters, List<RexNode> applied,
            List<Integer> columns) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
        this.table = table;
        this.filters = List.copyOf(filters);
        this.applied = List.copyOf(applied);
        this.columns = ImmutableIntList.copyOf(columns);
    }

    /** Our scan is not a TableScan: Calcite's rules that push filters into scans assume a table scan's row is the table's. */
    @Override
    public RelOptTable getTable() {
        return table;
    }

    RelOptTable table() {
        return table;
    }

    /** Every filter element on the table's row that narrows what is listed. */
    List<RexNode> filters() {
        return filters;
    }

    /** The filter elements the scan applies to each row itself. */
    List<RexNode> applied() {
        return applied;
    }

    /** The table's columns that make this scan's row, in order. */
    ImmutableIntList columns() {
        return columns;
    }

    ImageBuilderScan with(List<RexNode> filters, List<RexNode> applied, List<Integer> columns) {
        return new ImageBuilderScan(getCluster(), table, filters, applied, columns);
    }

    @Override
    public RelDataType deriveRowType() {
        RelDataTypeFactory.Builder row = getCluster().getTypeFactory().builder();
        for (int c : columns) {
            row.add(table.getRowType().getFieldList().get(c));
        }
        return row.build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw)
                .item("table", table.getQualifiedName())
                .itemIf("filters", filters, !filters.isEmpty())
                .itemIf("applied", applied, !applied.isEmpty())
                .item("columns", columns);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return table.getRowCount()
                * RelMdUtil.guessSelectivity(RexUtil.composeConjunction(getCluster().getRexBuilder(), applied));
    }

    /**
     * As Calcite's own scans that take filters and columns: the more pushed into it, the cheaper; and much cheaper
     * when its filters name the parents of its rows (it makes their child calls only, instead of listing every
     * parent first), so that a join whose other side names them runs as a batched nested-loop join (ParentJoinRule).
     */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double width = (columns.size() + 2d) / (table.getRowType().getFieldCount() + 2d);
        double filtered = (filters.isEmpty() ? 1d : 0.5d) * (namesParents() ? 0.01d : 1d);
        double rows = mq.getRowCount(this);
        return planner.getCostFactory().makeCost(rows, rows + 1, 0).multiplyBy(width * filtered * 0.01d);
    }

    private boolean namesParents() {
        TableDefinition<?> definition = table.unwrap(ImageBuilderTable.class).definition();
        return PointFilters.of(filters).columns().stream().anyMatch(c -> definition
                .filter(definition.columns().get(c).name()).map(TableDefinition.Filter::locatesParents).orElse(false));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        String spec = spec();
        Expression text = spec.length() <= CONSTANT_LIMIT ? Expressions.constant(spec)
                : Expressions.new_(String.class, implementor.stash(spec.toCharArray(), char[].class));
        List<PointFilters.Correlated> correlations = PointFilters.of(filters).correlations();
        if (correlations.isEmpty()) {
            return implementor.result(physType, Blocks.toBlock(firstColumnAlone(Expressions.call(ImageBuilderScan.class,
                    "enumerable", implementor.getRootExpression(), text))));
        }
        // The right side of a batched nested-loop join: the correlated fields of its left rows are the values this
        // run of the scan pins (see ParentJoinRule).
        BlockBuilder block = new BlockBuilder();
        Expression values = Expressions.newArrayInit(Object.class, correlations.stream()
                .map(c -> EnumUtils.convert(implementor.getCorrelVariableGetter(c.variable()).field(block, c.field(), null),
                        Object.class)).toList());
        block.add(Expressions.return_(null, firstColumnAlone(Expressions.call(ImageBuilderScan.class, "enumerable",
                implementor.getRootExpression(), text, values))));
        return implementor.result(physType, block.toBlock());
    }

    /** As Calcite's interpreter does: a one-column row is its value, not an array of one. */
    private Expression firstColumnAlone(Expression rows) {
        return columns.size() == 1 ? Expressions.call(BuiltInMethod.SLICE0.method, rows) : rows;
    }

    private String spec() {
        List<String> parts = new ArrayList<>();
        List<String> name = table.getQualifiedName();
        parts.add(String.valueOf(name.size()));
        parts.addAll(name);
        parts.add(SpecText.join(columns.stream().map(String::valueOf).toList()));
        parts.add(PointFilters.of(filters).encode());
        parts.add(PointFilters.of(applied).encode());
        return SpecText.join(parts);
    }

    /** What the generated code of a plan calls: the rows a specification written by {@link #spec()} asks for. */
    public static Enumerable<Object[]> enumerable(DataContext root, String spec) {
        return enumerable(root, spec, null);
    }

    /** The same, in a plan whose filters name correlated fields: these are their values for this run. */
    public static Enumerable<Object[]> enumerable(DataContext root, String spec, Object[] correlated) {
        List<String> parts = SpecText.split(spec);
        int names = Integer.parseInt(parts.get(0));
        SchemaPlus schema = root.getRootSchema();
        for (int i = 1; i < names && schema != null; i++) {
            schema = schema.subSchemas().get(parts.get(i));
        }
        Table table = schema == null ? null : schema.tables().get(parts.get(names));
        if (!(table instanceof ImageBuilderTable<?> ours)) {
            throw new IllegalStateException("the plan's table " + String.join(".", parts.subList(1, names + 1))
                    + " is not an Image Builder table of this connection");
        }
        int[] columns = SpecText.split(parts.get(names + 1)).stream().mapToInt(Integer::parseInt).toArray();
        return ours.scan(root, columns, PointFilters.decode(parts.get(names + 2)), PointFilters.decode(parts.get(names + 3)),
                correlated);
    }
}
