package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
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
 * new one gets the umask's, a FIFO or a character device is written as the rows come and stays what it is, a
 * symbolic link is followed, a socket is refused, and nothing but a regular file is ever replaced.
 */
class ExportTargetIT {
    static final String TABLE = "imagebuilder_image_pipeline";
    /** The demo estate's pipelines, and the CSV's header. */
    static final int LINES = 13;
    static final int TYPE = 0170000;
    static final int FIFO = 0010000;
    static final int CHARACTER_DEVICE = 0020000;
    static final int SOCKET = 0140000;

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

    /**
     * A character device is written, never replaced: run as root, a replace turned {@code /dev/full} into a regular
     * file holding the export. As root the test writes a null device of its own (so that a regression harms only
     * that); as anyone else {@code /dev/null}, which a regression could not replace.
     */
    @Test
    void aCharacterDeviceIsWrittenDirectly(@TempDir Path dir) throws Exception {
        Path device = Path.of("/dev/null");
        if (System.getProperty("user.name").equals("root")) {
            device = dir.resolve("null");
            Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").inheritIO().start();
            Assumptions.assumeTrue(mknod.waitFor() == 0, "mknod is allowed here");
        }
        Assumptions.assumeTrue((mode(device) & TYPE) == CHARACTER_DEVICE, device + " is a character device here");
        Jar.Result r = export(device);
        assertEquals(0, r.exit(), r.err());
        assertEquals(CHARACTER_DEVICE, mode(device) & TYPE, "still a character device");
        assertEquals(0, Files.size(device), "a null device, written through");
        if (!device.startsWith("/dev")) {
            assertEquals(List.of(device), files(dir), "no temporary file");
        }
    }

    @Test
    void aSocketIsRefusedAndLeftAsItWas(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("s.csv");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Jar.Result r = export(socket);
            assertEquals(2, r.exit(), r.err());
            assertEquals(List.of("imagebuilder-sql: --out " + socket + " is a socket; only regular files, FIFOs and "
                    + "character devices are written"), r.errLines());
            assertEquals(SOCKET, mode(socket) & TYPE, "still the socket");
            assertEquals(List.of(socket), files(dir), "no temporary file");
        }
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
