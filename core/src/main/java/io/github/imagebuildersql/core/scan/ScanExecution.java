package io.github.imagebuildersql.core.scan;

import io.github.imagebuildersql.core.aws.AwsClients;
import io.github.imagebuildersql.core.aws.AwsErrors;
import io.github.imagebuildersql.core.aws.PartitionApi;
import io.github.imagebuildersql.core.aws.ResponseCache;
import io.github.imagebuildersql.core.config.AccountSelection;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.config.OnError;
import io.github.imagebuildersql.core.partition.Partition;
import io.github.imagebuildersql.core.row.RowBuilder;
import io.github.imagebuildersql.core.table.ListOptions;
import io.github.imagebuildersql.core.table.TableDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a scan plan: each split (a partition's listing or a key lookup) on a worker, at most maxConcurrency
 * requests in flight and at most maxConcurrency threads, the pages within a partition in series and its detail
 * calls in parallel (see {@link PartitionApi#detailCalls}). Rows reach the engine through a bounded buffer as
 * pages arrive, so memory does not grow with the estate and the first row comes before the last partition is
 * listed. Closing early (LIMIT, a BI tool's preview), cancelling the statement or running past its timeout
 * stops the workers: no further API calls, no threads left behind. Rows are the request's columns, in its
 * order, as plain Java values (see {@link RowBuilder}). An engine that must not block its thread (Trino) reads
 * with {@link #readyRows} and waits on {@link #whenReady} instead of {@link #hasNext}.
 */
public final class ScanExecution<T> implements Iterator<Object[]>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanExecution.class);
    private static final AtomicInteger SCANS = new AtomicInteger();
    /** Pages buffered ahead of the consumer; with 25 items a page this bounds the buffer to a few thousand rows. */
    private static final int BUFFERED_PAGES = 64;
    private static final long POLL_MILLIS = 50;

    private sealed interface Message permits Rows, TaskEnded, Skipped, Failed {}

    private record Rows(List<Object[]> rows) implements Message {}

    private record TaskEnded() implements Message {}

    private record Skipped(PartitionFailure failure) implements Message {}

    private record Failed(RuntimeException error) implements Message {}

    private final TableDefinition<T> table;
    private final ScanPlan plan;
    private final RowBuilder<T> rows;
    private final BiPredicate<T, Partition> rowFilter;
    private final AwsClients clients;
    private final ConnectorConfig config;
    private final ResponseCache.Lookup cache;
    private final ScanListener listener;
    private final BooleanSupplier statementCancelled;
    private final long deadlineNanos;
    private final long timeoutMillis;

    private final BlockingQueue<Message> queue = new ArrayBlockingQueue<>(BUFFERED_PAGES);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong rowsProduced = new AtomicLong();
    private final ThreadPoolExecutor workers;
    /** Requests in flight: the scan's own maxConcurrency, or a budget its inventory shares among its scans. */
    private final Semaphore permits;
    /** Completed when the workers hand over something (see whenReady). */
    private final AtomicReference<CompletableFuture<Void>> waiting = new AtomicReference<>();
    /** Tasks (partitions or key lookups) not started yet; guarded by this. */
    private Iterator<Runnable> pending;
    private final AtomicInteger remaining;
    /** Set by a worker that an Error stopped; the reader checks it between polls. */
    private volatile WorkerFailedException broken;
    private Iterator<Object[]> batch = Collections.emptyIterator();
    private final long limit;
    private long returned;
    private int tasksEnded;

    /**
     * @param permits the requests in flight this scan may take from, or null for maxConcurrency of its own
     * @param statementCancelled whether the statement was cancelled (the workers stop), or null
     * @param timeoutMillis how long the whole scan may take, or 0 for no limit
     */
    public ScanExecution(TableDefinition<T> table, ScanPlan plan, ScanRequest request, AwsClients clients,
            ConnectorConfig config, Semaphore permits, ScanListener listener, BooleanSupplier statementCancelled,
            long timeoutMillis) {
        this.permits = permits != null ? permits : new Semaphore(config.maxConcurrency());
        this.table = table;
        this.plan = plan;
        this.rows = new RowBuilder<>(table, request.columns());
        this.rowFilter = RowBuilder.filter(table, request.enforced());
        this.limit = request.limit();
        this.clients = clients;
        this.config = config;
        this.cache = ResponseCache.of(config, clients);
        this.listener = listener;
        this.statementCancelled = statementCancelled;
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
        int scan = SCANS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.remaining = new AtomicInteger(plan.tasks());
        // Threads are started as work arrives, at most maxConcurrency of them: one per request in flight.
        this.workers = plan.tasks() == 0 ? null : new ThreadPoolExecutor(config.maxConcurrency(),
                config.maxConcurrency(), 0, TimeUnit.MILLISECONDS, new UrgentFirstQueue(), r -> {
                    Thread t = new Thread(r, "imagebuilder-scan-" + scan + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
        listener.scanStarted(table.name(), plan.tasks());
        if (request.constraints().isEmpty() && request.enforced().isEmpty() && !plan.isLookup()) {
            listener.scanCovers(table.name(), new ScanScope(
                    plan.splits().stream().map(s -> s.partition().account()).distinct().toList(),
                    config.accounts() instanceof AccountSelection.Organization,
                    plan.splits().stream().map(s -> s.partition().region()).distinct().toList()));
        }
        start();
    }

    /**
     * Starts as many tasks as requests may be in flight; each task, when it ends, starts the next. So the
     * work queue holds a few tasks, not one per partition, however large the organisation.
     */
    private void start() {
        if (workers == null) {
            return;
        }
        Set<String> detailColumns = rows.detailColumns();
        Iterator<Runnable> tasks = plan.splits().stream().<Runnable>map(split -> () -> runTask(split.partition(),
                split.isLookup()
                        ? (api, sink) -> table.getter().get(api, split.arn())
                                .filter(item -> rowFilter.test(item, split.partition()))
                                .ifPresent(item -> sink.accept(rows.rows(api, List.of(item))))
                        : (api, sink) -> list(api, split, detailColumns, sink),
                permits)).iterator();
        this.pending = tasks;
        for (int i = 0; i < Math.min(config.maxConcurrency(), plan.tasks()); i++) {
            startNextTask();
        }
    }

    /** One partition's listing, each item once (pages may overlap), as rows of the request's columns. */
    private void list(PartitionApi api, Split split, Set<String> detailColumns, Consumer<List<Object[]>> sink) {
        Partition partition = split.partition();
        ListedKeys<T> keys = new ListedKeys<>(table.column("_key"), partition);
        table.lister().list(api, new ListOptions(split.filters(), detailColumns),
                page -> sink.accept(rows.rows(api, page.stream().filter(keys::firstTime)
                        .filter(item -> rowFilter.test(item, partition)).toList())));
        if (keys.repeated() > 0) {
            LOG.warn("{}: account {} region {}: the listing returned {} item(s) a second time (pages that overlap); "
                    + "each is one row", table.name(), partition.account(), partition.region(), keys.repeated());
        }
    }

    private void startNextTask() {
        Runnable next;
        synchronized (this) {
            next = pending.hasNext() ? pending.next() : null;
        }
        if (next != null) {
            workers.execute(() -> {
                try {
                    next.run();
                } finally {
                    if (remaining.decrementAndGet() == 0) {
                        workers.shutdown(); // the last task has ended: so do the threads
                    } else {
                        startNextTask();
                    }
                }
            });
        }
    }

    /**
     * Runs a partition's detail calls on the scan's threads ahead of any partition not yet started, so a
     * partition under way finishes first and its rows leave memory.
     */
    private void runUrgently(Runnable helper) {
        workers.execute(new Urgent(helper));
    }

    private record Urgent(Runnable work) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }

    /** Queues {@link Urgent} work at the head, everything else at the tail. */
    private static final class UrgentFirstQueue extends LinkedBlockingDeque<Runnable> {
        @Override
        public boolean offer(Runnable r) {
            return r instanceof Urgent ? offerFirst(r) : offerLast(r);
        }
    }

    /** One partition's listing, or one key's lookup, handing pages of rows to the sink it is given. */
    private void runTask(Partition partition, BiConsumer<PartitionApi, Consumer<List<Object[]>>> task,
            Semaphore permits) {
        AtomicLong partitionRows = new AtomicLong();
        try {
            try {
                task.accept(new PartitionApi(partition, clients.imagebuilder(partition), permits,
                        () -> stopped() || enoughRows(),
                        () -> clients.renewCredentials(partition.account()), this::runUrgently,
                        config.detailConcurrency(), config.rateLimit(), cache), page -> {
                            partitionRows.addAndGet(page.size());
                            emit(page);
                        });
                send(new TaskEnded());
            } catch (PartitionApi.ApiCallException e) {
                PartitionFailure failure = new PartitionFailure(table.name(), partition, e.operation(), e.errorCode(),
                        e.reason(), partitionRows.get());
                if (config.onError() == OnError.SKIP || config.ignoreErrorCodes().contains(failure.errorCode())) {
                    LOG.warn("skipped {}", failure.describe());
                    send(new Skipped(failure));
                    send(new TaskEnded());
                } else {
                    send(new Failed(new ScanFailedException(failure, e.getCause() != null ? e.getCause() : e)));
                }
            } catch (PartitionApi.CancelledException | CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!stopped()) {
                    send(new Failed(e));
                }
            }
        } catch (PartitionApi.CancelledException | CancellationException e) {
            // the reader is gone (closed, cancelled or timed out): nobody waits for this partition any more
        } catch (Throwable e) {
            // An Error (out of memory, a stack overflow) ends this thread's work for good; no other worker will
            // send this partition's end, so the reader is told directly, without a message to allocate or queue.
            broken = new WorkerFailedException(table.name(), partition, e);
        }
    }

    /**
     * Whether the workers should stop: the reader closed the scan, or the statement was cancelled or ran
     * out of time. Avatica checks the cancel flag itself and may never ask for another row, so the
     * workers watch it too rather than wait for a close that may come late.
     */
    private boolean stopped() {
        return closed.get() || (statementCancelled != null && statementCancelled.getAsBoolean())
                || (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0);
    }

    /**
     * Whether the rows produced meet the request's limit: no further call is needed (a listing ends after the page
     * that met it), though the reader has yet to take them.
     */
    private boolean enoughRows() {
        return limit >= 0 && rowsProduced.get() >= limit;
    }

    private void emit(List<Object[]> page) {
        if (!page.isEmpty()) {
            rowsProduced.addAndGet(page.size());
            send(new Rows(page));
        }
    }

    /** Blocks while the buffer is full: the listing waits for the reader rather than piling rows up. */
    private void send(Message m) {
        try {
            while (!stopped()) {
                if (queue.offer(m, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    wake();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new PartitionApi.CancelledException();
    }

    /** Blocks until a row is ready or the scan has ended; throws what failed it. */
    @Override
    public boolean hasNext() {
        while (true) {
            if (limitReached()) {
                return false;
            }
            if (batch.hasNext()) {
                return true;
            }
            if (ended()) {
                return false;
            }
            checkStillWanted();
            if (broken != null) {
                close();
                throw broken;
            }
            Message m;
            try {
                m = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancellationException("the query was interrupted");
            }
            take(m);
        }
    }

    /**
     * The rows ready now, at most {@code max}, without waiting: none when the workers have handed over nothing
     * yet (see {@link #whenReady}) or the scan has ended (see {@link #finished}). Throws what failed the scan.
     */
    public List<Object[]> readyRows(int max) {
        List<Object[]> rows = new ArrayList<>();
        while (rows.size() < max && !limitReached()) {
            if (batch.hasNext()) {
                rows.add(batch.next());
                returned++;
            } else if (ended() || queue.isEmpty()) {
                break;
            } else {
                checkStillWanted();
                take(queue.poll());
            }
        }
        return rows;
    }

    /** Whether every row has been handed out, or the scan was closed: {@link #readyRows} will give no more. */
    public boolean finished() {
        return closed.get() || limitReached() || (!batch.hasNext() && ended());
    }

    /**
     * Completes when {@link #readyRows} has something new to give (rows, a failure), or the scan has
     * {@link #finished}: an engine's thread waits on this rather than in {@link #hasNext}. Calls return the
     * same future until it completes.
     */
    public CompletableFuture<Void> whenReady() {
        CompletableFuture<Void> ready = waiting.updateAndGet(f -> f != null && !f.isDone() ? f : new CompletableFuture<>());
        // after installing it: a worker that handed over before then found no future to complete
        if (batch.hasNext() || !queue.isEmpty() || finished()) {
            ready.complete(null);
        }
        return ready;
    }

    private void wake() {
        CompletableFuture<Void> ready = waiting.getAndSet(null);
        if (ready != null) {
            ready.complete(null);
        }
    }

    private boolean limitReached() {
        if (limit >= 0 && returned >= limit) {
            close(); // the engine wants no more: the rest is never listed
            return true;
        }
        return false;
    }

    private boolean ended() {
        return workers == null || tasksEnded == plan.tasks();
    }

    /** One message from the workers: rows to hand out, a partition ended or skipped, the scan failed; or none. */
    private void take(Message m) {
        if (m instanceof Rows r) {
            batch = r.rows().iterator();
        } else if (m instanceof TaskEnded) {
            tasksEnded++;
            listener.progress(table.name(), tasksEnded, plan.tasks(), rowsProduced.get());
        } else if (m instanceof Skipped sk) {
            listener.partitionSkipped(sk.failure());
        } else if (m instanceof Failed f) {
            close();
            throw f.error();
        }
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the scan has no more rows");
        }
        returned++;
        return batch.next();
    }

    private void checkStillWanted() {
        if (statementCancelled != null && statementCancelled.getAsBoolean()) {
            close();
            throw new CancellationException("the statement was cancelled");
        }
        if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
            close();
            throw new QueryTimeoutException("the query ran past its timeout of " + timeoutMillis + " ms");
        }
    }

    /**
     * Stops the scan; safe to call more than once, from any thread. Workers make no further call: each
     * checks before every request. A request already on the wire is let finish rather than interrupted
     * (an interrupted read makes the SDK log errors about streams it could not close), so a worker ends
     * within one call's time.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            wake();
            if (workers != null) {
                workers.shutdown();
                workers.getQueue().clear(); // tasks not yet started never start; those under way stop at their next call
            }
        }
    }

    /** Whether every worker thread has ended (tests use it to prove nothing is left running). */
    public boolean awaitWorkersEnded(long timeout, TimeUnit unit) throws InterruptedException {
        return workers == null || workers.awaitTermination(timeout, unit);
    }

    /** A worker thread failed with an Error (out of memory, a stack overflow): the scan cannot be completed. */
    public static final class WorkerFailedException extends RuntimeException {
        WorkerFailedException(String table, Partition partition, Throwable error) {
            super(table + ": the scan of account " + partition.account() + " region " + partition.region()
                    + " stopped: " + error.getClass().getName() + (error.getMessage() == null ? ""
                            : ": " + AwsErrors.oneLine(error.getMessage())), error);
        }
    }

    /** The statement's timeout (setQueryTimeout) passed. */
    public static final class QueryTimeoutException extends RuntimeException {
        QueryTimeoutException(String message) {
            super(message);
        }
    }

}
