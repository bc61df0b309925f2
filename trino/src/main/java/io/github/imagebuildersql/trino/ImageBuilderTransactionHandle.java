package io.github.imagebuildersql.trino;

import io.trino.spi.connector.ConnectorTransactionHandle;

/** The inventory is read-only and every read goes to AWS: a transaction has nothing to hold. */
enum ImageBuilderTransactionHandle implements ConnectorTransactionHandle {
    INSTANCE
}
