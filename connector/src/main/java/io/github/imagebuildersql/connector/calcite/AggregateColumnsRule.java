package io.github.imagebuildersql.connector.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.calcite.interpreter.Bindables.BindableTableScan;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableScan;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite plans {@code select count(*) from t} as an aggregate directly over a scan of every column (a
 * projection of nothing costs more than it saves, in its model), so the table would be asked for
 * detail columns nobody reads: one GetWorkflow per row. This rule offers the same aggregate over a scan
 * of only the columns it uses (for count(*), one column a listing returns), which the planner then
 * prefers as the cheaper scan.
 */
final class AggregateColumnsRule extends RelOptRule {
    static final AggregateColumnsRule INSTANCE = new AggregateColumnsRule();

    /**
     * Registered once for every planner Calcite creates in this JVM; it matches scans of our tables only,
     * so other Calcite users see no difference.
     */
    static void register() {
        Holder.REGISTERED.hashCode();
    }

    private static final class Holder {
        static final Object REGISTERED = Hook.PLANNER.add((Consumer<RelOptPlanner>) p -> p.addRule(INSTANCE));
    }

    private AggregateColumnsRule() {
        super(operand(Aggregate.class, operand(RelNode.class, none())), "ImageBuilderAggregateColumns");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        RelNode scan = call.rel(1);
        ImageBuilderTable<?> table = scan.getTable() == null ? null : scan.getTable().unwrap(ImageBuilderTable.class);
        if (table == null || aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return;
        }
        List<RexNode> filters;
        List<Integer> scanned;
        if (scan instanceof ImageBuilderScan ours) {
            filters = ours.filters();
            scanned = ours.columns();
        } else if (scan instanceof BindableTableScan bindable) {
            filters = bindable.filters;
            scanned = bindable.projects;
        } else if (scan instanceof LogicalTableScan) {
            filters = List.of();
            scanned = ImmutableIntList.identity(scan.getRowType().getFieldCount());
        } else {
            return;
        }
        int width = scan.getRowType().getFieldCount();
        Set<Integer> used = new TreeSet<>(RelOptUtil.getAllFields(aggregate));
        if (used.isEmpty()) {
            used.add(cheapestColumn(table, scanned)); // a row needs one column to be counted
        }
        if (used.size() == width) {
            return;
        }
        List<Integer> projects = new ArrayList<>();
        Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, width, used.size());
        for (int field : used) {
            mapping.set(field, projects.size());
            projects.add(scanned.get(field));
        }
        RelNode narrow = scan instanceof ImageBuilderScan ours ? ours.with(filters, ours.applied(), projects)
                : BindableTableScan.create(scan.getCluster(), scan.getTable(), filters, projects);
        List<AggregateCall> calls = aggregate.getAggCallList().stream().map(c -> c.transform(mapping)).toList();
        call.transformTo(aggregate.copy(aggregate.getTraitSet(), narrow, Mappings.apply(mapping, aggregate.getGroupSet()),
                null, calls));
    }

    /** The first scanned column a listing returns without a call of its own. */
    private static int cheapestColumn(ImageBuilderTable<?> table, List<Integer> scanned) {
        for (int i = 0; i < scanned.size(); i++) {
            if (!table.definition().columns().get(scanned.get(i)).costsCalls()) {
                return i;
            }
        }
        return 0;
    }
}
