package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files that appear whole or not at all: written under a temporary name beside their place, then renamed. */
final class AtomicFiles {
    private AtomicFiles() {}

    /** Puts a finished file in place of whatever was there; readers see the old file or the new one. */
    static void replace(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a temporary file if it is there; one that cannot be removed is named as temporary and harmless. */
    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // see above
        }
    }
}
