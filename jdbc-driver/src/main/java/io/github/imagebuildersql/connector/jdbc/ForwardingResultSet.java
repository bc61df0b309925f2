package io.github.imagebuildersql.connector.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * Every method of Calcite's result set, forwarded through {@link Forwarding#call}; the JDBC layer's
 * result set extends it and changes what the layer changes (see {@link JdbcLayer}). Written out
 * rather than a dynamic proxy (see {@link Forwarding}).
 */
class ForwardingResultSet extends Forwarding implements ResultSet {
    final ResultSet target;

    ForwardingResultSet(ResultSet target) {
        super("ResultSet", target);
        this.target = target;
    }

    @Override
    public boolean next() throws SQLException {
        return call(() -> target.next());
    }

    @Override
    public void close() throws SQLException {
        run(() -> target.close());
    }

    @Override
    public boolean wasNull() throws SQLException {
        return call(() -> target.wasNull());
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return call(() -> target.getString(columnIndex));
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return call(() -> target.getBoolean(columnIndex));
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return call(() -> target.getByte(columnIndex));
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return call(() -> target.getShort(columnIndex));
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return call(() -> target.getInt(columnIndex));
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        return call(() -> target.getLong(columnIndex));
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return call(() -> target.getFloat(columnIndex));
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        return call(() -> target.getDouble(columnIndex));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        return call(() -> target.getBigDecimal(columnIndex, scale));
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        return call(() -> target.getBytes(columnIndex));
    }

    @Override
    public java.sql.Date getDate(int columnIndex) throws SQLException {
        return call(() -> target.getDate(columnIndex));
    }

    @Override
    public java.sql.Time getTime(int columnIndex) throws SQLException {
        return call(() -> target.getTime(columnIndex));
    }

    @Override
    public java.sql.Timestamp getTimestamp(int columnIndex) throws SQLException {
        return call(() -> target.getTimestamp(columnIndex));
    }

