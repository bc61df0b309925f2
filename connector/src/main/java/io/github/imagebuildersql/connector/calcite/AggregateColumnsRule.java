package io.github.imagebuildersql.connector.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleOperand;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Calcite plans {@code select count(*) from t} as an aggregate directly over a scan of every column (a
 * projection of nothing costs more than it saves, in its model), or over a filter on such a scan, so the
 * table would be asked for detail columns nobody reads: one GetWorkflow per row. This rule offers the same
 * aggregate (and filter) over a scan of only the columns they use (for count(*), one column a listing
 * returns), which the planner then prefers as the cheaper scan.
 */
final class AggregateColumnsRule extends RelOptRule {
    static final AggregateColumnsRule OVER_SCAN = new AggregateColumnsRule(
            operand(Aggregate.class, operand(ImageBuilderScan.class, none())), "ImageBuilderAggregateColumns");
    static final AggregateColumnsRule OVER_FILTER = new AggregateColumnsRule(
            operand(Aggregate.class, operand(Filter.class, operand(ImageBuilderScan.class, none()))),
            "ImageBuilderAggregateFilterColumns");

    private AggregateColumnsRule(RelOptRuleOperand operand, String name) {
        super(operand, name);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        Filter filter = call.rels.length == 3 ? call.rel(1) : null;
        ImageBuilderScan scan = call.rel(call.rels.length - 1);
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return;
        }
        List<Integer> scanned = scan.columns();
        int width = scan.getRowType().getFieldCount();
        Set<Integer> used = new TreeSet<>(RelOptUtil.getAllFields(aggregate));
        if (filter != null) {
            used.addAll(RelOptUtil.InputFinder.bits(filter.getCondition()).asList());
        }
        if (used.isEmpty()) {
            used.add(scan.cheapestColumn()); // a row needs one column to be counted
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
        RelBuilder rel = call.builder().push(scan.with(scan.filters(), scan.applied(), projects));
        if (filter != null) {
            rel.filter(RexUtil.apply(mapping, filter.getCondition()));
        }
        List<AggregateCall> calls = aggregate.getAggCallList().stream().map(c -> c.transform(mapping)).toList();
        call.transformTo(aggregate.copy(aggregate.getTraitSet(), rel.build(), Mappings.apply(mapping, aggregate.getGroupSet()),
                null, calls));
    }
}
