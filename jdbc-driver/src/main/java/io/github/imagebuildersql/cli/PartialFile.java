package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file being written ({@code --out}). A regular file, new or existing, is written under a temporary
 * name beside its place and put in place by {@link #commit} only when complete; otherwise it is removed (on close,
 * or by a shutdown hook when the run is interrupted), so a failed or interrupted run leaves the previous good file
 * where it was. A replaced file keeps its permissions (and group, where the user may give files that group); a new
 * one gets the permissions the umask gives any new file. A FIFO or a character device ({@code /dev/stdout}, a named
 * pipe a loader reads) is written directly, as the rows come: there is nothing to rename, and it is never replaced
 * by a regular file. A symbolic link is followed: its target is written by these rules and the link stays. Anything
 * else (a directory, a block device, a socket) is refused.
 *
 * <p>The temporary name, {@code .NAME.PID.N.partial}, says which process writes it: a run killed with SIGKILL
 * cannot remove its own, so the next run for the same file removes those whose process is gone.
 */
final class PartialFile implements AutoCloseable {
    /** File type bits of {@code st_mode}. */
    private static final int TYPE = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    /** Where the rows go: the temporary file, or the FIFO or device itself. */
    final Path path;
    private final String given;
    /** The file replaced or created, or the FIFO or device written; a link's target. */
    private final Path target;
    private final Thread cleanup;

    private PartialFile(Path path, String given, Path target) {
        this.path = path;
        this.given = given;
        this.target = target;
        this.cleanup = direct() ? null : new Thread(() -> AtomicFiles.deleteQuietly(path), "partial-file-cleanup");
        if (cleanup != null) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    /** Where {@code --out} is written, or a one-line refusal naming what it is. */
    static PartialFile beside(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(target)) {
            try {
                target = target.toRealPath();
            } catch (NoSuchFileException e) {
                throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out + " is a symbolic link to "
                        + Files.readSymbolicLink(target) + ", which does not exist; create it, or name another file");
            }
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out + " is a directory; name a file");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return new PartialFile(createPartial(target), out.toString(), target);
        }
        int type = fileType(target);
        if (type == FIFO || type == CHARACTER_DEVICE) {
            return new PartialFile(target, out.toString(), target);
        }
        throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out + " is " + (type == BLOCK_DEVICE ? "a block device"
                : type == SOCKET ? "a socket" : "not a regular file") + "; only regular files, FIFOs and character "
                + "devices are written");
    }

    /** Whether the rows go straight to a FIFO or a device, whose reader sees them as they are written. */
    boolean direct() {
        return path.equals(target);
    }

    /** What a run that does not commit leaves the target as, for its message. */
    String leftAs() {
        return direct() ? given + " received an incomplete output" : given + " was left as it was";
    }

    /**
     * Puts the finished file in place of whatever was there, with that file's permissions; a group that cannot be
     * kept (the user is not in it) is said on {@code err}, since the readers of that group lose the file.
     */
    void commit(PrintWriter err) throws IOException {
        if (direct()) {
            return;
        }
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            keepAccess(err);
        }
        AtomicFiles.replace(path, target);
    }

    @Override
    public void close() {
        if (direct()) {
            return;
        }
        AtomicFiles.deleteQuietly(path);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook does the cleanup
        }
    }

    private void keepAccess(PrintWriter err) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return; // not a POSIX file system: nothing to keep
        }
        PosixFileAttributes old = view.readAttributes();
        PosixFileAttributeView written = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        written.setPermissions(old.permissions());
        GroupPrincipal group = old.group();
        if (!group.equals(written.readAttributes().group())) {
            try {
                written.setGroup(group);
            } catch (IOException e) {
                err.println("warning: " + given + " was group " + group.getName() + ", which this user cannot give "
                        + "files; the new one is group " + written.readAttributes().group().getName());
            }
        }
    }

    /**
     * A new, empty file beside the target, named {@code .NAME.N.partial}. Created as any new file is, so its
     * permissions follow the umask. When it replaces a file, it is opened to no one the file is not opened to
     * before anything is written to it (the owner may still write it); {@link #commit} gives it the file's own.
     */
    private static final String SUFFIX = ".partial";

    private static Path createPartial(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        removeLeftovers(target.toAbsolutePath().getParent(), prefix);
        while (true) {
            Path partial = target.resolveSibling(prefix + ProcessHandle.current().pid() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
            try {
                Files.createFile(partial);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Set<PosixFilePermission> open = Files.getPosixFilePermissions(partial);
                    open.retainAll(Files.getPosixFilePermissions(target));
                    open.addAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                    Files.setPosixFilePermissions(partial, open);
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            return partial;
        }
    }

    /** The partial files of this output whose process is gone. */
    static void removeLeftovers(Path dir, String prefix) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> {
            String name = f.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(SUFFIX);
        })) {
            for (Path f : files) {
                String rest = f.getFileName().toString().substring(prefix.length());
                int dot = rest.indexOf('.');
                try {
                    if (dot > 0 && ProcessHandle.of(Long.parseLong(rest.substring(0, dot))).isEmpty()) {
                        AtomicFiles.deleteQuietly(f);
                    }
                } catch (NumberFormatException e) {
                    // not a name this class gives
                }
            }
        }
    }

    private static int fileType(Path p) throws IOException {
        try {
            return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 0; // no st_mode to read: not a file type written
        }
    }
}
