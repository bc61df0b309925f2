package io.github.imagebuildersql.emulator.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-evident pagination tokens. A token is bound to the listing that issued it (operation,
 * caller's partition and request parameters): any other use, an edited token, or one from another
 * emulator instance is rejected, as AWS rejects tokens it did not issue for that request.
 */
final class PageTokens {
    private final byte[] key = new byte[32];

    PageTokens() {
        new SecureRandom().nextBytes(key);
    }

    String issue(String listing, int offset) {
        byte[] mac = mac(listing, offset);
        ByteBuffer buf = ByteBuffer.allocate(4 + mac.length).putInt(offset).put(mac);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /** The offset a token stands for, or -1 when the token was not issued for this listing. */
    int offset(String listing, String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (raw.length != 4 + 32) {
            return -1;
        }
        ByteBuffer buf = ByteBuffer.wrap(raw);
        int offset = buf.getInt();
        byte[] mac = new byte[32];
        buf.get(mac);
        return offset >= 0 && MessageDigest.isEqual(mac, mac(listing, offset)) ? offset : -1;
    }

    private byte[] mac(String listing, int offset) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(listing.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(ByteBuffer.allocate(4).putInt(offset).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
