package io.github.imagebuildersql.core.aws;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Reads the AWS error code and a one-line message out of whatever the SDK threw. */
public final class AwsErrors {
    private AwsErrors() {}

    /** The AWS error code ({@code ForbiddenException}, {@code AccessDenied}, ...) or a name for a client-side failure. */
    public static String code(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorCode() != null) {
            return s.awsErrorDetails().errorCode();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return "Timeout";
        }
        if (e instanceof AbortedException) {
            return "Aborted";
        }
        if (e instanceof SdkClientException) {
            return "ClientError";
        }
        return e.getClass().getSimpleName();
    }

    /** The service's own message, on one line, without the SDK's request-ID trailer. */
    public static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m;
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorMessage() != null) {
            m = s.awsErrorDetails().errorMessage();
        } else {
            m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return oneLine(m);
    }

    public static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException
                || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
