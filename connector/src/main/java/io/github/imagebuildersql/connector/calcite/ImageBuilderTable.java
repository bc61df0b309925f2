package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.scan.Inventory;
import io.github.imagebuildersql.core.scan.ScanExecution;
import io.github.imagebuildersql.core.scan.ScanListener;
import io.github.imagebuildersql.core.scan.ScanPlan;
import io.github.imagebuildersql.core.scan.ScanRequest;
import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.ColumnType;
import io.github.imagebuildersql.core.table.TableDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Executes any {@link TableDefinition}. Filters are read for pushdown, which narrows what is listed; the
 * only filters Calcite does not re-check are those the scan applies to every row itself, exactly.
 */
public final class ImageBuilderTable<T> extends AbstractTable implements TranslatableTable {
    private final Supplier<TableDefinition<T>> defined;
    private final ImageBuilderSchema schema;

    /**
     * The definition is loaded when the table is first used, not when it is made: Calcite makes every table
     * of a schema to look one of them up.
     */
    ImageBuilderTable(Supplier<TableDefinition<T>> defined, ImageBuilderSchema schema) {
        this.defined = defined;
        this.schema = schema;
    }

    public TableDefinition<T> definition() {
        return defined.get();
    }

    /** Every table's key column. */
    public static final String KEY = "_key";

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
        RelDataTypeFactory.Builder row = types.builder();
        for (Column<T> c : definition().columns()) {
            // the row's key (its ARN) is never null: tools read it as the primary key
            row.add(c.name(), types.createTypeWithNullability(sqlType(c, types), !c.name().equals(KEY)));
        }
        return row.build();
    }

    /** A column's SQL type. */
    static RelDataType sqlType(Column<?> c, RelDataTypeFactory types) {
        return switch (c.type()) {
            case VARCHAR, JSON -> types.createSqlType(SqlTypeName.VARCHAR);
            case BOOLEAN -> types.createSqlType(SqlTypeName.BOOLEAN);
            case INTEGER -> types.createSqlType(SqlTypeName.INTEGER);
            case DOUBLE -> types.createSqlType(SqlTypeName.DOUBLE);
            case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case TAGS -> types.createMapType(
                    types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), false),
                    types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true));
        };
    }

    /** The columns whose filters the scan can apply exactly (see {@link ScanRequest#enforceable}). */
    public IntPredicate exactColumns() {
        return i -> ScanRequest.enforceable(definition().columns().get(i));
    }

    /** Every plan reads the table through our scan, whichever driver plans it (ours, or Calcite's with a model file). */
    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new ImageBuilderScan(context.getCluster(), relOptTable, List.of(), List.of(),
                ImmutableIntList.identity(definition().columns().size()));
    }

    /**
     * Rows of the given columns. {@code where} narrows what is listed (and is re-checked by Calcite);
     * {@code applied} holds the filters the scan applies to every row itself, which Calcite does not check;
     * {@code correlated} the values of the correlated fields {@code where} names, or null when it names none.
     */
    public Enumerable<Object[]> scan(DataContext root, int[] columns, PointFilters where, PointFilters applied,
            Object[] correlated) {
        List<String> names = IntStream.of(columns).mapToObj(i -> definition().columns().get(i).name()).toList();
        ScanRequest request = ScanRequest.of(names)
                .where(schema.pushdownEnabled() ? byName(where.resolve(root, correlated)) : Map.of())
                .enforcing(byName(applied.resolve(root, null)));
        AtomicBoolean cancelled = DataContext.Variable.CANCEL_FLAG.get(root);
        Long timeout = DataContext.Variable.TIMEOUT.get(root);
        // The listener is taken here, on the statement's own thread, before any worker starts.
        ScanListener listener = ScanListener.current();
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                Inventory inventory = schema.inventory();
                ScanPlan plan = inventory.plan(definition(), request);
                return new Rows(inventory.execute(definition(), plan, request, listener,
                        cancelled == null ? null : cancelled::get, timeout == null ? 0 : timeout), timestamps(columns));
            }
        };
    }

    private Map<String, Set<String>> byName(Map<Integer, Set<String>> byIndex) {
        Map<String, Set<String>> named = new LinkedHashMap<>();
        byIndex.forEach((i, values) -> named.put(definition().columns().get(i).name(), values));
        return named;
    }

    /** Which of the row's positions hold a TIMESTAMP. */
    private boolean[] timestamps(int[] columns) {
        boolean[] timestamp = new boolean[columns.length];
        for (int i = 0; i < columns.length; i++) {
            timestamp[i] = definition().columns().get(columns[i]).type() == ColumnType.TIMESTAMP;
        }
        return timestamp;
    }

    /** A scan's rows in Calcite's representation: a TIMESTAMP is its milliseconds since the epoch. */
    private static final class Rows implements Enumerator<Object[]> {
        private final ScanExecution<?> scan;
        private final boolean[] timestamp;
        private Object[] current;

        Rows(ScanExecution<?> scan, boolean[] timestamp) {
            this.scan = scan;
            this.timestamp = timestamp;
        }

        @Override
        public boolean moveNext() {
            if (!scan.hasNext()) {
                return false;
            }
            Object[] row = scan.next();
            for (int i = 0; i < row.length; i++) {
                if (timestamp[i] && row[i] instanceof Instant instant) {
                    row[i] = instant.toEpochMilli();
                }
            }
            current = row;
            return true;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("a scan cannot be restarted; run the query again");
        }

        @Override
        public void close() {
            scan.close();
        }
    }
}
