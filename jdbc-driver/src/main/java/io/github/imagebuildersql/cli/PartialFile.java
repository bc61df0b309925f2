package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output file being written: under a temporary name beside its place, put in place by {@link #commit()}
 * only when complete, and removed otherwise (on close, or by a shutdown hook when the run is interrupted), so
 * a failed or interrupted run leaves the previous good file where it was. The temporary name,
 * {@code .NAME.PID.N.partial}, says which process writes it: a run killed with SIGKILL cannot remove its own,
 * so the next run for the same file removes those whose process is gone.
 */
final class PartialFile implements AutoCloseable {
    final Path path;
    private final Path target;
    private final Thread cleanup;

    private PartialFile(Path path, Path target) {
        this.path = path;
        this.target = target;
        this.cleanup = new Thread(() -> AtomicFiles.deleteQuietly(path), "partial-file-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** A temporary file beside {@code out}, which must name a file in a directory that exists. */
    static PartialFile beside(Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out + ": directory " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out + " is a directory; name a file");
        }
        String prefix = "." + target.getFileName() + ".";
        removeLeftovers(dir, prefix);
        return new PartialFile(Files.createTempFile(dir, prefix + ProcessHandle.current().pid() + ".", SUFFIX), target);
    }

    private static final String SUFFIX = ".partial";

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

    /** Puts the finished file in place of whatever was there. */
    void commit() throws IOException {
        AtomicFiles.replace(path, target);
    }

    @Override
    public void close() {
        AtomicFiles.deleteQuietly(path);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // already shutting down: the hook does the cleanup
        }
    }
}
