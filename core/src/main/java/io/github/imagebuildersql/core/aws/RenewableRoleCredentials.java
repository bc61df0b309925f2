package io.github.imagebuildersql.core.aws;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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

    @Override
    public AwsCredentials resolveCredentials() {
        return current.get().resolveCredentials();
    }

    void renew() {
        current.getAndSet(factory.get()).close();
    }

    @Override
    public void close() {
        current.get().close();
    }
}
