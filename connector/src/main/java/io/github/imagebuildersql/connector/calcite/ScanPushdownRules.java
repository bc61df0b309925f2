package io.github.imagebuildersql.connector.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Push what Calcite plans above an {@link ImageBuilderScan} into it (the scan registers these rules with the
 * planner that sees it). Calcite's own rules do this only for its own table scans.
 *
 * <p>An {@code ImageBuilderScan} on its own yields the rows that pass its applied filters, of which its
 * other filters may only have spared a listing some rows that fail them. So a Filter pushed into it adds
 * its elements to those that narrow the listing, takes the ones the scan applies exactly off, and keeps the
 * rest above the scan: never the scan's earlier filters, which the plan checks elsewhere.
 */
final class ScanPushdownRules {
    static final RelOptRule FILTER = new FilterIntoScan();
    static final RelOptRule PROJECT = new ProjectIntoScan();

    private ScanPushdownRules() {}

    /** Renumbers a filter on the scan's row, which has the given columns, to the table's row. */
    private static RexShuttle onTableRow(List<Integer> columns) {
        return new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(columns.get(ref.getIndex()), ref.getType());
            }
        };
    }

    private static final class FilterIntoScan extends RelOptRule {
        FilterIntoScan() {
            super(operand(Filter.class, operand(ImageBuilderScan.class, none())), "ImageBuilderFilterIntoScan");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Filter filter = call.rel(0);
            ImageBuilderScan scan = call.rel(1);
            ImageBuilderTable<?> table = scan.table().unwrap(ImageBuilderTable.class);
            List<RexNode> filters = new ArrayList<>(scan.filters());
            List<RexNode> applied = new ArrayList<>(scan.applied());
            List<RexNode> above = new ArrayList<>();
            boolean changed = false;
            for (RexNode element : RelOptUtil.conjunctions(filter.getCondition())) {
                RexNode onTable = onTableRow(scan.columns()).apply(element);
                if (!filters.contains(onTable)) {
                    filters.add(onTable);
                    changed = true;
                }
                if (applied.contains(onTable)) {
                    changed = true; // the scan applies it already
                } else if (PointFilters.exactlyApplicable(onTable, null, table.exactColumns())) {
                    applied.add(onTable);
                    changed = true;
                } else {
                    above.add(element);
                }
            }
            if (!changed) {
                return;
            }
            RelBuilder rel = call.builder().push(scan.with(filters, applied, scan.columns()));
            if (!above.isEmpty()) {
                rel.filter(above);
            }
            call.transformTo(rel.build());
        }
    }

    private static final class ProjectIntoScan extends RelOptRule {
        ProjectIntoScan() {
            super(operand(Project.class, operand(ImageBuilderScan.class, none())), "ImageBuilderProjectIntoScan");
        }

        @Override
        public void onMatch(RelOptRuleCall call) {
            Project project = call.rel(0);
            ImageBuilderScan scan = call.rel(1);
            ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
            if (used.isEmpty()) {
                used = ImmutableBitSet.of(scan.cheapestColumn()); // a row needs one column to be a row
            }
            if (used.cardinality() == scan.columns().size()) {
                return;
            }
            List<Integer> columns = new ArrayList<>();
            for (int field : used) {
                columns.add(scan.columns().get(field));
            }
            List<RexNode> projects = RexUtil.apply(Mappings.target(used.asList(), scan.columns().size()),
                    project.getProjects());
            call.transformTo(call.builder()
                    .push(scan.with(scan.filters(), scan.applied(), columns))
                    .project(projects, project.getRowType().getFieldNames())
                    .build());
        }
    }
}