    @Override
    public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
        return call(() -> target.getAsciiStream(columnIndex));
    }

    @Override
    public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
        return call(() -> target.getUnicodeStream(columnIndex));
    }

    @Override
    public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
        return call(() -> target.getBinaryStream(columnIndex));
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return call(() -> target.getString(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return call(() -> target.getBoolean(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return call(() -> target.getByte(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return call(() -> target.getShort(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return call(() -> target.getInt(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return call(() -> target.getLong(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return call(() -> target.getFloat(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return call(() -> target.getDouble(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return call(() -> target.getBigDecimal(columnLabel, scale));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return call(() -> target.getBytes(columnLabel));
    }

    @Override
    public java.sql.Date getDate(String columnLabel) throws SQLException {
        return call(() -> target.getDate(columnLabel));
    }

    @Override
    public java.sql.Time getTime(String columnLabel) throws SQLException {
        return call(() -> target.getTime(columnLabel));
    }

    @Override
    public java.sql.Timestamp getTimestamp(String columnLabel) throws SQLException {
        return call(() -> target.getTimestamp(columnLabel));
    }

    @Override
    public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
        return call(() -> target.getAsciiStream(columnLabel));
    }

    @Override
    public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
        return call(() -> target.getUnicodeStream(columnLabel));
    }

    @Override
    public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
        return call(() -> target.getBinaryStream(columnLabel));
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return call(() -> target.getWarnings());
    }

    @Override
    public void clearWarnings() throws SQLException {
        run(() -> target.clearWarnings());
    }

    @Override
    public String getCursorName() throws SQLException {
        return call(() -> target.getCursorName());
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return call(() -> target.getMetaData());
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return call(() -> target.getObject(columnIndex));
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return call(() -> target.getObject(columnLabel));
    }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        return call(() -> target.findColumn(columnLabel));
    }

    @Override
    public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
        return call(() -> target.getCharacterStream(columnIndex));
    }

    @Override
    public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
        return call(() -> target.getCharacterStream(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return call(() -> target.getBigDecimal(columnIndex));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return call(() -> target.getBigDecimal(columnLabel));
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return call(() -> target.isBeforeFirst());
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        return call(() -> target.isAfterLast());
    }

    @Override
    public boolean isFirst() throws SQLException {
        return call(() -> target.isFirst());
    }

    @Override
    public boolean isLast() throws SQLException {
        return call(() -> target.isLast());
    }

    @Override
    public void beforeFirst() throws SQLException {
        run(() -> target.beforeFirst());
    }

    @Override
    public void afterLast() throws SQLException {
        run(() -> target.afterLast());
    }

    @Override
    public boolean first() throws SQLException {
        return call(() -> target.first());
    }

    @Override
    public boolean last() throws SQLException {
        return call(() -> target.last());
    }

    @Override
    public int getRow() throws SQLException {
        return call(() -> target.getRow());
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        return call(() -> target.absolute(row));
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        return call(() -> target.relative(rows));
    }

    @Override
    public boolean previous() throws SQLException {
        return call(() -> target.previous());
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        run(() -> target.setFetchDirection(direction));
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return call(() -> target.getFetchDirection());
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        run(() -> target.setFetchSize(rows));
    }

    @Override
    public int getFetchSize() throws SQLException {
        return call(() -> target.getFetchSize());
    }

    @Override
    public int getType() throws SQLException {
        return call(() -> target.getType());
    }

    @Override
    public int getConcurrency() throws SQLException {
        return call(() -> target.getConcurrency());
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        return call(() -> target.rowUpdated());
    }

    @Override
    public boolean rowInserted() throws SQLException {
        return call(() -> target.rowInserted());
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        return call(() -> target.rowDeleted());
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        run(() -> target.updateNull(columnIndex));
    }

    @Override
    public void updateBoolean(int columnIndex, boolean x) throws SQLException {
        run(() -> target.updateBoolean(columnIndex, x));
    }

    @Override
    public void updateByte(int columnIndex, byte x) throws SQLException {
        run(() -> target.updateByte(columnIndex, x));
    }

    @Override
    public void updateShort(int columnIndex, short x) throws SQLException {
        run(() -> target.updateShort(columnIndex, x));
    }

    @Override
    public void updateInt(int columnIndex, int x) throws SQLException {
        run(() -> target.updateInt(columnIndex, x));
    }

    @Override
    public void updateLong(int columnIndex, long x) throws SQLException {
        run(() -> target.updateLong(columnIndex, x));
    }

    @Override
    public void updateFloat(int columnIndex, float x) throws SQLException {
        run(() -> target.updateFloat(columnIndex, x));
    }

    @Override
    public void updateDouble(int columnIndex, double x) throws SQLException {
        run(() -> target.updateDouble(columnIndex, x));
    }

    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal x) throws SQLException {
        run(() -> target.updateBigDecimal(columnIndex, x));
    }

    @Override
    public void updateString(int columnIndex, String x) throws SQLException {
        run(() -> target.updateString(columnIndex, x));
    }

    @Override
    public void updateBytes(int columnIndex, byte[] x) throws SQLException {
        run(() -> target.updateBytes(columnIndex, x));
    }

    @Override
    public void updateDate(int columnIndex, java.sql.Date x) throws SQLException {
        run(() -> target.updateDate(columnIndex, x));
    }

    @Override
    public void updateTime(int columnIndex, java.sql.Time x) throws SQLException {
        run(() -> target.updateTime(columnIndex, x));
    }

    @Override
    public void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws SQLException {
        run(() -> target.updateTimestamp(columnIndex, x));
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
        run(() -> target.updateAsciiStream(columnIndex, x, length));
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream x, int length) throws SQLException {
        run(() -> target.updateBinaryStream(columnIndex, x, length));
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader x, int length) throws SQLException {
        run(() -> target.updateCharacterStream(columnIndex, x, length));
    }

    @Override
    public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException {
        run(() -> target.updateObject(columnIndex, x, scaleOrLength));
    }

    @Override
    public void updateObject(int columnIndex, Object x) throws SQLException {
        run(() -> target.updateObject(columnIndex, x));
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        run(() -> target.updateNull(columnLabel));
    }

    @Override
    public void updateBoolean(String columnLabel, boolean x) throws SQLException {
        run(() -> target.updateBoolean(columnLabel, x));
    }

    @Override
    public void updateByte(String columnLabel, byte x) throws SQLException {
        run(() -> target.updateByte(columnLabel, x));
    }

    @Override
    public void updateShort(String columnLabel, short x) throws SQLException {
        run(() -> target.updateShort(columnLabel, x));
    }

    @Override
    public void updateInt(String columnLabel, int x) throws SQLException {
        run(() -> target.updateInt(columnLabel, x));
    }

    @Override
    public void updateLong(String columnLabel, long x) throws SQLException {
        run(() -> target.updateLong(columnLabel, x));
    }

    @Override
    public void updateFloat(String columnLabel, float x) throws SQLException {
        run(() -> target.updateFloat(columnLabel, x));
    }

    @Override
    public void updateDouble(String columnLabel, double x) throws SQLException {
        run(() -> target.updateDouble(columnLabel, x));
    }

    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal x) throws SQLException {
        run(() -> target.updateBigDecimal(columnLabel, x));
    }

    @Override
    public void updateString(String columnLabel, String x) throws SQLException {
        run(() -> target.updateString(columnLabel, x));
    }

    @Override
    public void updateBytes(String columnLabel, byte[] x) throws SQLException {
        run(() -> target.updateBytes(columnLabel, x));
    }

    @Override
    public void updateDate(String columnLabel, java.sql.Date x) throws SQLException {
        run(() -> target.updateDate(columnLabel, x));
    }

    @Override
    public void updateTime(String columnLabel, java.sql.Time x) throws SQLException {
        run(() -> target.updateTime(columnLabel, x));
    }

    @Override
    public void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws SQLException {
        run(() -> target.updateTimestamp(columnLabel, x));
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
        run(() -> target.updateAsciiStream(columnLabel, x, length));
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream x, int length) throws SQLException {
        run(() -> target.updateBinaryStream(columnLabel, x, length));
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader, int length) throws SQLException {
        run(() -> target.updateCharacterStream(columnLabel, reader, length));
    }

    @Override
    public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException {
        run(() -> target.updateObject(columnLabel, x, scaleOrLength));
    }

    @Override
    public void updateObject(String columnLabel, Object x) throws SQLException {
        run(() -> target.updateObject(columnLabel, x));
    }

    @Override
    public void insertRow() throws SQLException {
        run(() -> target.insertRow());
    }

    @Override
    public void updateRow() throws SQLException {
        run(() -> target.updateRow());
    }

    @Override
    public void deleteRow() throws SQLException {
        run(() -> target.deleteRow());
    }

    @Override
    public void refreshRow() throws SQLException {
        run(() -> target.refreshRow());
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        run(() -> target.cancelRowUpdates());
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        run(() -> target.moveToInsertRow());
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        run(() -> target.moveToCurrentRow());
    }

    @Override
    public Statement getStatement() throws SQLException {
        return call(() -> target.getStatement());
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return call(() -> target.getObject(columnIndex, map));
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        return call(() -> target.getRef(columnIndex));
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        return call(() -> target.getBlob(columnIndex));
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        return call(() -> target.getClob(columnIndex));
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        return call(() -> target.getArray(columnIndex));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return call(() -> target.getObject(columnLabel, map));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        return call(() -> target.getRef(columnLabel));
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        return call(() -> target.getBlob(columnLabel));
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        return call(() -> target.getClob(columnLabel));
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        return call(() -> target.getArray(columnLabel));
    }

    @Override
    public java.sql.Date getDate(int columnIndex, Calendar cal) throws SQLException {
        return call(() -> target.getDate(columnIndex, cal));
    }

    @Override
    public java.sql.Date getDate(String columnLabel, Calendar cal) throws SQLException {
        return call(() -> target.getDate(columnLabel, cal));
    }

    @Override
    public java.sql.Time getTime(int columnIndex, Calendar cal) throws SQLException {
        return call(() -> target.getTime(columnIndex, cal));
    }

    @Override
    public java.sql.Time getTime(String columnLabel, Calendar cal) throws SQLException {
        return call(() -> target.getTime(columnLabel, cal));
    }

    @Override
    public java.sql.Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        return call(() -> target.getTimestamp(columnIndex, cal));
    }

    @Override
    public java.sql.Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        return call(() -> target.getTimestamp(columnLabel, cal));
    }

    @Override
    public java.net.URL getURL(int columnIndex) throws SQLException {
        return call(() -> target.getURL(columnIndex));
    }

    @Override
    public java.net.URL getURL(String columnLabel) throws SQLException {
        return call(() -> target.getURL(columnLabel));
    }

    @Override
    public void updateRef(int columnIndex, java.sql.Ref x) throws SQLException {
        run(() -> target.updateRef(columnIndex, x));
    }

    @Override
    public void updateRef(String columnLabel, java.sql.Ref x) throws SQLException {
        run(() -> target.updateRef(columnLabel, x));
    }

    @Override
    public void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException {
        run(() -> target.updateBlob(columnIndex, x));
    }

    @Override
    public void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException {
        run(() -> target.updateBlob(columnLabel, x));
    }

    @Override
    public void updateClob(int columnIndex, java.sql.Clob x) throws SQLException {
        run(() -> target.updateClob(columnIndex, x));
    }

    @Override
    public void updateClob(String columnLabel, java.sql.Clob x) throws SQLException {
        run(() -> target.updateClob(columnLabel, x));
    }

    @Override
    public void updateArray(int columnIndex, java.sql.Array x) throws SQLException {
        run(() -> target.updateArray(columnIndex, x));
    }

    @Override
    public void updateArray(String columnLabel, java.sql.Array x) throws SQLException {
        run(() -> target.updateArray(columnLabel, x));
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        return call(() -> target.getRowId(columnIndex));
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        return call(() -> target.getRowId(columnLabel));
    }

    @Override
    public void updateRowId(int columnIndex, RowId x) throws SQLException {
        run(() -> target.updateRowId(columnIndex, x));
    }

    @Override
    public void updateRowId(String columnLabel, RowId x) throws SQLException {
        run(() -> target.updateRowId(columnLabel, x));
    }

    @Override
    public int getHoldability() throws SQLException {
        return call(() -> target.getHoldability());
    }

    @Override
    public boolean isClosed() throws SQLException {
        return call(() -> target.isClosed());
    }

    @Override
    public void updateNString(int columnIndex, String nString) throws SQLException {
        run(() -> target.updateNString(columnIndex, nString));
    }

    @Override
    public void updateNString(String columnLabel, String nString) throws SQLException {
        run(() -> target.updateNString(columnLabel, nString));
    }

    @Override
    public void updateNClob(int columnIndex, NClob nClob) throws SQLException {
        run(() -> target.updateNClob(columnIndex, nClob));
    }

    @Override
    public void updateNClob(String columnLabel, NClob nClob) throws SQLException {
        run(() -> target.updateNClob(columnLabel, nClob));
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        return call(() -> target.getNClob(columnIndex));
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        return call(() -> target.getNClob(columnLabel));
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        return call(() -> target.getSQLXML(columnIndex));
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        return call(() -> target.getSQLXML(columnLabel));
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML xmlObject) throws SQLException {
        run(() -> target.updateSQLXML(columnIndex, xmlObject));
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML xmlObject) throws SQLException {
        run(() -> target.updateSQLXML(columnLabel, xmlObject));
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return call(() -> target.getNString(columnIndex));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return call(() -> target.getNString(columnLabel));
    }

    @Override
    public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
        return call(() -> target.getNCharacterStream(columnIndex));
    }

    @Override
    public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
        return call(() -> target.getNCharacterStream(columnLabel));
    }

    @Override
    public void updateNCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
        run(() -> target.updateNCharacterStream(columnIndex, x, length));
    }

    @Override
    public void updateNCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        run(() -> target.updateNCharacterStream(columnLabel, reader, length));
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
        run(() -> target.updateAsciiStream(columnIndex, x, length));
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream x, long length) throws SQLException {
        run(() -> target.updateBinaryStream(columnIndex, x, length));
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException {
        run(() -> target.updateCharacterStream(columnIndex, x, length));
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
        run(() -> target.updateAsciiStream(columnLabel, x, length));
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream x, long length) throws SQLException {
        run(() -> target.updateBinaryStream(columnLabel, x, length));
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader, long length) throws SQLException {
        run(() -> target.updateCharacterStream(columnLabel, reader, length));
    }

    @Override
    public void updateBlob(int columnIndex, InputStream inputStream, long length) throws SQLException {
        run(() -> target.updateBlob(columnIndex, inputStream, length));
    }

    @Override
    public void updateBlob(String columnLabel, InputStream inputStream, long length) throws SQLException {
        run(() -> target.updateBlob(columnLabel, inputStream, length));
    }

    @Override
    public void updateClob(int columnIndex, Reader reader, long length) throws SQLException {
        run(() -> target.updateClob(columnIndex, reader, length));
    }

    @Override
    public void updateClob(String columnLabel, Reader reader, long length) throws SQLException {
        run(() -> target.updateClob(columnLabel, reader, length));
    }

    @Override
    public void updateNClob(int columnIndex, Reader reader, long length) throws SQLException {
        run(() -> target.updateNClob(columnIndex, reader, length));
    }

    @Override
    public void updateNClob(String columnLabel, Reader reader, long length) throws SQLException {
        run(() -> target.updateNClob(columnLabel, reader, length));
    }

    @Override
    public void updateNCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
        run(() -> target.updateNCharacterStream(columnIndex, x));
    }

    @Override
    public void updateNCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
        run(() -> target.updateNCharacterStream(columnLabel, reader));
    }

    @Override
    public void updateAsciiStream(int columnIndex, java.io.InputStream x) throws SQLException {
        run(() -> target.updateAsciiStream(columnIndex, x));
    }

    @Override
    public void updateBinaryStream(int columnIndex, java.io.InputStream x) throws SQLException {
        run(() -> target.updateBinaryStream(columnIndex, x));
    }

    @Override
    public void updateCharacterStream(int columnIndex, java.io.Reader x) throws SQLException {
        run(() -> target.updateCharacterStream(columnIndex, x));
    }

    @Override
    public void updateAsciiStream(String columnLabel, java.io.InputStream x) throws SQLException {
        run(() -> target.updateAsciiStream(columnLabel, x));
    }

    @Override
    public void updateBinaryStream(String columnLabel, java.io.InputStream x) throws SQLException {
        run(() -> target.updateBinaryStream(columnLabel, x));
    }

    @Override
    public void updateCharacterStream(String columnLabel, java.io.Reader reader) throws SQLException {
        run(() -> target.updateCharacterStream(columnLabel, reader));
    }

    @Override
    public void updateBlob(int columnIndex, InputStream inputStream) throws SQLException {
        run(() -> target.updateBlob(columnIndex, inputStream));
    }

    @Override
    public void updateBlob(String columnLabel, InputStream inputStream) throws SQLException {
        run(() -> target.updateBlob(columnLabel, inputStream));
    }

    @Override
    public void updateClob(int columnIndex, Reader reader) throws SQLException {
        run(() -> target.updateClob(columnIndex, reader));
    }

    @Override
    public void updateClob(String columnLabel, Reader reader) throws SQLException {
        run(() -> target.updateClob(columnLabel, reader));
    }

    @Override
    public void updateNClob(int columnIndex, Reader reader) throws SQLException {
        run(() -> target.updateNClob(columnIndex, reader));
    }

    @Override
    public void updateNClob(String columnLabel, Reader reader) throws SQLException {
        run(() -> target.updateNClob(columnLabel, reader));
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return call(() -> target.getObject(columnIndex, type));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return call(() -> target.getObject(columnLabel, type));
    }

    @Override
    public void updateObject(int columnIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        run(() -> target.updateObject(columnIndex, x, targetSqlType, scaleOrLength));
    }

    @Override
    public void updateObject(String columnLabel, Object x,
            SQLType targetSqlType, int scaleOrLength) throws SQLException {
        run(() -> target.updateObject(columnLabel, x, targetSqlType, scaleOrLength));
    }

    @Override
    public void updateObject(int columnIndex, Object x, SQLType targetSqlType) throws SQLException {
        run(() -> target.updateObject(columnIndex, x, targetSqlType));
    }

    @Override
    public void updateObject(String columnLabel, Object x, SQLType targetSqlType) throws SQLException {
        run(() -> target.updateObject(columnLabel, x, targetSqlType));
    }
}
