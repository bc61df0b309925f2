package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The AppCDS archive of this jar's classes for one JVM, in {@code ${XDG_CACHE_HOME:-~/.cache}/imagebuilder-sql}.
 *
 * <p>Its name says which jar (path, size, time) and which JDK (home, its {@code release} file) it was
 * recorded for, so a rebuilt jar or an updated JDK never maps a stale one (bin/imagebuilder-sql is told the
 * name by the launcher: see {@link Launcher#launchFile}). An archive is trusted only beside its {@code .ok} file, which holds the size
 * the archive had when a complete, successful run recorded it: an archive that was cut short, or never
 * finished, or was recorded by a run that ended early (its output piped into {@code head}), is never
 * trusted, and the next run records a new one.
 */
final class ClassArchive {
    /** Names the file the recording child creates once its command completed and its output was written. */
    static final String RECORDING_COMPLETE_PROPERTY = "imagebuilder.cds.recording-complete";

    private final Path dir;
    private final String prefix;
    private final String name;

    private ClassArchive(Path dir, String prefix, String name) {
        this.dir = dir;
        this.prefix = prefix;
        this.name = name;
    }

    static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("imagebuilder-sql");
    }

    /** The archive for this jar on the JDK at javaHome, both given as real paths. */
    static ClassArchive of(Path dir, Path jar, Path javaHome) throws IOException {
        String location = jar + "\n" + javaHome + "\n";
        Path release = javaHome.resolve("release");
        String version = Files.size(jar) + "\n" + seconds(jar) + "\n"
                + (Files.exists(release) ? Files.size(release) + "\n" + seconds(release) + "\n" : "none\n");
        String prefix = checksum(location);
        return new ClassArchive(dir, prefix, prefix + "-" + checksum(location + version));
    }

    Path archive() {
        return dir.resolve(name + ".jsa");
    }

    private Path okFile() {
        return dir.resolve(name + ".jsa.ok");
    }

    /** Whether the archive is the whole of what a complete run recorded. */
    boolean trusted() {
        try {
            return Files.size(archive()) > 0
                    && Files.readString(okFile(), StandardCharsets.US_ASCII).trim().equals(String.valueOf(Files.size(archive())));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** A recording under a temporary name of its own, or null when the cache directory cannot be written. */
    Recording startRecording() {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, name + ".", ".jsa.tmp");
            // The JVM writes the archive itself at exit; an empty file in its place would only be replaced.
            Files.delete(file);
            return new Recording(file, dir.resolve(file.getFileName() + ".complete"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** One run recording the archive: the JVM writes {@code file} at exit, the run writes {@code complete}. */
    final class Recording {
        final Path file;
        final Path complete;

        private Recording(Path file, Path complete) {
            this.file = file;
            this.complete = complete;
        }

        /**
         * Keeps the recording as the archive when its run exited 0 after saying it completed, and says whether
         * it did; discards it otherwise. Never fails the command: at worst the next run records again.
         */
        boolean finish(int exitCode) {
            try {
                if (exitCode == 0 && Files.exists(complete) && Files.exists(file) && Files.size(file) > 0) {
                    long size = Files.size(file);
                    Files.deleteIfExists(okFile());
                    AtomicFiles.replace(file, archive());
                    Path ok = Files.createTempFile(dir, name + ".", ".ok.tmp");
                    Files.writeString(ok, size + "\n", StandardCharsets.US_ASCII);
                    AtomicFiles.replace(ok, okFile());
                    removeOtherVersions();
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // the cache is an optimisation; the command's own result stands
            } finally {
                AtomicFiles.deleteQuietly(file);
                AtomicFiles.deleteQuietly(complete);
            }
            return false;
        }
    }

    /** Archives of this jar path and JDK home for an older jar or JDK, and recordings abandoned long ago. */
    private void removeOtherVersions() throws IOException {
        long dayAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "-*")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                boolean stale = !n.startsWith(name + ".");
                boolean abandoned = n.endsWith(".tmp") || n.endsWith(".complete");
                if (stale || abandoned && Files.getLastModifiedTime(f).toMillis() < dayAgo) {
                    AtomicFiles.deleteQuietly(f);
                }
            }
        }
    }

    private static long seconds(Path f) throws IOException {
        return Files.getLastModifiedTime(f).to(TimeUnit.SECONDS);
    }

    /**
     * A CRC-32 of the text, in decimal. A cache key, not a secret: SHA-256 would cost a cold JVM about 35 ms of
     * security-provider set-up on every run, and an archive mapped by mistake is only refused by the JVM,
     * which checks the jar and JDK itself.
     */
    static String checksum(String s) {
        CRC32 crc = new CRC32();
        crc.update(s.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }
}
