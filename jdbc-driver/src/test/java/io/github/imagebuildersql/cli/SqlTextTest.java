package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --file as people save SQL: from Windows editors, in other encodings, or a wrong path. */
class SqlTextTest {
    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @Test
    void aByteOrderMarkBeforeTheStatementIsDropped(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("q.sql"), bytes("\uFEFFselect 'é' as e"));
        assertEquals("select 'é' as e", SqlText.read(null, file, NO_STDIN));
        assertEquals("select 'é' as e", SqlText.read(null, Path.of("-"), new ByteArrayInputStream(bytes("\uFEFFselect 'é' as e"))));
    }

    @Test
    void textThatIsNotUtf8IsRefusedRatherThanChangedInItsLiterals(@TempDir Path dir) throws Exception {
        byte[] latin1 = "select name from imagebuilder_image where name = 'café'".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.sql"), latin1);
        assertEquals("--file " + file + ": not UTF-8 text; save it as UTF-8", refused(file, NO_STDIN));
        assertEquals("--file - (standard input): not UTF-8 text; save it as UTF-8",
                refused(Path.of("-"), new ByteArrayInputStream(latin1)));
    }

    @Test
    void aDirectoryOrAMissingFileIsNamed(@TempDir Path dir) {
        assertEquals("--file " + dir + " is a directory; name a file of SQL", refused(dir, NO_STDIN));
        Path missing = dir.resolve("missing.sql");
        assertEquals("--file " + missing + ": no such file", refused(missing, NO_STDIN));
    }

    private static String refused(Path file, InputStream stdin) {
        Failures.CliFailure e = assertThrows(Failures.CliFailure.class, () -> SqlText.read(null, file, stdin));
        assertEquals(ExitCode.USAGE, e.exitCode);
        return e.getMessage();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
