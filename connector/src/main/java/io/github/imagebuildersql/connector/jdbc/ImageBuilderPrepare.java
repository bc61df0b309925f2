package io.github.imagebuildersql.connector.jdbc;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.CalcitePrepare;
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
 * ImageBuilderTable.scan). Other Calcite users in the same JVM are not affected: the setting is the
 * preparing thread's.
 */
final class ImageBuilderPrepare extends CalcitePrepareImpl {
    static final int IN_LIST_LIMIT = Integer.MAX_VALUE;

    /**
     * Plans end in Calcite's interpreter (the Bindable convention) where they can, instead of Java
     * source compiled by Janino for every new statement: in a fresh process Janino itself runs cold, and
     * compiling the first query cost more than a second of CPU (BENCHMARKS.md, case 6). The interpreter
     * covers scans, filters, projections, aggregates, joins, sorts and values; anything else still runs
     * as generated code beneath it. The base class reads the setting once, while it is constructed.
     */
    ImageBuilderPrepare() {
        this(Hook.ENABLE_BINDABLE.addThread(Hook.propertyJ(true)));
    }

    private ImageBuilderPrepare(Hook.Closeable interpreter) {
        super();
        interpreter.close();
    }

    /**
     * The planner asks its metadata (row counts, costs, column uniqueness) through handlers that Calcite
     * by default generates as Java source and compiles with Janino, once per process: about a second of CPU
     * before the first query of every command-line run. Plans here are a few nodes, so dispatching through
     * proxies, which needs no compiler, costs nothing measurable.
     */
    private static final MetadataHandlerProvider METADATA =
            new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);

    @Override
    protected RelOptCluster createCluster(RelOptPlanner planner, RexBuilder rexBuilder) {
        RelOptCluster cluster = super.createCluster(planner, rexBuilder);
        cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(METADATA));
        return cluster;
    }

    @Override
    @SuppressWarnings("try") // the resource is the thread-local setting itself
    public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
            long maxRowCount) {
        try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(IN_LIST_LIMIT)) {
            return super.prepareSql(context, query, elementType, maxRowCount);
        }
    }
}
