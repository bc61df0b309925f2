package io.github.imagebuildersql.emulator.auth;

import io.github.imagebuildersql.emulator.wire.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recomputes a request's Signature Version 4 the way AWS does and says why it is refused, if it is.
 * The order of checks follows real endpoints: an unknown key or an expired token is reported before a
 * bad signature.
 */
public final class SigV4Verifier {

    /** Why a request was refused; each protocol turns it into its own error code. */
    public enum Failure { MISSING_AUTHENTICATION, UNKNOWN_KEY, EXPIRED_TOKEN, BAD_SIGNATURE, SIGNATURE_EXPIRED }

    public static final class Refused extends Exception {
        private final Failure failure;

        Refused(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final CredentialStore credentials;

    public SigV4Verifier(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /**
     * @param now the clock temporary credentials expire by (tests move it forward)
     * @param wallClock the real time, which a signature's own timestamp must be within 15 minutes of
     */
    public Identity verify(HttpRequest request, SignedRequest signed, Instant now, Instant wallClock) throws Refused {
        if (signed == null) {
            throw new Refused(Failure.MISSING_AUTHENTICATION,
                    "Request is missing Authentication Token");
        }
        Identity identity = credentials.find(signed.accessKeyId());
        if (identity == null) {
            throw new Refused(Failure.UNKNOWN_KEY, "The security token included in the request is invalid.");
        }
        if (identity.isTemporary()) {
            String token = request.header("x-amz-security-token");
            if (token == null || !MessageDigest.isEqual(bytes(token), bytes(identity.sessionToken()))) {
                throw new Refused(Failure.UNKNOWN_KEY, "The security token included in the request is invalid.");
            }
            if (!now.isBefore(identity.expiration())) {
                throw new Refused(Failure.EXPIRED_TOKEN, "The security token included in the request is expired");
            }
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || !amzDate.startsWith(signed.scopeDate())) {
            throw new Refused(Failure.BAD_SIGNATURE,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP");
        }
        String expected = signature(request, signed, amzDate, identity.secretAccessKey());
        if (!MessageDigest.isEqual(bytes(expected), bytes(signed.signature()))) {
            throw new Refused(Failure.BAD_SIGNATURE, "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw new Refused(Failure.BAD_SIGNATURE, "Invalid X-Amz-Date " + amzDate);
        }
        if (Duration.between(signedAt, wallClock).abs().compareTo(MAX_SKEW) > 0) {
            throw new Refused(Failure.SIGNATURE_EXPIRED, "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(wallClock.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(wallClock) + " - 15 min.)");
        }
        return identity;
    }

    static String signature(HttpRequest request, SignedRequest signed, String amzDate, String secret) {
        String canonicalRequest = request.method() + "\n"
                + canonicalUri(request.rawPath()) + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + canonicalHeaders(request, signed.signedHeaders()) + "\n"
                + String.join(";", signed.signedHeaders()) + "\n"
                + payloadHash(request);
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + signed.credentialScope() + "\n"
                + hex(sha256(bytes(canonicalRequest)));
        return hex(hmac(signingKey(secret, signed), stringToSign));
    }

    /**
     * The key derived from a secret for one day, region and service: four HMACs that every request of a
     * partition would repeat, so they are remembered (as AWS's SDKs remember them on their side).
     */
    private static byte[] signingKey(String secret, SignedRequest signed) {
        String scope = secret + "/" + signed.scopeDate() + "/" + signed.region() + "/" + signed.service();
        byte[] cached = SIGNING_KEYS.get(scope);
        if (cached != null) {
            return cached;
        }
        byte[] key = hmac(bytes("AWS4" + secret), signed.scopeDate());
        key = hmac(key, signed.region());
        key = hmac(key, signed.service());
        key = hmac(key, "aws4_request");
        if (SIGNING_KEYS.size() >= MAX_SIGNING_KEYS) {
            SIGNING_KEYS.clear(); // a crude bound: at most one re-derivation per scope after a clear
        }
        SIGNING_KEYS.put(scope, key);
        return key;
    }

    private static final int MAX_SIGNING_KEYS = 100_000;
    private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** Services other than S3 sign the path encoded once more than it was sent. */
    private static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        return encode(rawPath, false);
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = HttpRequest.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : HttpRequest.decode(pair.substring(eq + 1));
            params.add(new String[] {encode(name, true), encode(value, true)});
        }
        params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : params) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    private static String canonicalHeaders(HttpRequest request, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            List<String> trimmed = new ArrayList<>();
            for (String v : values) {
                trimmed.add(SPACES.matcher(v.trim()).replaceAll(" "));
            }
            sb.append(name).append(':').append(String.join(",", trimmed)).append('\n');
        }
        return sb.toString();
    }

    private static String payloadHash(HttpRequest request) {
        String declared = request.header("x-amz-content-sha256");
        return declared != null ? declared : hex(sha256(request.body()));
    }

    /** RFC 3986 percent-encoding as SigV4 defines it: unreserved characters stay, all else is %XX. */
    private static String encode(String s, boolean encodeSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes(s)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(HEX_DIGITS[(b >> 4) & 0xf]).append(HEX_DIGITS[b & 0xf]);
            }
        }
        return sb.toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
