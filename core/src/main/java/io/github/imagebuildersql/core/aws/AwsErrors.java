package io.github.imagebuildersql.core.aws;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.thirdparty.jackson.core.JsonProcessingException;

/**
 * Reads the AWS error code and a one-line message out of whatever the SDK threw, with anything shaped like a
 * credential taken out: this is where every message carrying a service's text is made.
 */
public final class AwsErrors {
    /** What {@link #code} calls an answer that arrived but is not what the API sends (HTML, cut-off JSON). */
    public static final String UNREADABLE = "UnreadableAnswer";
    static final String REDACTED = "(redacted)";

    /**
     * A value after a name that says it is secret. AWS quotes the request it received in some errors (a
     * signature mismatch quotes the canonical request, headers included, so a session token with it).
     */
    private static final Pattern NAMED_SECRET = Pattern.compile("(?i)(x-amz-security-token|x-amz-signature|"
            + "securitytoken|sessiontoken|secretaccesskey|secret_access_key|session_token|externalid|signature|"
            + "password)(\"?\\s*[:=]\\s*['\"]?)([^\\s'\"&,;)]+)");
    /** Access key IDs of users, roles and temporary sessions. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ABIA|ACCA)"
            + "[A-Z0-9]{16}\\b");
    /** A long run of base64 with upper and lower case and digits: a secret key or a session token, unnamed. */
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=]{40,}");

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
        if (unreadable(e)) {
            return UNREADABLE;
        }
        if (e instanceof SdkClientException) {
            return "ClientError";
        }
        return e.getClass().getSimpleName();
    }

    /** The service's own message, or what was wrong with its answer, on one line, with no credential in it. */
    public static String message(Throwable t) {
        Throwable e = unwrap(t);
        String m;
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorMessage() != null) {
            m = s.awsErrorDetails().errorMessage();
        } else if (unreadable(e)) {
            m = "the answer is not what the API sends (" + parseError(e) + ")";
        } else {
            m = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return oneLine(redact(m));
    }

    public static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * The text with every credential-shaped value replaced: access key IDs, values named as tokens, signatures,
     * secret keys, external IDs or passwords, and long mixed-case base64 runs (an unnamed key or token).
     */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = NAMED_SECRET.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        s = ACCESS_KEY_ID.matcher(s).replaceAll(REDACTED);
        return BASE64_RUN.matcher(s).replaceAll(m -> Matcher.quoteReplacement(looksLikeKey(m.group()) ? REDACTED
                : m.group()));
    }

    /**
     * The exception itself when no message in its chain holds anything credential-shaped; otherwise a copy of the
     * chain with the messages redacted and the stack traces kept, for keeping as a cause that --verbose prints. The
     * copies are not of the SDK's types: read codes and types from the original first.
     */
    public static Throwable withoutSecrets(Throwable t) {
        if (t == null) {
            return null;
        }
        Throwable cause = t.getCause() == t ? null : withoutSecrets(t.getCause());
        String m = t.getMessage();
        if ((m == null || redact(m).equals(m)) && cause == t.getCause()) {
            return t;
        }
        Redacted copy = new Redacted(t.getClass().getName() + (m == null ? "" : ": " + redact(m)), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** An exception of the SDK's whose message held a credential-shaped value, as it reads without it. */
    static final class Redacted extends RuntimeException {
        Redacted(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    private static boolean looksLikeKey(String run) {
        return run.chars().anyMatch(Character::isUpperCase) && run.chars().anyMatch(Character::isLowerCase)
                && run.chars().anyMatch(Character::isDigit);
    }

    /**
     * Whether the SDK received an answer it could not read: JSON or XML that does not parse (an HTML page, a
     * body cut off) or exceeds the parser's limits. Asking again rarely helps, so it is not retried.
     */
    public static boolean unreadable(Throwable t) {
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof JsonProcessingException || e instanceof XMLStreamException) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    /** The parser's own message ("Unexpected character ('<' ...)"), without the SDK's wrapping. */
    private static String parseError(Throwable t) {
        Throwable parser = t;
        for (Throwable e = t; e != null; e = e.getCause()) {
            if (e instanceof JsonProcessingException || e instanceof XMLStreamException) {
                parser = e;
            }
        }
        String m = parser instanceof JsonProcessingException j ? j.getOriginalMessage() : parser.getMessage();
        return m == null ? parser.getClass().getSimpleName() : m;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof RenewableRoleCredentials.AssumeRoleFailed) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
