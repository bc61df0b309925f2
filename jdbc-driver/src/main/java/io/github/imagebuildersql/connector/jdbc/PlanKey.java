package io.github.imagebuildersql.connector.jdbc;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may have written a plan cache's entries: the directory must belong to the user and be writable by
 * nobody else, an entry and the key must belong to the user and be private, and an entry's last bytes must
 * be the HMAC-SHA256 of the rest under the key, 32 random bytes in the file {@code key} of the directory.
 * Where file ownership cannot be read (a file system without POSIX attributes) nothing is trusted.
 */
final class PlanKey {
    static final String FILE = "key";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final Path dir;

    PlanKey(Path dir) {
        this.dir = dir;
    }

    /** The entry without its MAC, or null when it is not the user's alone or not signed by the user's key. */
    byte[] authenticated(Path entry) throws IOException, GeneralSecurityException {
        if (!trustedDirectory() || !privateFile(entry) || !privateFile(dir.resolve(FILE))) {
            return null;
        }
        byte[] bytes = Files.readAllBytes(entry);
        if (bytes.length < MAC_LENGTH) {
            return null;
        }
        byte[] content = Arrays.copyOf(bytes, bytes.length - MAC_LENGTH);
        byte[] mac = Arrays.copyOfRange(bytes, bytes.length - MAC_LENGTH, bytes.length);
        return MessageDigest.isEqual(mac(Files.readAllBytes(dir.resolve(FILE)), content), mac) ? content : null;
    }

    /** The entry with its MAC, under the directory's key (made now if there is none). */
    byte[] signed(byte[] content) throws IOException, GeneralSecurityException {
        byte[] mac = mac(key(), content);
        byte[] entry = Arrays.copyOf(content, content.length + MAC_LENGTH);
        System.arraycopy(mac, 0, entry, content.length, MAC_LENGTH);
        return entry;
    }

    /** Makes the directory (private) when it is missing; whether entries may be written to it. */
    boolean prepareDirectory() throws IOException {
        if (!Files.exists(dir)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // made by another process meanwhile: checked below like any other
            }
        }
        return trustedDirectory();
    }

    private byte[] key() throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(dir, "key-", ".tmp"); // private, as temporary files are made
            try {
                Files.write(temporary, key);
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                // another process made one first: its key is the one
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        if (!privateFile(file)) {
            throw new IOException(file + " is not the user's own private file");
        }
        return Files.readAllBytes(file);
    }

    private static byte[] mac(byte[] key, byte[] content) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(ALGORITHM);
        mac.init(new SecretKeySpec(key, ALGORITHM));
        return mac.doFinal(content);
    }

    private boolean trustedDirectory() {
        PosixFileAttributes a = attributes(dir, false);
        return a != null && a.isDirectory() && ownedByUser(a)
                && !a.permissions().contains(PosixFilePermission.GROUP_WRITE)
                && !a.permissions().contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static boolean privateFile(Path file) {
        PosixFileAttributes a = attributes(file, true);
        return a != null && a.isRegularFile() && ownedByUser(a) && OWNER_ONLY.containsAll(a.permissions());
    }

    private static boolean ownedByUser(PosixFileAttributes a) {
        return a.owner().getName().equals(System.getProperty("user.name"));
    }

    private static PosixFileAttributes attributes(Path p, boolean noFollow) {
        try {
            return noFollow ? Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    : Files.readAttributes(p, PosixFileAttributes.class);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
