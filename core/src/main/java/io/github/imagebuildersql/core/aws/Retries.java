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
 * The SDK's retries, except for failures that asking again does not mend, which the SDK retries as I/O errors
 * (its default conditions retry any exception caused by an IOException): a refused connection (AWS's endpoints
 * answer an overloaded or failing service with an error, which is retried, and do not refuse connections; a
 * refusal means a wrong {@code endpoint}, a proxy or a network), 15 attempts and about 25 seconds before an
 * endpoint where nothing listens was reported; an answer that arrived but cannot be read (an HTML page, JSON cut
 * off or beyond the parser's limits), retried until callTimeout, so that the caller saw "Timeout" and never the
 * parse error; and a failed AssumeRole, which STS's own client has already retried. Their first failure is the
 * call's. Timeouts and reset connections are retried as before.
 */
final class Retries implements RetryStrategy {
    /**
     * The failure of the latest attempt of the call under way on this thread (a synchronous client retries on
     * the caller's thread): a call that runs out of callTimeout says only "Timeout", and this says why.
     */
    private static final ThreadLocal<Throwable> LAST_FAILURE = new ThreadLocal<>();

    private final RetryStrategy sdk;

    Retries(RetryStrategy sdk) {
        this.sdk = sdk;
    }

    /** What made this thread's latest call try again, the last time it did, or null. */
    static Throwable lastFailure() {
        return LAST_FAILURE.get();
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        LAST_FAILURE.remove();
        return sdk.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Throwable failure = request.failure();
        LAST_FAILURE.set(failure);
        if (refused(failure) || AwsErrors.unreadable(failure)
                || failure instanceof RenewableRoleCredentials.AssumeRoleFailed) {
            throw new TokenAcquisitionFailedException("not retried: " + AwsErrors.code(failure), request.token(),
                    failure);
        }
        return sdk.refreshRetryToken(request);
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
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return sdk.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return sdk.maxAttempts();
    }

    /** The SDK's defaults are in the wrapped strategy already: the client must not add them to a copy. */
    @Override
    public boolean useClientDefaults() {
        return false;
    }

    /** A builder of the wrapped strategy alone: what a copy of this one would need is not the SDK's to build. */
    @Override
    public Builder<?, ?> toBuilder() {
        return sdk.toBuilder();
    }
}
