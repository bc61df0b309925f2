package io.github.imagebuildersql.connector.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
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
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A scan of one of our tables, in generated code: what a table's {@code toRel} gives the planner, which then
 * pushes filters and projections into it ({@link ScanPushdownRules}). Its code asks a {@link ScanSpec}, one of
 * the plan's parameters, for the rows.
 */
public final class ImageBuilderScan extends AbstractRelNode implements EnumerableRel {
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

    /** The position in this scan's row of the first column a listing returns without a detail call. */
    int cheapestColumn() {
        ImageBuilderTable<?> ours = table.unwrap(ImageBuilderTable.class);
        for (int i = 0; i < columns.size(); i++) {
            if (!ours.definition().columns().get(columns.get(i)).needsDetail()) {
                return i;
            }
        }
        return 0;
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

    /** As Calcite's own scans that take filters and columns: the more pushed into it, the cheaper. */
    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double width = (columns.size() + 2d) / (table.getRowType().getFieldCount() + 2d);
        double filtered = filters.isEmpty() ? 1d : 0.5d;
        double rows = mq.getRowCount(this);
        return planner.getCostFactory().makeCost(rows, rows + 1, 0).multiplyBy(width * filtered * 0.01d);
    }

    /** The rules that push filters, projections and aggregates' columns into this scan: Calcite's idiom for an adapter's own scan. */
    @Override
    public void register(RelOptPlanner planner) {
        planner.addRule(ScanPushdownRules.FILTER);
        planner.addRule(ScanPushdownRules.PROJECT);
        planner.addRule(AggregateColumnsRule.OVER_SCAN);
        planner.addRule(AggregateColumnsRule.OVER_FILTER);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        ScanSpec spec = new ScanSpec(table.getQualifiedName(), columns, PointFilters.of(filters), PointFilters.of(applied));
        Expression rows = Expressions.call(implementor.stash(spec, ScanSpec.class), "rows", implementor.getRootExpression());
        // As Calcite's interpreter does: a one-column row is its value, not an array of one.
        return implementor.result(physType, Blocks.toBlock(
                columns.size() == 1 ? Expressions.call(BuiltInMethod.SLICE0.method, rows) : rows));
    }
}
