package io.github.imagebuildersql.core.aws;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.Partition;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderServiceClientConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.ImagebuilderRequest;

/**
 * The result cache ({@code cacheTtl}): one partition's answer to one request (a page of a listing, a Get)
 * reused for {@code cacheTtl} seconds, so a dashboard's second query, a narrower one (one account) after a
 * full scan, and repeated detail calls make no API calls. Shared by every connection of this JVM with the
 * same credentials and endpoint (BI tools open several); failures are never cached. Bounded by the number
 * of items held ({@link #MAX_ITEMS}), least recently used first out.
 */
public final class ResponseCache {
    /** About 20,000 pipelines or workflows, a few tens of megabytes. */
    static final int MAX_ITEMS = 20_000;
    private static final ResponseCache SHARED = new ResponseCache(MAX_ITEMS, System::nanoTime);

    /** Who asks and where: connections that differ in any of these may get different answers. */
    private record Identity(Object accounts, String roleName, String externalId, String profile, Object endpoint,
            Object credentials) {}

    private record Key(Identity identity, Partition partition, String operation, AwsRequest request) {}

    private record Entry(Object answer, long storedAt, int items) {}

    private final int maxItems;
    /** Tests move it; the shared cache reads System.nanoTime. */
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private int items;

    ResponseCache(int maxItems, LongSupplier nanoTime) {
        this.maxItems = maxItems;
        this.nanoTime = nanoTime;
    }

    /** The cache a connection with this configuration uses, or null when its cacheTtl is zero. */
    public static Lookup of(ConnectorConfig config) {
        return config.cacheTtl().isZero() ? null : SHARED.lookup(config);
    }

    /** This cache as seen by a connection with this configuration. */
    Lookup lookup(ConnectorConfig config) {
        return new Lookup(this, new Identity(config.accounts(), config.roleName(), config.externalId(),
                config.profile(), config.endpoint(), config.credentials()), config.cacheTtl(), config.refreshCache());
    }

    /** One connection's view of the cache: its identity, its TTL, and whether it only writes. */
    public static final class Lookup {
        private final ResponseCache cache;
        private final Identity identity;
        private final Duration ttl;
        private final boolean refresh;

        private Lookup(ResponseCache cache, Identity identity, Duration ttl, boolean refresh) {
            this.cache = cache;
            this.identity = identity;
            this.ttl = ttl;
            this.refresh = refresh;
        }

        /** The cached answer to {@code call} in {@code partition}, or {@code aws}'s, which is then cached. */
        public <R> R answer(Partition partition, Function<ImagebuilderClient, R> call, Supplier<R> aws) {
            Key key = cache.key(identity, partition, call);
            if (key == null) {
                return aws.get();
            }
            if (!refresh) {
                Object cached = cache.get(key, ttl);
                if (cached != null) {
                    @SuppressWarnings("unchecked")
                    R r = (R) cached;
                    return r;
                }
            }
            R answer = aws.get();
            if (answer != null) {
                cache.put(key, answer);
            }
            return answer;
        }
    }

    /**
     * The request a call would send, found by running it against a client that only records: calls are
     * lambdas over the client, and the request is what identifies the answer.
     */
    private Key key(Identity identity, Partition partition, Function<ImagebuilderClient, ?> call) {
        RequestRecorder recorder = new RequestRecorder();
        try {
            call.apply(recorder);
        } catch (Recorded e) {
            // expected: the request is recorded, the call goes no further
        }
        AwsRequest sent = recorder.request;
        return sent == null ? null : new Key(identity, partition, sent.getClass().getSimpleName(),
                sent.toBuilder().overrideConfiguration((AwsRequestOverrideConfiguration) null).build());
    }

    /** A client that only records the request a call would send. */
    private static final class RequestRecorder extends ReadOperations {
        ImagebuilderRequest request;

        @Override
        <Q extends ImagebuilderRequest, R> R send(Q request, BiFunction<ImagebuilderClient, Q, R> operation) {
            this.request = request;
            throw new Recorded();
        }

        @Override
        public ImagebuilderServiceClientConfiguration serviceClientConfiguration() {
            throw new Recorded(); // not a request: nothing to cache
        }
    }

    private synchronized Object get(Key key, Duration ttl) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (nanoTime.getAsLong() - e.storedAt() > ttl.toNanos()) {
            remove(key);
            return null;
        }
        return e.answer();
    }

    private synchronized void put(Key key, Object answer) {
        remove(key);
        Entry e = new Entry(answer, nanoTime.getAsLong(), weight(answer));
        entries.put(key, e);
        items += e.items();
        var eldest = entries.values().iterator();
        while (items > maxItems && eldest.hasNext()) {
            items -= eldest.next().items();
            eldest.remove();
        }
    }

    private void remove(Key key) {
        Entry old = entries.remove(key);
        if (old != null) {
            items -= old.items();
        }
    }

    /** Items held: a page counts its list's length, anything else one. */
    private static int weight(Object answer) {
        int n = 1;
        if (answer instanceof SdkPojo pojo) {
            for (var field : pojo.sdkFields()) {
                if (field.getValueOrDefault(pojo) instanceof Collection<?> list) {
                    n += list.size();
                }
            }
        }
        return n;
    }

    /** Ends a recorded call. */
    private static final class Recorded extends RuntimeException {
        Recorded() {
            super(null, null, false, false);
        }
    }
}
