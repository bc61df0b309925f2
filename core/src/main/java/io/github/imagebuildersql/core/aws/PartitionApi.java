package io.github.imagebuildersql.core.aws;

import io.github.imagebuildersql.core.partition.Partition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * One partition's Image Builder API as a query sees it: every call takes one of the query's permits
 * (so at most maxConcurrency requests are in flight), stops once the query is cancelled, and names
 * itself when it fails.
 */
public final class PartitionApi {
    private final Partition partition;
    private final ImagebuilderClient client;
    private final Semaphore permits;
    private final BooleanSupplier cancelled;
    private final Runnable renewCredentials;
    private final Executor helpers;
    private final int detailConcurrency;
    private final RequestPacer pacer;
    private final ResponseCache.Lookup cache;

    /**
     * @param helpers runs a partition's extra detail-call workers on the scan's threads
     * @param detailConcurrency detail calls of this partition at once (the caller's thread counts as one)
     * @param rateLimit requests per second to this account and region, or 0 for no limit
     * @param cache answers before AWS is asked ({@code cacheTtl}), or null for none
     */
    public PartitionApi(Partition partition, ImagebuilderClient client, Semaphore permits, BooleanSupplier cancelled,
            Runnable renewCredentials, Executor helpers, int detailConcurrency, int rateLimit,
            ResponseCache.Lookup cache) {
        this.cache = cache;
        this.partition = partition;
        this.client = client;
        this.permits = permits;
        this.cancelled = cancelled;
        this.renewCredentials = renewCredentials;
        this.helpers = helpers;
        this.detailConcurrency = detailConcurrency;
        this.pacer = rateLimit > 0 ? new RequestPacer(rateLimit) : null;
    }

    /** The error code of a listing whose pages would never end: a token seen before, or pages that stay empty. */
    public static final String ENDLESS_LISTING = "EndlessListing";
    /**
     * Empty pages with a token in a row that end a listing. AWS may send an empty page with a token (a filter
     * matched nothing in one stretch of the listing), but not a hundred in a row; a repeated token ends a
     * listing at once, since asking with it again can only bring the same pages again.
     */
    static final int MAX_EMPTY_PAGES = 100;

    /** What AWS answers to credentials it considers expired, in the services this connector calls. */
    private static final Set<String> EXPIRED = Set.of("ExpiredTokenException", "ExpiredToken",
            "RequestExpired");

