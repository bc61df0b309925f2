package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a command's SQL comes from: the argument itself, or --file (a path, or - for stdin). */
final class SqlText {
    private SqlText() {}

    static String read(String sql, Path file, InputStream stdin) throws IOException {
        if (file == null) {
            if (sql.startsWith("-") && !looksLikeSql(sql)) {
                throw new Failures.CliFailure(ExitCode.USAGE, "unknown option '" + sql + "'; see --help");
            }
            return sql;
        }
        if (file.toString().equals("-")) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Failures.CliFailure(ExitCode.USAGE, "--file " + file + ": no such file");
        }
    }

    /**
     * SQL may begin with a {@code --} comment, which looks like an option to the parser; an argument
     * with whitespace in it is SQL, while a lone unknown {@code --word} is a mistyped option.
     */
    private static boolean looksLikeSql(String arg) {
        return arg.chars().anyMatch(Character::isWhitespace);
    }
}
