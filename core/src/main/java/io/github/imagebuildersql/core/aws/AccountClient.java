package io.github.imagebuildersql.core.aws;

import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderServiceClientConfiguration;
import software.amazon.awssdk.services.imagebuilder.model.ImagebuilderRequest;

/**
 * A region's Image Builder client seen from one account: every read request it is given is sent with that
 * account's credentials ({@code overrideConfiguration().credentialsProvider}), so one client per region
 * serves every account. The regional client belongs to the connection; closing the view closes nothing.
 */
final class AccountClient extends ReadOperations {
    private final ImagebuilderClient regional;
    private final AwsCredentialsProvider credentials;

    AccountClient(ImagebuilderClient regional, AwsCredentialsProvider credentials) {
        this.regional = regional;
        this.credentials = credentials;
    }

    @Override
    <Q extends ImagebuilderRequest, R> R send(Q request, BiFunction<ImagebuilderClient, Q, R> operation) {
        return operation.apply(regional, signed(request));
    }

    @SuppressWarnings("unchecked") // toBuilder().build() is the request's own class
    private <Q extends ImagebuilderRequest> Q signed(Q request) {
        AwsRequestOverrideConfiguration.Builder o = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        return (Q) request.toBuilder().overrideConfiguration(o.credentialsProvider(credentials).build()).build();
    }

    @Override
    public ImagebuilderServiceClientConfiguration serviceClientConfiguration() {
        return regional.serviceClientConfiguration();
    }

    @Override
    public String toString() {
        return "AccountClient[" + regional.serviceClientConfiguration().region() + "]";
    }
}