    public Partition partition() {
        return partition;
    }

    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }

    /**
     * Makes one API call under a permit. Credentials AWS calls expired are renewed once and the call made
     * again: a long scan outlives the role sessions it started with.
     */
    public <R> R call(String operation, Function<ImagebuilderClient, R> call) {
        return cache == null ? callAws(operation, call) : cache.answer(partition, call, () -> callAws(operation, call));
    }

    private <R> R callAws(String operation, Function<ImagebuilderClient, R> call) {
        try {
            return attempt(operation, call);
        } catch (ApiCallException e) {
            if (!EXPIRED.contains(e.errorCode())) {
                throw e;
            }
            renewCredentials.run();
            return attempt(operation, call);
        }
    }

    private <R> R attempt(String operation, Function<ImagebuilderClient, R> call) {
        if (cancelled()) {
            throw new CancelledException();
        }
        if (pacer != null) {
            pacer.awaitTurn(cancelled); // before taking a permit: a paced partition does not hold up the others
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        try {
            if (cancelled()) {
                throw new CancelledException();
            }
            return call.apply(client);
        } catch (SdkException e) {
            if (cancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
            throw new ApiCallException(partition, operation, e, Retries.lastFailure());
        } finally {
            permits.release();
        }
    }

    /**
     * One detail call per item (GetWorkflow per build version, GetImage per image, ...), the answers in
     * the items' order. Every table's detail calls go through here. Up to detailConcurrency of them run at
     * once, each under one of the query's permits: this thread works through the items, and helpers on
     * the scan's threads join it as they come free (it never waits for a helper that has not started,
     * so a scan whose threads are all busy still progresses). The first failure fails the whole batch.
     */
    public <S, R> List<R> detailCalls(String operation, List<S> items, Function<S, Function<ImagebuilderClient, R>> call) {
        DetailBatch<S, R> batch = new DetailBatch<>(operation, items, call);
        for (int i = 1; i < Math.min(detailConcurrency, items.size()); i++) {
            helpers.execute(batch::work);
        }
        batch.work();
        return batch.answers();
    }

    /** The items of one detail batch, claimed one at a time by whichever thread is free. */
    private final class DetailBatch<S, R> {
        private final String operation;
        private final List<S> items;
        private final Function<S, Function<ImagebuilderClient, R>> call;
        private final Object[] answers;
        private final AtomicInteger next = new AtomicInteger();
        private int working; // guarded by this
        private Throwable failure; // guarded by this; an Error in a helper too, or its item would be missing

        DetailBatch(String operation, List<S> items, Function<S, Function<ImagebuilderClient, R>> call) {
            this.operation = operation;
            this.items = items;
            this.call = call;
            this.answers = new Object[items.size()];
        }

        void work() {
            synchronized (this) {
                if (failure != null) {
                    return;
                }
                working++; // counted before claiming an item, so the owner waits for every claimed one
            }
            try {
                for (int i = next.getAndIncrement(); i < answers.length && !failed(); i = next.getAndIncrement()) {
                    Object answer = call(operation, call.apply(items.get(i)));
                    synchronized (this) {
                        answers[i] = answer;
                    }
                }
            } catch (Throwable e) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            } finally {
                synchronized (this) {
                    working--;
                    notifyAll();
                }
            }
        }

        private synchronized boolean failed() {
            return failure != null;
        }

        @SuppressWarnings("unchecked")
        synchronized List<R> answers() {
            while (working > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
            }
            next.set(answers.length); // a helper that starts from now on finds nothing to do
            List<R> list = new ArrayList<>(answers.length);
            for (Object a : answers) {
                list.add((R) a);
            }
            return list;
        }
    }

    /** A Get that answers "no such resource" with empty rather than an error. */
    public <R> Optional<R> getOrEmpty(String operation, Function<ImagebuilderClient, R> call) {
        try {
            return Optional.ofNullable(call(operation, call));
        } catch (ApiCallException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Follows {@code nextToken} from the first page to the last, handing each page's items on as it
     * arrives; the pages of one listing are necessarily in series. A listing that would never end (a token
     * it has already seen, or {@link #MAX_EMPTY_PAGES} empty pages in a row) fails like a failed call, with
     * {@link #ENDLESS_LISTING}: every table lists through here, so none can loop.
     */
    public <P, I> void pages(String operation, Function<String, Function<ImagebuilderClient, P>> request,
            Function<P, List<I>> items, Function<P, String> nextToken, Consumer<List<I>> sink) {
        Map<String, Integer> seen = new HashMap<>();
        int emptyInARow = 0;
        String token = null;
        for (int page = 1; !cancelled(); page++) {
            P answer = call(operation, request.apply(token));
            List<I> list = items.apply(answer);
            sink.accept(list);
            token = nextToken.apply(answer);
            if (token == null) {
                return;
            }
            Integer first = seen.putIfAbsent(token, page);
            if (first != null) {
                throw new ApiCallException(partition, operation, ENDLESS_LISTING, "page " + page + " returned the "
                        + "nextToken of page " + first + ", so the listing would never end", null);
            }
            emptyInARow = list.isEmpty() ? emptyInARow + 1 : 0;
            if (emptyInARow == MAX_EMPTY_PAGES) {
                throw new ApiCallException(partition, operation, ENDLESS_LISTING, "pages " + (page - emptyInARow + 1)
                        + " to " + page + " were empty, each with a nextToken: the listing is not moving", null);
            }
        }
    }

    /** An API call that failed after the SDK's retries, or a listing that would never end. */
    public static final class ApiCallException extends RuntimeException {
        private final Partition partition;
        private final String operation;
        private final String errorCode;
        private final String reason;

        /**
         * @param lastAttempt what failed the call's last retried attempt, told with a timeout, which says nothing
         *     of why the attempts failed; or null
         */
        ApiCallException(Partition partition, String operation, SdkException cause, Throwable lastAttempt) {
            this(partition, assumingRole(cause) ? "AssumeRole (for " + operation + ")" : operation,
                    AwsErrors.code(cause), AwsErrors.message(cause) + (lastAttempt == null
                            || !AwsErrors.code(cause).equals("Timeout") ? "" : " (the last attempt before it: "
                            + AwsErrors.code(lastAttempt) + ": " + AwsErrors.message(lastAttempt) + ")"),
                    AwsErrors.withoutSecrets(cause));
        }

        ApiCallException(Partition partition, String operation, String errorCode, String reason, Throwable cause) {
            super(operation + " failed in account " + partition.account() + " region " + partition.region() + ": "
                    + errorCode + ": " + reason, cause);
            this.partition = partition;
            this.operation = operation;
            this.errorCode = errorCode;
            this.reason = reason;
        }

        private static boolean assumingRole(SdkException cause) {
            return cause instanceof StsException || cause instanceof RenewableRoleCredentials.AssumeRoleFailed;
        }

        public Partition partition() {
            return partition;
        }

        public String operation() {
            return operation;
        }

        /** AWS's error code, or the connector's name for what went wrong ({@code Timeout}, {@code EndlessListing}). */
        public String errorCode() {
            return errorCode;
        }

        /** Whether AWS said that what was asked for does not exist (a Get's ARN, a pipeline whose images are listed). */
        public boolean notFound() {
            return errorCode.equals("ResourceNotFoundException");
        }

        /** What AWS said, or what was wrong with its answer, on one line. */
        public String reason() {
            return reason;
        }
    }

    /** The query was cancelled or closed; the work stops without an error of its own. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
