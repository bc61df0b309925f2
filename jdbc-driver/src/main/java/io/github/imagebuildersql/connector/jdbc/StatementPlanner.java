package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ParentJoinRule;
import io.github.imagebuildersql.connector.calcite.ScanPushdownRules;
import io.github.imagebuildersql.connector.calcite.ScanRule;
import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableRules;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.util.TryThreadLocal;

/**
 * Calcite turns an IN list of 20 or more values into a join against VALUES, which pushes nothing to a
 * table: {@code arn IN (...)} with 25 ARNs would list every partition, and a join against 10,000 VALUES
 * rows is more generated code than Java can compile. For our own statements every IN list stays a
 * SEARCH, which the scan reads and, when it is all there is to a filter element, applies itself (see
 * ScanRule). Other Calcite users in the same JVM are not affected: the setting is the
 * preparing thread's. The same holds for {@link TagsText}'s rewrite of {@code CAST(tags AS VARCHAR)}.
 */
final class StatementPlanner extends CalcitePrepareImpl {
    static final int IN_LIST_LIMIT = Integer.MAX_VALUE;

    /**
     * The planner asks its metadata (row counts, costs, column uniqueness) through handlers that Calcite
     * by default generates as Java source and compiles with Janino, once per process: most of a second of CPU
     * before the first query of every command-line run. Plans here are a few nodes, so dispatching through
     * proxies, which needs no compiler, costs nothing measurable. (Calcite's interpreter, the Bindable
     * convention, would also spare the generated code of the plan itself, but its scans do not stop when
     * their consumer does: LIMIT, cancel and query timeouts left scans running in StreamingTest.)
     */
    private static final MetadataHandlerProvider METADATA =
            new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

    @Override
    protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
        RelOptCluster cluster = super.createCluster(planner, rexBuilder);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
        return cluster;
    }

    /**
     * Scans of our tables run as generated code ({@link ScanRule}), never in Calcite's interpreter, whose
     * plans hold objects of the process that planned them.
     */
    @Override
    protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext, org.apache.calcite.plan.Context externalContext,
            RelOptCostFactory costFactory) {
        RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
        planner.removeRule(EnumerableRules.TO_INTERPRETER);
        planner.addRule(ScanRule.INSTANCE);
        planner.addRule(ScanPushdownRules.FILTER);
        planner.addRule(ScanPushdownRules.PROJECT);
        planner.addRule(ParentJoinRule.INSTANCE);
        return planner;
    }

    @Override
    @SuppressWarnings("try") // the resources are the thread-local settings themselves
    public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
            long maxRowCount) {
        try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(IN_LIST_LIMIT);
                Hook.Closeable casts = TagsText.rewriteCasts()) {
            return super.prepareSql(context, query, elementType, maxRowCount);
        }
    }
}
