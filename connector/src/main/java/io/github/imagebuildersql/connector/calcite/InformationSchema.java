package io.github.imagebuildersql.connector.calcite;

import io.github.imagebuildersql.core.table.Column;
import io.github.imagebuildersql.core.table.TableDefinition;
import io.github.imagebuildersql.core.table.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Schema {@code information_schema}: the tables of schema {@code aws} and their columns, in the standard's
 * lower-case names (as PostgreSQL and Trino answer {@code select * from information_schema.columns where
 * table_name = ...}), with each one's description. Served from the table definitions: no AWS call.
 */
public final class InformationSchema extends AbstractSchema {
    public static final String NAME = "information_schema";

    @Override
    protected Map<String, Table> getTableMap() {
        return Map.of("tables", new Listing(List.of("table_schema", "table_name", "table_type", "description"),
                        types -> tableRows()),
                "columns", new Listing(List.of("table_schema", "table_name", "column_name", "ordinal_position",
                        "data_type", "is_nullable", "description"), InformationSchema::columnRows));
    }

    private static List<Object[]> tableRows() {
        List<Object[]> rows = new ArrayList<>();
        for (TableDefinition<?> t : Tables.all()) {
            rows.add(new Object[] {ImageBuilderSchema.NAME, t.name(), "BASE TABLE", t.description()});
        }
        return rows;
    }

    private static List<Object[]> columnRows(RelDataTypeFactory types) {
        List<Object[]> rows = new ArrayList<>();
        for (TableDefinition<?> t : Tables.all()) {
            int position = 0;
            for (Column<?> c : t.columns()) {
                rows.add(new Object[] {ImageBuilderSchema.NAME, t.name(), c.name(), ++position,
                        ImageBuilderTable.sqlType(c, types).getSqlTypeName().getName(), "YES", c.description()});
            }
        }
        return rows;
    }

    /**
     * One of the schema's tables: VARCHAR columns, but for {@code ordinal_position}. A system table to JDBC
     * metadata, as Calcite's own {@code metadata} schema's are: BI tools file it apart from the inventory, and
     * what lists the type TABLE (sync, a tool's table picker) finds only schema {@code aws}.
     */
    private static final class Listing extends AbstractTable implements ScannableTable {
        private final List<String> columns;
        private final Function<RelDataTypeFactory, List<Object[]>> rows;

        Listing(List<String> columns, Function<RelDataTypeFactory, List<Object[]>> rows) {
            this.columns = columns;
            this.rows = rows;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory types) {
            RelDataTypeFactory.Builder row = types.builder();
            for (String c : columns) {
                row.add(c, types.createSqlType(c.equals("ordinal_position") ? SqlTypeName.INTEGER : SqlTypeName.VARCHAR));
            }
            return row.build();
        }

        @Override
        public Schema.TableType getJdbcTableType() {
            return Schema.TableType.SYSTEM_TABLE;
        }

        @Override
        public Enumerable<Object[]> scan(DataContext root) {
            return Linq4j.asEnumerable(rows.apply(root.getTypeFactory()));
        }
    }
}
