package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlNode;

/**
 * How our connections prepare statements: from the plan cache (property planCache) when an earlier process
 * kept the statement's compiled plan, otherwise by Calcite ({@link StatementPlanner}), keeping the plan when
 * it can. The planner is made only when a statement needs one: loading it initialises Calcite's rules, about
 * 100 ms of a new JVM that a statement read from the cache does without.
 */
final class ImageBuilderPrepare implements CalcitePrepare {
    private StatementPlanner planner;

    private StatementPlanner planner() {
        if (planner == null) {
            planner = new StatementPlanner();
        }
        return planner;
    }

    @Override
    public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
        PlanCache cache = query.sql == null ? null : planCache(context);
        if (cache == null) {
            return planner().prepareSql(context, query, elementType, maxRowCount);
        }
        CalciteSignature<T> kept = cache.find(context, query.sql, elementType, maxRowCount);
        if (kept != null) {
            return kept;
        }
        List<String> planCode = new ArrayList<>();
        try (Hook.Closeable code = Hook.JAVA_PLAN.addThread((Consumer<String>) planCode::add)) {
            CalciteSignature<T> signature = planner().prepareSql(context, query, elementType, maxRowCount);
            if (planCode.size() == 1) {
                cache.store(query.sql, elementType, planCode.get(0), signature);
            }
            return signature;
        }
    }

    /** The connection's plan cache, or null when it keeps none. */
    private static PlanCache planCache(Context context) {
        CalciteSchema aws = context.getRootSchema().getSubSchema(ImageBuilderSchema.NAME, true);
        Path dir = aws != null && aws.schema instanceof ImageBuilderSchema ours ? ours.config().planCache() : null;
        return dir == null ? null : new PlanCache(dir);
    }

    @Override
    public ParseResult parse(Context context, String sql) {
        return planner().parse(context, sql);
    }

    @Override
    public ConvertResult convert(Context context, String sql) {
        return planner().convert(context, sql);
    }

    @Override
    public void executeDdl(Context context, SqlNode node) {
        planner().executeDdl(context, node);
    }

    @Override
    public AnalyzeViewResult analyzeView(Context context, String sql, boolean fail) {
        return planner().analyzeView(context, sql, fail);
    }

    @Override
    public <T> CalciteSignature<T> prepareQueryable(Context context, Queryable<T> queryable) {
        return planner().prepareQueryable(context, queryable);
    }
}
