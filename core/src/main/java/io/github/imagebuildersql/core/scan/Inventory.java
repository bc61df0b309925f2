package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.aws.AwsClients;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.Scope;
import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * One configuration's inventory: its AWS clients and the accounts and regions it covers, shared by every scan
 * of a connection (or a Trino catalog on one node) and closed with it. Scans are planned from an engine's request
 * and run here.
 */
public final class Inventory implements AutoCloseable {
    private final ConnectorConfig config;
    private final AwsClients clients;
    private final Scope scope;
    /** The requests in flight every scan takes from, or null: each scan has maxConcurrency of its own. */
    private final Semaphore sharedPermits;

    /** maxConcurrency requests in flight per scan: a JDBC statement runs its table's scans on its own budget. */
    public Inventory(ConnectorConfig config) {
        this(config, null);
    }

    private Inventory(ConnectorConfig config, Semaphore sharedPermits) {
        this.config = config;
        this.clients = new AwsClients(config);
        this.scope = new Scope(config, clients);
        this.sharedPermits = sharedPermits;
    }

    /**
     * maxConcurrency requests in flight across all the scans of this inventory at once: a Trino worker runs
     * each split as a scan of its own, and many at a time, and its bound is per worker, not per split.
     */
    public static Inventory sharingOneBudget(ConnectorConfig config) {
        return new Inventory(config, new Semaphore(config.maxConcurrency()));
    }

    public ConnectorConfig config() {
        return config;
    }

    public Scope scope() {
        return scope;
    }

    /**
     * The accounts and regions as they are now, resolved again at first use: a Trino catalog lives as long as
     * its server, and lists the organisation once per query rather than once for good.
     */
    public Scope freshScope() {
        return new Scope(config, clients);
    }

    /** The calls a request needs: partitions to list or ARNs to fetch (see {@link ScanPlanner}). */
    public ScanPlan plan(TableDefinition<?> table, ScanRequest request) {
        return ScanPlanner.plan(table, request, scope);
    }

    /**
     * Starts running a plan; the rows are the request's columns.
     *
     * @param cancelled whether the statement was cancelled, or null
     * @param timeoutMillis how long the scan may take, or 0 for no limit
     */
    public <T> ScanExecution<T> execute(TableDefinition<T> table, ScanPlan plan, ScanRequest request,
            ScanListener listener, BooleanSupplier cancelled, long timeoutMillis) {
        return new ScanExecution<>(table, plan, request, clients, config, sharedPermits, listener, cancelled,
                timeoutMillis);
    }

    @Override
    public void close() {
        clients.close();
    }
}
