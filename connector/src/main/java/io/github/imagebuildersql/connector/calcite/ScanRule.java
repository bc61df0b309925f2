package io.github.imagebuildersql.connector.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.interpreter.Bindables.BindableTableScan;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;

/**
 * Turns the scan Calcite builds for a table that takes filters and columns (which it would run in its
 * interpreter, from a plan object held in memory) into an {@link ImageBuilderScan} in generated code.
 * While planning, the filter elements the scan applies exactly (constants only: a parameter's value is not
 * known yet) are taken off; Calcite's own Filter above the scan checks the rest, and a Project drops the
 * columns only that Filter needed. {@link ScanPushdownRules} then push the filters and projections Calcite
 * plans above the scan into it.
 */
public final class ScanRule extends RelOptRule {
    public static final ScanRule INSTANCE = new ScanRule();

    private ScanRule() {
        super(operand(BindableTableScan.class, none()), "ImageBuilderScan");
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        BindableTableScan scan = call.rel(0);
        ImageBuilderTable<?> table = scan.getTable().unwrap(ImageBuilderTable.class);
        if (table == null) {
            return;
        }
        List<RexNode> applied = new ArrayList<>();
        List<RexNode> remaining = new ArrayList<>();
        for (RexNode element : scan.filters) {
            (PointFilters.exactlyApplicable(element, null, table.exactColumns()) ? applied : remaining).add(element);
        }
        List<Integer> columns = new ArrayList<>(scan.projects);
        for (int field : RelOptUtil.InputFinder.bits(remaining, null)) {
            if (!columns.contains(field)) {
                columns.add(field);
            }
        }
        RelBuilder rel = call.builder()
                .push(new ImageBuilderScan(scan.getCluster(), scan.getTable(), scan.filters, applied, columns));
        if (!remaining.isEmpty()) {
            rel.filter(onScannedRow(columns).apply(remaining));
        }
        if (columns.size() > scan.projects.size()) {
            rel.project(rel.fields().subList(0, scan.projects.size()));
        }
        call.transformTo(rel.build());
    }

    /** Renumbers a filter on the table's row to the scan's row, which has the given columns. */
    static RexShuttle onScannedRow(List<Integer> columns) {
        return new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(columns.indexOf(ref.getIndex()), ref.getType());
            }
        };
    }

    /** Renumbers a filter on the scan's row, which has the given columns, to the table's row. */
    static RexShuttle onTableRow(List<Integer> columns) {
        return new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(columns.get(ref.getIndex()), ref.getType());
            }
        };
    }
}
