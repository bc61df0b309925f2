package io.github.imagebuildersql.trino;

import io.trino.spi.connector.ConnectorTransactionHandle;
import java.util.UUID;

/**
 * One query's transaction (the inventory is read-only): what the coordinator keeps for the query, the accounts
 * and regions it covers, is kept under it.
 */
public record ImageBuilderTransactionHandle(UUID id) implements ConnectorTransactionHandle {
    static ImageBuilderTransactionHandle create() {
        return new ImageBuilderTransactionHandle(UUID.randomUUID());
    }
}
