package io.github.imagebuildersql.connector.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Every method of Calcite's result set metadata, forwarded through {@link Forwarding#call}; the JDBC layer's
 * result set metadata extends it and changes what the layer changes (see {@link JdbcLayer}). Written out
 * rather than a dynamic proxy (see {@link Forwarding}).
 */
class ForwardingResultSetMetaData extends Forwarding implements ResultSetMetaData {
    final ResultSetMetaData target;

    ForwardingResultSetMetaData(ResultSetMetaData target) {
        super("ResultSetMetaData", target);
        this.target = target;
    }

    @Override
    public int getColumnCount() throws SQLException {
        return call(() -> target.getColumnCount());
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return call(() -> target.isAutoIncrement(column));
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return call(() -> target.isCaseSensitive(column));
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        return call(() -> target.isSearchable(column));
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return call(() -> target.isCurrency(column));
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return call(() -> target.isNullable(column));
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return call(() -> target.isSigned(column));
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return call(() -> target.getColumnDisplaySize(column));
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return call(() -> target.getColumnLabel(column));
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return call(() -> target.getColumnName(column));
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return call(() -> target.getSchemaName(column));
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return call(() -> target.getPrecision(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        return call(() -> target.getScale(column));
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return call(() -> target.getTableName(column));
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return call(() -> target.getCatalogName(column));
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return call(() -> target.getColumnType(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return call(() -> target.getColumnTypeName(column));
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return call(() -> target.isReadOnly(column));
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return call(() -> target.isWritable(column));
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return call(() -> target.isDefinitelyWritable(column));
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return call(() -> target.getColumnClassName(column));
    }
}
