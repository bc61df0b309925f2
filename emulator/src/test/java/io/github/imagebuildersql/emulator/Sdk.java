package io.github.imagebuildersql.emulator;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Real SDK v2 clients pointed at an emulator, the way a user's code would build them. */
final class Sdk {
    private final URI endpoint;
    private final AwsCredentials credentials;
    private RetryStrategy retries = AwsRetryStrategy.doNotRetry();

    private Sdk(URI endpoint, AwsCredentials credentials) {
        this.endpoint = endpoint;
        this.credentials = credentials;
    }

    /** Clients with the estate's base credentials and retries off, so every fault is visible. */
    static Sdk of(Emulator emulator) {
        var base = emulator.fixture().credentials();
        return new Sdk(emulator.endpoint(), AwsBasicCredentials.create(base.accessKeyId(), base.secretAccessKey()));
    }

    static Sdk of(Emulator emulator, String accessKeyId, String secret) {
        return new Sdk(emulator.endpoint(), AwsBasicCredentials.create(accessKeyId, secret));
    }

    static Sdk of(Emulator emulator, Credentials temporary) {
        return new Sdk(emulator.endpoint(), AwsSessionCredentials.create(temporary.accessKeyId(),
                temporary.secretAccessKey(), temporary.sessionToken()));
    }

    Sdk withRetries(RetryMode mode, int attempts) {
        Sdk copy = new Sdk(endpoint, credentials);
        copy.retries = AwsRetryStrategy.forRetryMode(mode).toBuilder().maxAttempts(attempts).build();
        return copy;
    }

    ImagebuilderClient imagebuilder(String region, ExecutionInterceptor... interceptors) {
        return ImagebuilderClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retries).executionInterceptors(List.of(interceptors)))
                .build();
    }

    StsClient sts() {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retries))
                .build();
    }

    OrganizationsClient organizations() {
        return OrganizationsClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(retries))
                .build();
    }
}
