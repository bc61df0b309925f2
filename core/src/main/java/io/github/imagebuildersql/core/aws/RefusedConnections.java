package io.github.imagebuildersql.core.aws;

import java.net.ConnectException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK retries every I/O failure, a refused connection included (its default conditions retry any
 * exception caused by an IOException): 15 attempts, about 25 seconds, before an endpoint where nothing
 * listens is reported. A refused connection is not retried here. AWS's endpoints answer an overloaded or
 * failing service with an error, which is retried, and do not refuse connections; a refusal means a wrong
 * {@code endpoint}, a proxy or a network that retrying does not mend. Timeouts and reset connections are
 * retried as before.
 */
final class RefusedConnections implements RetryStrategy {
    private final RetryStrategy retries;

    private RefusedConnections(RetryStrategy retries) {
        this.retries = retries;
    }

    /** {@code retries}, except for a refused connection. */
    static RetryStrategy notRetried(RetryStrategy retries) {
        return new RefusedConnections(retries);
    }

    static boolean refused(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        if (refused(request.failure())) {
            throw new TokenAcquisitionFailedException("connection refused: not retried", request.token(),
                    request.failure());
        }
        return retries.refreshRetryToken(request);
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return retries.acquireInitialToken(request);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return retries.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return retries.maxAttempts();
    }

    @Override
    public boolean useClientDefaults() {
        return retries.useClientDefaults();
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return retries.toBuilder();
    }
}
