package io.github.imagebuildersql.emulator.auth;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fixture's long-term key and every temporary key AssumeRole has issued. */
public final class CredentialStore {
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final Map<String, Identity> byAccessKey = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public CredentialStore(Fixture.BaseCredentials base) {
        byAccessKey.put(base.accessKeyId(), new Identity(base.accessKeyId(), base.secretAccessKey(), null, null,
                base.account(), "arn:aws:iam::" + base.account() + ":user/emulator", "AIDA" + randomKey(16)));
    }

    public java.util.List<Identity> issued() {
        return byAccessKey.values().stream().filter(Identity::isTemporary).toList();
    }

    public Identity find(String accessKeyId) {
        return byAccessKey.get(accessKeyId);
    }

    public Identity issue(String account, String roleName, String sessionName, Instant now, Duration lifetime) {
        String roleId = "AROA" + randomKey(17);
        Identity identity = new Identity("ASIA" + randomKey(16), randomSecret(30), randomSecret(96),
                now.plus(lifetime), account,
                "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName,
                roleId + ":" + sessionName);
        byAccessKey.put(identity.accessKeyId(), identity);
        return identity;
    }

    private String randomKey(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        return sb.toString();
    }

    private String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
