package io.github.imagebuildersql.connector.calcite;

import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;

/**
 * What one {@link ImageBuilderScan} reads, as plain values: the table's qualified name, the table's columns
 * that make the scan's row, the filters that narrow what is listed ({@code where}) and those the scan
 * applies to every row itself ({@code applied}). A plan's generated code holds it as one of the plan's
 * parameters and asks it for rows on the connection that runs the plan.
 */
public record ScanSpec(List<String> table, List<Integer> columns, PointFilters where, PointFilters applied) {
    public ScanSpec {
        table = List.copyOf(table);
        columns = List.copyOf(columns);
    }

    /** What the generated code of a plan calls: this scan's rows on the connection of {@code root}. */
    public Enumerable<Object[]> rows(DataContext root) {
        return rows(root, null);
    }

    /**
     * The same, in a plan whose filters name correlated fields (the right side of a batched nested-loop join, see
     * ParentJoinRule): {@code correlated} are their values for this run, in the order of
     * {@link PointFilters#correlations}.
     */
    public Enumerable<Object[]> rows(DataContext root, Object[] correlated) {
        SchemaPlus schema = root.getRootSchema();
        for (int i = 0; i < table.size() - 1 && schema != null; i++) {
            schema = schema.subSchemas().get(table.get(i));
        }
        Table found = schema == null ? null : schema.tables().get(table.get(table.size() - 1));
        if (!(found instanceof ImageBuilderTable<?> ours)) {
            throw new IllegalStateException("the plan's table " + String.join(".", table)
                    + " is not an Image Builder table of this connection");
        }
        return ours.scan(root, columns.stream().mapToInt(Integer::intValue).toArray(), where, applied, correlated);
    }
}
