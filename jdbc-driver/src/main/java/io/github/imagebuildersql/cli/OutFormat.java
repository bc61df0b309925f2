package io.github.imagebuildersql.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which format a command writes to --out: the one --format names, else the one the file's extension names, else
 * the command's default. A --format that contradicts the extension is refused: a {@code report.html} holding a text
 * table, or a {@code .parquet} file holding CSV, is misread by whatever opens it next.
 */
final class OutFormat {
    private OutFormat() {}

    /** A format that files with these extensions (lower case, without the dot) are written in. */
    interface Named {
        List<String> extensions();
    }

    static <F extends Enum<F> & Named> F choose(F chosen, F fallback, Path out) {
        String extension = out == null ? "" : extension(out);
        F named = null;
        for (F f : fallback.getDeclaringClass().getEnumConstants()) {
            if (f.extensions().contains(extension)) {
                named = f;
            }
        }
        if (chosen == null) {
            return named != null ? named : fallback;
        }
        if (named != null && named != chosen) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--out " + out.getFileName() + " names a ." + extension
                    + " file but --format is " + chosen + "; use --format " + named + ", or a file name for "
                    + chosen);
        }
        return chosen;
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
