package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.RelMdUtil;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.BuiltInMethod;
import org.apache.calcite.util.ImmutableIntList;

/**
 * A scan of one of our tables, in generated code: what a table's {@code toRel} gives the planner, which then
 * pushes filters and projections into it ({@link ScanPushdownRules}). Its code asks a {@link ScanSpec}, one of
 * the plan's parameters, for the rows. A TableScan, so that Calcite's field trimmer puts a projection of the columns
 * a statement uses over it (below a join, say), which the rules then take into the scan; the table is no
 * FilterableTable, so none of Calcite's own scan rules, which expect a scan's row to be the table's, apply to it.
 */
public final class ImageBuilderScan extends TableScan implements EnumerableRel {
    private final List<RexNode> filters;
    private final List<RexNode> applied;
    private final ImmutableIntList columns;

    /**
     * {@code filters}: every filter element on the table's row, read to narrow what is listed;
     * {@code applied}: those the scan applies to each row itself; {@code columns}: the row's columns.
     */
    ImageBuilderScan(RelOptCluster cluster, RelOptTable table, List<RexNode> filters, List<RexNode> applied,
            List<Integer> columns) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), List.of(), table);
        this.filters = List.copyOf(filters);
        this.applied = List.copyOf(applied);
        this.columns = ImmutableIntList.copyOf(columns);
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

    /** The position in this scan's row of the first column a listing returns without a call of its own. */
    int cheapestColumn() {
        ImageBuilderTable<?> ours = table.unwrap(ImageBuilderTable.class);
        for (int i = 0; i < columns.size(); i++) {
            if (!ours.definition().columns().get(columns.get(i)).costsCalls()) {
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

    /**
     * The rules that push filters, projections and aggregates' columns into this scan, and run a join that names
     * its rows' parents as a batched lookup: Calcite's idiom for an adapter's own scan.
     */
    @Override
    public void register(RelOptPlanner planner) {
        planner.addRule(ScanPushdownRules.FILTER);
        planner.addRule(ScanPushdownRules.PROJECT);
        planner.addRule(AggregateColumnsRule.OVER_SCAN);
        planner.addRule(AggregateColumnsRule.OVER_FILTER);
        planner.addRule(ParentJoinRule.INSTANCE);
    }

    private boolean namesParents() {
        TableDefinition<?> definition = table.unwrap(ImageBuilderTable.class).definition();
        return PointFilters.of(filters).columns().stream().anyMatch(c -> definition
                .filter(definition.columns().get(c).name()).map(TableDefinition.Filter::locatesParents).orElse(false));
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY);
        PointFilters where = PointFilters.of(filters);
        ScanSpec spec = new ScanSpec(table.getQualifiedName(), columns, where, PointFilters.of(applied));
        Expression stashed = implementor.stash(spec, ScanSpec.class);
        List<PointFilters.Correlated> correlations = where.correlations();
        if (correlations.isEmpty()) {
            return implementor.result(physType, Blocks.toBlock(firstColumnAlone(
                    Expressions.call(stashed, "rows", implementor.getRootExpression()))));
        }
        // The right side of a batched nested-loop join: the correlated fields of its left rows are the values this
        // run of the scan pins (see ParentJoinRule).
        BlockBuilder block = new BlockBuilder();
        Expression values = Expressions.newArrayInit(Object.class, correlations.stream()
                .map(c -> EnumUtils.convert(implementor.getCorrelVariableGetter(c.variable()).field(block, c.field(), null),
                        Object.class)).toList());
        block.add(Expressions.return_(null, firstColumnAlone(
                Expressions.call(stashed, "rows", implementor.getRootExpression(), values))));
        return implementor.result(physType, block.toBlock());
    }

    /** As Calcite's interpreter does: a one-column row is its value, not an array of one. */
    private Expression firstColumnAlone(Expression rows) {
        return columns.size() == 1 ? Expressions.call(BuiltInMethod.SLICE0.method, rows) : rows;
    }
}
