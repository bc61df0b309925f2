package io.github.imagebuildersql.connector.jdbc;

import io.github.imagebuildersql.connector.calcite.ImageBuilderTable;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/**
 * REMARKS for getTables and getColumns, from the table definitions, so that DBeaver, DataGrip and
 * Tableau show what each table and column means; and column types as tools expect them (JdbcTypes).
 * Avatica builds these metadata rows from the public fields of the objects below, by name; each
 * declares its own {@code remarks}, which Avatica's classes leave null.
 */
public final class TableRemarks {
    private TableRemarks() {}

    static String ofTable(Table table) {
        return table instanceof ImageBuilderTable<?> t ? t.definition().description() : null;
    }

    static String ofColumn(Table table, String column) {
        if (table instanceof ImageBuilderTable<?> t) {
            return t.definition().columns().stream().filter(c -> c.name().equals(column)).findFirst()
                    .map(c -> c.description()).orElse(null);
        }
        return null;
    }

    /** A table row of getTables, with remarks. */
    public static final class RemarkedTable extends CalciteMetaImpl.CalciteMetaTable {
        @SuppressWarnings("HidingField")
        public final String remarks;

        RemarkedTable(Table table, String catalog, String schema, String name) {
            super(table, catalog, schema, name);
            this.remarks = ofTable(table);
        }
    }

    /** A column row of getColumns, with remarks. */
    public static final class RemarkedColumn extends MetaImpl.MetaColumn {
        @SuppressWarnings("HidingField")
        public final String remarks;

        RemarkedColumn(String catalog, String schema, String table, String column, int dataType, String typeName,
                Integer columnSize, Integer decimalDigits, int numPrecRadix, int nullable, Integer charOctetLength,
                int ordinalPosition, String isNullable, String remarks) {
            super(catalog, schema, table, column, dataType, typeName, columnSize, decimalDigits, numPrecRadix,
                    nullable, charOctetLength, ordinalPosition, isNullable);
            this.remarks = remarks;
        }
    }

    /** Named by the {@code metaTableFactory} connection property. */
    public static final class TableFactory implements CalciteMetaTableFactory {
        public static final TableFactory INSTANCE = new TableFactory();

        @Override
        public MetaImpl.MetaTable createTable(Table table, String catalog, String schema, String name) {
            return new RemarkedTable(table, catalog, schema, name);
        }

        @Override
        public Class<? extends MetaImpl.MetaTable> getMetaTableClass() {
            return RemarkedTable.class;
        }
    }

    /** Named by the {@code metaColumnFactory} connection property. */
    public static final class ColumnFactory implements CalciteMetaColumnFactory {
        public static final ColumnFactory INSTANCE = new ColumnFactory();

        @Override
        public MetaImpl.MetaColumn createColumn(Table table, String catalog, String schema, String tableName,
                String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits,
                int numPrecRadix, int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
            Integer size = JdbcTypes.size(dataType, typeName, columnSize);
            boolean text = JdbcTypes.type(dataType, typeName) == java.sql.Types.VARCHAR;
            return new RemarkedColumn(catalog, schema, tableName, columnName, JdbcTypes.type(dataType, typeName),
                    JdbcTypes.name(dataType, typeName), size, JdbcTypes.digits(dataType, decimalDigits), numPrecRadix,
                    nullable,
                    text ? size : charOctetLength, ordinalPosition, isNullable, ofColumn(table, columnName));
        }

        @Override
        public Class<? extends MetaImpl.MetaColumn> getMetaColumnClass() {
            return RemarkedColumn.class;
        }
    }
}
