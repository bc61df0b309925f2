package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.connector.config.ConnectorConfig;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.transaction.IsolationLevel;
import io.trino.spi.type.TypeManager;

/** One catalog: its configuration, and the schema {@code aws} it serves on every node. */
final class ImageBuilderConnector implements Connector {
    private final ConnectorConfig config;
    private final ImageBuilderMetadata metadata;

    ImageBuilderConnector(ConnectorConfig config, TypeManager types) {
        this.config = config;
        this.metadata = new ImageBuilderMetadata(new TrinoTables(types));
    }

    ConnectorConfig config() {
        return config;
    }

    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly,
            boolean autoCommit) {
        return ImageBuilderTransactionHandle.INSTANCE;
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction) {
        return metadata;
    }
}
