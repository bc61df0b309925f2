package io.github.imagebuildersql.trino;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.config.DemoEstate;
import io.github.imagebuildersql.core.config.DemoEstates;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.scan.Inventory;
import io.trino.spi.connector.Connector;
import io.trino.spi.connector.ConnectorMetadata;
import io.trino.spi.connector.ConnectorPageSourceProvider;
import io.trino.spi.connector.ConnectorSession;
import io.trino.spi.connector.ConnectorSplitManager;
import io.trino.spi.connector.ConnectorTransactionHandle;
import io.trino.spi.transaction.IsolationLevel;
import io.trino.spi.type.TypeManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One catalog on one node: its inventory (AWS clients, and one budget of maxConcurrency requests in flight for
 * all the splits this node runs), and on the coordinator the accounts and regions of each query under way.
 * With {@code demo=true} every node holds the demo estate: an emulator of the same sample organisation in each
 * node's JVM, so every node gives the same answers.
 */
final class ImageBuilderConnector implements Connector {
    private final DemoEstate demo;
    private final Inventory inventory;
    private final ImageBuilderMetadata metadata;
    private final ImageBuilderSplitManager splits;
    private final ImageBuilderPageSourceProvider pages;
    private final Map<ConnectorTransactionHandle, Scope> scopes = new ConcurrentHashMap<>();

    ImageBuilderConnector(ConnectorConfig config, TypeManager types) {
        this.demo = config.demo() ? DemoEstates.open() : null;
        this.inventory = Inventory.sharingOneBudget(demo == null ? config : config.onDemoEstate(demo));
        TrinoTypes trinoTypes = new TrinoTypes(types);
        this.metadata = new ImageBuilderMetadata(new TrinoTables(trinoTypes));
        this.splits = new ImageBuilderSplitManager(transaction -> scopes.computeIfAbsent(transaction,
                t -> inventory.freshScope()));
        this.pages = new ImageBuilderPageSourceProvider(inventory, trinoTypes);
    }

    /** A query's transaction: the organisation is listed (if at all) once for it, when it is first planned. */
    @Override
    public ConnectorTransactionHandle beginTransaction(IsolationLevel isolationLevel, boolean readOnly,
            boolean autoCommit) {
        return ImageBuilderTransactionHandle.create();
    }

    @Override
    public void commit(ConnectorTransactionHandle transaction) {
        scopes.remove(transaction);
    }

    @Override
    public void rollback(ConnectorTransactionHandle transaction) {
        scopes.remove(transaction);
    }

    @Override
    public ConnectorMetadata getMetadata(ConnectorSession session, ConnectorTransactionHandle transaction) {
        return metadata;
    }

    @Override
    public ConnectorSplitManager getSplitManager() {
        return splits;
    }

    @Override
    public ConnectorPageSourceProvider getPageSourceProvider() {
        return pages;
    }

    @Override
    public void shutdown() {
        inventory.close();
        if (demo != null) {
            demo.close();
        }
    }
}
