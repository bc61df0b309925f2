package io.github.imagebuildersql.emulator.auth;

import io.github.imagebuildersql.emulator.wire.HttpRequest;
import java.util.List;

/**
 * The parts of a SigV4 Authorization header:
 * {@code AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex}.
 */
public record SignedRequest(String accessKeyId, String scopeDate, String region, String service,
        List<String> signedHeaders, String signature) {

    private static final String ALGORITHM = "AWS4-HMAC-SHA256";

    /** The signature's parts, or null when the request carries no SigV4 Authorization header. */
    public static SignedRequest parse(HttpRequest request) {
        String auth = request.header("authorization");
        if (auth == null || !auth.startsWith(ALGORITHM + " ")) {
            return null;
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : auth.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                return null;
            }
            String value = p.substring(eq + 1);
            switch (p.substring(0, eq)) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return null;
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return null;
        }
        return new SignedRequest(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")),
                signature);
    }

    public String credentialScope() {
        return scopeDate + "/" + region + "/" + service + "/aws4_request";
    }
}
