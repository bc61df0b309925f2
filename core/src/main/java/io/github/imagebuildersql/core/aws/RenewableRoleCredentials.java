package io.github.imagebuildersql.core.aws;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * One account's AssumeRole credentials. The SDK's provider caches them and refreshes them before they
 * expire by its own clock; {@link #renew()} throws the cache away when AWS disagrees.
 */
final class RenewableRoleCredentials implements AwsCredentialsProvider, AutoCloseable {
    private final Supplier<StsAssumeRoleCredentialsProvider> factory;
    private final AtomicReference<StsAssumeRoleCredentialsProvider> current;

    RenewableRoleCredentials(Supplier<StsAssumeRoleCredentialsProvider> factory) {
        this.factory = factory;
        this.current = new AtomicReference<>(factory.get());
    }

    /**
     * The role's credentials. AssumeRole runs inside the Image Builder call that needs them, so what goes wrong
     * there is marked as AssumeRole's, or it would be blamed on that call (and retried by it as well as by STS).
     */
    @Override
    public AwsCredentials resolveCredentials() {
        try {
            return current.get().resolveCredentials();
        } catch (RuntimeException e) {
            throw new AssumeRoleFailed(e);
        }
    }

    void renew() {
        current.getAndSet(factory.get()).close();
    }

    @Override
    public void close() {
        current.get().close();
    }

    /** AssumeRole, not the call it was made for, failed (after STS's own retries): the cause says how. */
    static final class AssumeRoleFailed extends SdkClientException {
        AssumeRoleFailed(Throwable cause) {
            super(SdkClientException.builder().message("AssumeRole failed: " + AwsErrors.code(cause) + ": "
                    + AwsErrors.message(cause)).cause(cause));
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }
}
