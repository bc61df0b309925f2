package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableBatchNestedLoopJoinRule;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.volcano.RelSubset;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * A join whose right side is one of our tables, matched on a column that names its rows' parents by ARN (a table's
 * parent filter with ARN values: {@code p.image_build_version_arn = i.arn}, {@code i.source_pipeline_arn = p.arn},
 * {@code e.lifecycle_policy_arn = lp.arn}, ...), may run as Calcite's batched nested-loop join: the left rows are
 * read a hundred at a time, and for each hundred the right table is scanned with
 * {@code column = $cor0.arn OR ... OR column = $cor99.arn}, which the scan reads as an IN list of the left rows'
 * values (see PointFilters) and so makes the child calls for those parents only, instead of listing every parent
 * again. Calcite's own rule, offered only for such joins, so that no other join changes how it runs; the planner
 * then chooses it by cost (a scan that names its parents costs less, see ImageBuilderScan). A join on a run's ID
 * alone ({@code s.workflow_execution_id = e.workflow_execution_id}) is not one: an ID says nothing of its partition,
 * and asking every partition for every run costs more than listing them (TableDefinition.Filter.locatesParents).
 */
public final class ParentJoinRule {
    public static final RelOptRule INSTANCE = EnumerableBatchNestedLoopJoinRule.Config.DEFAULT
            .withOperandSupplier(b -> b.operand(LogicalJoin.class).predicate(ParentJoinRule::namesRightParents)
                    .anyInputs())
            .withDescription("ImageBuilderParentJoin")
            .as(EnumerableBatchNestedLoopJoinRule.Config.class)
            .toRule();

    /** The left columns a join may be correlated on, a hundred left rows at a time. */
    static final int MAX_LEFT_COLUMNS = 2;

    private ParentJoinRule() {}

    /**
     * Whether the join equates a left column with a right column that locates its rows' parents, on at
     * most two left columns: the plan's code holds each left column of each of the hundred left rows in a variable,
     * and Janino refuses a class whose constructor takes more than 255 of them.
     */
    static boolean namesRightParents(Join join) {
        int leftCount = join.getLeft().getRowType().getFieldCount();
        if (RelOptUtil.InputFinder.bits(join.getCondition()).get(0, leftCount).cardinality() > MAX_LEFT_COLUMNS) {
            return false;
        }
        for (RexNode conjunct : RelOptUtil.conjunctions(join.getCondition())) {
            if (conjunct.getKind() != SqlKind.EQUALS) {
                continue;
            }
            List<RexNode> sides = ((RexCall) conjunct).getOperands();
            if (sides.get(0) instanceof RexInputRef a && sides.get(1) instanceof RexInputRef b
                    && (a.getIndex() < leftCount) != (b.getIndex() < leftCount)) {
                int right = Math.max(a.getIndex(), b.getIndex()) - leftCount;
                if (isParentColumn(join.getRight(), right)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Follows a column down through projections and filters to the table column it is, if it is one. */
    private static boolean isParentColumn(RelNode rel, int column) {
        if (rel instanceof RelSubset subset) {
            return subset.getOriginal() != null && isParentColumn(subset.getOriginal(), column);
        }
        if (rel instanceof Filter filter) {
            return isParentColumn(filter.getInput(), column);
        }
        if (rel instanceof Project project) {
            return project.getProjects().get(column) instanceof RexInputRef ref
                    && isParentColumn(project.getInput(), ref.getIndex());
        }
        int tableColumn = rel instanceof ImageBuilderScan ours ? ours.columns().get(column)
                : rel instanceof TableScan ? column : -1;
        RelOptTable table = rel.getTable();
        ImageBuilderTable<?> ours = table == null || tableColumn < 0 ? null : table.unwrap(ImageBuilderTable.class);
        if (ours == null) {
            return false;
        }
        TableDefinition<?> definition = ours.definition();
        return definition.filter(definition.columns().get(tableColumn).name())
                .map(TableDefinition.Filter::locatesParents).orElse(false);
    }
}
