package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code export --out} does to what it writes over: a regular file is replaced whole and keeps its mode, a
 * new one gets the umask's, a FIFO is written as the rows come and stays a FIFO, a symbolic link is followed, and
 * nothing but a regular file is ever replaced.
 */
class ExportTargetIT {
    static final String TABLE = "imagebuilder_image_pipeline";
    /** The demo estate's pipelines, and the CSV's header. */
    static final int LINES = 13;
    static final int TYPE = 0170000;
    static final int FIFO = 0010000;

    private static Jar.Result export(Path out) {
        return Jar.run("export", "--demo", "--table", TABLE, "--out", out.toString());
    }

    @Test
    void aFifoIsWrittenAsTheRowsComeAndStaysAFifo(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipelines.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo");
        CompletableFuture<String> reader = new CompletableFuture<>();
        Thread read = new Thread(() -> {
            try {
                reader.complete(Files.readString(fifo)); // blocks until the export opens the FIFO
            } catch (IOException e) {
                reader.completeExceptionally(e);
            }
        }, "fifo-reader");
        read.setDaemon(true);
        read.start();
        Jar.Result r = export(fifo);
        assertEquals(0, r.exit(), r.err());
        assertEquals(LINES, reader.get(60, TimeUnit.SECONDS).lines().count(), "the reader got the whole export");
        assertEquals(FIFO, mode(fifo) & TYPE, "still a FIFO, not a regular file put in its place");
        assertEquals(List.of(fifo), files(dir), "no temporary file");
    }

    @Test
    void aSymbolicLinkIsFollowedItsTargetReplacedAndTheLinkKept(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("data")).resolve("pipelines.csv");
        Files.writeString(real, "yesterday\n");
        Path link = Files.createSymbolicLink(dir.resolve("current.csv"), Path.of("data", "pipelines.csv"));
        Jar.Result r = export(link);
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of("data", "pipelines.csv"), Files.readSymbolicLink(link));
        assertEquals(LINES, Files.readAllLines(real, StandardCharsets.UTF_8).size(), "the link's target has the export");
        assertEquals(List.of(link, dir.resolve("data")), files(dir));
        assertEquals(List.of(real), files(dir.resolve("data")));
    }

    @Test
    void aLinkToNothingIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("current.csv"), Path.of("missing.csv"));
        Jar.Result r = export(link);
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("imagebuilder-sql: --out " + link + " is a symbolic link to missing.csv, which does not "
                + "exist; create it, or name another file"), r.errLines());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of(link), files(dir));
    }

    @Test
    void aReplacedFileKeepsItsModeAndANewOneFollowsTheUmask(@TempDir Path dir) throws Exception {
        Path shared = dir.resolve("shared.csv");
        for (String mode : List.of("rw-r--r--", "rw-r-----", "rw-------")) {
            Files.writeString(shared, "yesterday\n");
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString(mode));
            Jar.Result r = export(shared);
            assertEquals(0, r.exit(), r.err());
            assertEquals(LINES, Files.readAllLines(shared).size());
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)), "kept");
        }
        Path fresh = dir.resolve("new.csv");
        Jar.Result r = export(fresh);
        assertEquals(0, r.exit(), r.err());
        Set<PosixFilePermission> expected = PosixFilePermissions.fromString("rw-rw-rw-");
        expected.removeAll(umask());
        assertEquals(PosixFilePermissions.toString(expected),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)), "as any new file of this umask");
    }

    /** The umask the test JVM has, which the export's process inherits. */
    private static Set<PosixFilePermission> umask() throws IOException {
        Path status = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isReadable(status), "the umask is read from /proc");
        String octal = Files.readAllLines(status).stream().filter(l -> l.startsWith("Umask:")).findFirst()
                .orElseThrow(() -> new AssertionError("no Umask in " + status)).substring(6).trim();
        int mask = Integer.parseInt(octal, 8);
        String rwx = "rwxrwxrwx";
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            bits.append((mask & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(bits.toString());
    }

    private static int mode(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Path> files(Path dir) {
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
