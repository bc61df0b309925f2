package io.github.imagebuildersql.emulator.auth;

import java.time.Instant;

/**
 * Who an access key belongs to. Temporary keys from AssumeRole carry a session token and an expiry.
 */
public record Identity(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        String account, String arn, String userId) {

    public boolean isTemporary() {
        return sessionToken != null;
    }

    @Override
    public String toString() {
        return "Identity[accessKeyId=" + accessKeyId + ", account=" + account + ", arn=" + arn + "]";
    }
}
