package io.github.imagebuildersql.core.aws;

import io.github.imagebuildersql.core.config.ConnectorConfig;
import io.github.imagebuildersql.core.partition.Partition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderServiceClientConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.ImagebuilderRequest;

/**
 * The result cache ({@code cacheTtl}): one partition's answer to one request (a page of a listing, a Get)
 * reused for {@code cacheTtl} seconds, so a dashboard's second query, a narrower one (one account) after a
 * full scan, and repeated detail calls make no API calls. Shared by every connection of this JVM that asks
 * with the same credentials (those the credentials chain or profile gives now, not the configuration that
 * named them), role and endpoint; failures are never cached. Bounded by an estimate of the heap its answers
 * hold ({@link #MAX_BYTES}), least recently used first out.
 */
public final class ResponseCache {
    /**
     * What the shared cache may hold. Answers vary a thousandfold (a workflow's {@code data} may be 16,000
     * characters, a lifecycle policy a few hundred), so the bound is on their estimated size, not their number.
     */
    static final long MAX_BYTES = 64L << 20;
    /** An entry's own objects: its key with the request (a few short strings), its record, its map node. */
    private static final long ENTRY_BYTES = 400;
    private static final ResponseCache SHARED = new ResponseCache(MAX_BYTES, System::nanoTime);

    /** Who asks and where: connections that differ in any of these may get different answers. */
    private record Identity(String caller, String roleName, String externalId, Object endpoint) {}

    private record Key(Identity identity, Partition partition, String operation, AwsRequest request) {}

    private record Entry(Object answer, long storedAt, long bytes) {}

    private final long maxBytes;
    /** Tests move it; the shared cache reads System.nanoTime. */
    private final LongSupplier nanoTime;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ResponseCache(long maxBytes, LongSupplier nanoTime) {
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
    }

    /**
     * The cache a connection with this configuration uses for a scan, as the caller its credentials name now;
     * null when its cacheTtl is zero, or when its credentials cannot be found (then the scan's first call says why).
     */
    public static Lookup of(ConnectorConfig config, AwsClients clients) {
        if (config.cacheTtl().isZero()) {
            return null;
        }
        try {
            return SHARED.lookup(config, clients.callerFingerprint());
        } catch (SdkException e) {
            return null;
        }
    }

    /** This cache as seen by a connection with this configuration, whose base credentials have this fingerprint. */
    Lookup lookup(ConnectorConfig config, String caller) {
        return new Lookup(this, new Identity(caller, config.roleName(), config.externalId(), config.endpoint()),
                config.cacheTtl(), config.refreshCache());
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
        bytes += e.bytes();
        var eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    private void remove(Key key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.bytes();
        }
    }

    /** What an answer costs the bound: its estimated size, and its entry's (the key, its request, the links). */
    static long weight(Object answer) {
        return HeapEstimate.of(answer) + ENTRY_BYTES;
    }

    /** The estimated heap the cached answers hold. */
    synchronized long bytes() {
        return bytes;
    }

    /** Ends a recorded call. */
    private static final class Recorded extends RuntimeException {
        Recorded() {
            super(null, null, false, false);
        }
    }
}
