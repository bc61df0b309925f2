package io.github.imagebuildersql.core.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParseException;

/**
 * The SDK's own retry strategy decides, except that a refused connection, an answer that cannot be read and a
 * failed AssumeRole are not tried again.
 */
class RetriesTest {
    private final RetryStrategy retries = new Retries(AwsRetryStrategy.standardRetryStrategy());

    private RetryToken token() {
        return retries.acquireInitialToken(AcquireInitialTokenRequest.create("imagebuilder")).token();
    }

    private static SdkClientException failure(Exception cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
                .cause(cause).build();
    }

    @Test
    void aRefusedConnectionIsNotRetried() {
        SdkClientException refused = failure(new ConnectException("Connection refused"));
        TokenAcquisitionFailedException e = assertThrows(TokenAcquisitionFailedException.class,
                () -> retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token()).failure(refused).build()));
        assertEquals(refused, e.getCause());
    }

    @Test
    void anAnswerThatCannotBeReadIsNotRetried() {
        SdkClientException unreadable = SdkClientException.builder().message("Unable to unmarshall response")
                .cause(new java.io.UncheckedIOException(new JsonParseException(null, "Unexpected character ('<')")))
                .build();
        TokenAcquisitionFailedException e = assertThrows(TokenAcquisitionFailedException.class,
                () -> retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token()).failure(unreadable)
                        .build()));
        assertEquals(unreadable, e.getCause());
        assertEquals(unreadable, Retries.lastFailure(), "remembered for a timeout's message");
    }

    @Test
    void aTimeoutIsRetriedAsTheSdkDecides() {
        SdkClientException timeout = failure(new SocketTimeoutException("Read timed out"));
        RetryToken next = retries.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token()).failure(timeout)
                .build()).token();
        assertEquals(false, next == null);
    }
}
