package io.github.imagebuildersql.connector.jdbc;

import java.lang.reflect.Type;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

/**
 * Calcite turns an IN list of 20 or more values into a join against VALUES, which pushes nothing to a
 * table: {@code arn IN (...)} with 25 ARNs would list every partition. Raising the threshold for our
 * own statements keeps every IN list a SEARCH the scan planner can read; other Calcite users in the same
 * JVM are not affected, the setting being the preparing thread's.
 */
final class ImageBuilderPrepare extends CalcitePrepareImpl {

    @Override
    public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
            long maxRowCount) {
        try (TryThreadLocal.Memo ignored = Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
            return super.prepareSql(context, query, elementType, maxRowCount);
        }
    }
}
