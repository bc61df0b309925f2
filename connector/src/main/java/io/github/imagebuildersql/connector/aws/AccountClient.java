package io.github.imagebuildersql.connector.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.imagebuilder.ImagebuilderClient;
import software.amazon.awssdk.services.imagebuilder.model.ImagebuilderRequest;

/**
 * A region's Image Builder client seen from one account: every request it is given is sent with that
 * account's credentials ({@code overrideConfiguration().credentialsProvider}), so one client per region
 * serves every account. Any operation works, so tables call the client as the SDK defines it.
 */
final class AccountClient implements InvocationHandler {
    private final ImagebuilderClient regional;
    private final AwsCredentialsProvider credentials;

    private AccountClient(ImagebuilderClient regional, AwsCredentialsProvider credentials) {
        this.regional = regional;
        this.credentials = credentials;
    }

    static ImagebuilderClient of(ImagebuilderClient regional, AwsCredentialsProvider credentials) {
        return (ImagebuilderClient) Proxy.newProxyInstance(ImagebuilderClient.class.getClassLoader(),
                new Class<?>[] {ImagebuilderClient.class}, new AccountClient(regional, credentials));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (args != null && args.length == 1 && args[0] instanceof ImagebuilderRequest request) {
            return forward(method, withCredentials(request));
        }
        if (method.isDefault()) {
            // the builder-consumer overloads build the request and come back through the branch above
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "close" -> null; // the regional client belongs to the connection
            case "toString" -> "AccountClient[" + regional.serviceClientConfiguration().region() + "]";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> forward(method, args);
        };
    }

    private AwsRequest withCredentials(ImagebuilderRequest request) {
        AwsRequestOverrideConfiguration.Builder o = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        return request.toBuilder().overrideConfiguration(o.credentialsProvider(credentials).build()).build();
    }

    private Object forward(Method method, Object... args) throws Throwable {
        try {
            return method.invoke(regional, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
