package io.github.imagebuildersql.connector.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Every method of Calcite's connection, forwarded through {@link Forwarding#call}; the JDBC layer's
 * connection extends it and changes what the layer changes (see {@link JdbcLayer}). Written out
 * rather than a dynamic proxy (see {@link Forwarding}).
 */
class ForwardingConnection extends Forwarding implements Connection {
    final Connection target;

    ForwardingConnection(Connection target) {
        super("Connection", target);
        this.target = target;
    }

    @Override
    public Statement createStatement() throws SQLException {
        return call(() -> target.createStatement());
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareStatement(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareCall(sql));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return call(() -> target.nativeSQL(sql));
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        run(() -> target.setAutoCommit(autoCommit));
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return call(() -> target.getAutoCommit());
    }

    @Override
    public void commit() throws SQLException {
        run(() -> target.commit());
    }

    @Override
    public void rollback() throws SQLException {
        run(() -> target.rollback());
    }

    @Override
    public void close() throws SQLException {
        run(() -> target.close());
    }

    @Override
    public boolean isClosed() throws SQLException {
        return call(() -> target.isClosed());
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return call(() -> target.getMetaData());
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        run(() -> target.setReadOnly(readOnly));
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return call(() -> target.isReadOnly());
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        run(() -> target.setCatalog(catalog));
    }

    @Override
    public String getCatalog() throws SQLException {
        return call(() -> target.getCatalog());
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        run(() -> target.setTransactionIsolation(level));
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return call(() -> target.getTransactionIsolation());
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
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return call(() -> target.createStatement(resultSetType, resultSetConcurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql,
            int resultSetType, int resultSetConcurrency) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareStatement(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareCall(sql, resultSetType, resultSetConcurrency));
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return call(() -> target.getTypeMap());
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        run(() -> target.setTypeMap(map));
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        run(() -> target.setHoldability(holdability));
    }

    @Override
    public int getHoldability() throws SQLException {
        return call(() -> target.getHoldability());
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return call(() -> target.setSavepoint());
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return call(() -> target.setSavepoint(name));
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        run(() -> target.rollback(savepoint));
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        run(() -> target.releaseSavepoint(savepoint));
    }

    @Override
    public Statement createStatement(int resultSetType,
            int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return call(() -> target.createStatement(resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType,
            int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType,
            int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        SqlErrors.refuseWrites(sql);
        return call(() -> target.prepareStatement(sql, columnNames));
    }

    @Override
    public Clob createClob() throws SQLException {
        return call(() -> target.createClob());
    }

    @Override
    public Blob createBlob() throws SQLException {
        return call(() -> target.createBlob());
    }

    @Override
    public NClob createNClob() throws SQLException {
        return call(() -> target.createNClob());
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return call(() -> target.createSQLXML());
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return call(() -> target.isValid(timeout));
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        target.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        target.setClientInfo(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return call(() -> target.getClientInfo(name));
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return call(() -> target.getClientInfo());
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return call(() -> target.createArrayOf(typeName, elements));
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return call(() -> target.createStruct(typeName, attributes));
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        run(() -> target.setSchema(schema));
    }

    @Override
    public String getSchema() throws SQLException {
        return call(() -> target.getSchema());
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        run(() -> target.abort(executor));
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        run(() -> target.setNetworkTimeout(executor, milliseconds));
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return call(() -> target.getNetworkTimeout());
    }

    @Override
    public void beginRequest() throws SQLException {
        run(() -> target.beginRequest());
    }

    @Override
    public void endRequest() throws SQLException {
        run(() -> target.endRequest());
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey,
            ShardingKey superShardingKey, int timeout) throws SQLException {
        return call(() -> target.setShardingKeyIfValid(shardingKey, superShardingKey, timeout));
    }

    @Override
    public boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return call(() -> target.setShardingKeyIfValid(shardingKey, timeout));
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        run(() -> target.setShardingKey(shardingKey, superShardingKey));
    }

    @Override
    public void setShardingKey(ShardingKey shardingKey) throws SQLException {
        run(() -> target.setShardingKey(shardingKey));
    }
}
