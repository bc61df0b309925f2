package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a command's SQL comes from: the argument itself, or --file (a path, or - for stdin). */
final class SqlText {
    /** What some Windows editors put before UTF-8 text; Calcite's lexer refuses it. */
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private SqlText() {}

    static String read(String sql, Path file, InputStream stdin) throws IOException {
        if (file == null) {
            if (sql.startsWith("-") && !looksLikeSql(sql)) {
                throw new Failures.CliFailure(ExitCode.USAGE, "unknown option '" + sql + "'; see --help");
            }
            return sql;
        }
        boolean stdinNamed = file.toString().equals("-");
        String where = "--file " + (stdinNamed ? "- (standard input)" : file);
        if (!stdinNamed && Files.isDirectory(file)) {
            throw new Failures.CliFailure(ExitCode.USAGE, where + " is a directory; name a file of SQL");
        }
        byte[] bytes;
        try {
            bytes = stdinNamed ? stdin.readAllBytes() : Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Failures.CliFailure(ExitCode.USAGE, where + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Failures.CliFailure(ExitCode.USAGE, where + ": permission denied; it cannot be read");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // decoding with replacement would change the statement's string literals without a word
            throw new Failures.CliFailure(ExitCode.USAGE, where + ": not UTF-8 text; save it as UTF-8");
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
