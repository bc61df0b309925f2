package io.github.imagebuildersql.connector.aws;

import io.github.imagebuildersql.connector.partition.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ResourceNotFoundException;
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
    private final ResponseCache.Lookup cache;

    public PartitionApi(Partition partition, ImagebuilderClient client, Semaphore permits, BooleanSupplier cancelled,
            Runnable renewCredentials) {
        this(partition, client, permits, cancelled, renewCredentials, null);
    }

    /** With {@code cache} (null for none) answering before AWS is asked. */
    public PartitionApi(Partition partition, ImagebuilderClient client, Semaphore permits, BooleanSupplier cancelled,
            Runnable renewCredentials, ResponseCache.Lookup cache) {
        this.cache = cache;
        this.partition = partition;
        this.client = client;
        this.permits = permits;
        this.cancelled = cancelled;
        this.renewCredentials = renewCredentials;
    }

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
            throw new ApiCallException(partition, operation, e);
        } finally {
            permits.release();
        }
    }

    /**
     * One detail call per item (GetWorkflow per build version, GetImage per image, ...), the answers in
     * the items' order. Every table's detail calls go through here, so how they are scheduled (in series,
     * or in parallel under the query's permits with a per-partition bound) is decided in one place.
     */
    public <S, R> List<R> detailCalls(String operation, List<S> items, Function<S, Function<ImagebuilderClient, R>> call) {
        List<R> answers = new ArrayList<>(items.size());
        for (S item : items) {
            answers.add(call(operation, call.apply(item)));
        }
        return answers;
    }

    /** A Get that answers "no such resource" with empty rather than an error. */
    public <R> Optional<R> getOrEmpty(String operation, Function<ImagebuilderClient, R> call) {
        try {
            return Optional.ofNullable(call(operation, call));
        } catch (ApiCallException e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Follows {@code nextToken} from the first page to the last, handing each page's items on as it
     * arrives; the pages of one listing are necessarily in series.
     */
    public <P, I> void pages(String operation, Function<String, Function<ImagebuilderClient, P>> request,
            Function<P, List<I>> items, Function<P, String> nextToken, Consumer<List<I>> sink) {
        String token = null;
        do {
            P page = call(operation, request.apply(token));
            sink.accept(items.apply(page));
            token = nextToken.apply(page);
        } while (token != null && !cancelled());
    }

    /** An API call that failed after the SDK's retries. */
    public static final class ApiCallException extends RuntimeException {
        private final Partition partition;
        private final String operation;

        ApiCallException(Partition partition, String operation, SdkException cause) {
            this(partition, cause instanceof StsException ? "AssumeRole (for " + operation + ")" : operation, cause, 0);
        }

        private ApiCallException(Partition partition, String operation, SdkException cause, int unused) {
            super(operation + " failed in account " + partition.account() + " region " + partition.region() + ": "
                    + AwsErrors.code(cause) + ": " + AwsErrors.message(cause), cause);
            this.partition = partition;
            this.operation = operation;
        }

        public Partition partition() {
            return partition;
        }

        public String operation() {
            return operation;
        }

        public String errorCode() {
            return AwsErrors.code(getCause());
        }
    }

    /** The query was cancelled or closed; the work stops without an error of its own. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
