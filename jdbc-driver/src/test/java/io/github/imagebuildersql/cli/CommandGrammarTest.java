package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' options, as a user meets them: in help, and in what a mistyped command line is told. */
class CommandGrammarTest {

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandsHelpListsItsOwnOptionsThenTheConnectionsInOrder() {
        Map<String, List<String>> options = Map.of(
                "query", List.of("SQL", "--url=JDBC_URL", "--demo", "--verbose", "--format=table|csv|json",
                        "--file=FILE", "-h, --help", "-V, --version", "--regions=VALUE"),
                "export", List.of("SQL", "--url=JDBC_URL", "--demo", "--verbose", "--out=FILE",
                        "--format=csv|jsonl|parquet", "--[no-]progress", "--table=NAME", "--file=FILE", "-h, --help",
                        "-V, --version", "--regions=VALUE"),
                "sync", List.of("--url=JDBC_URL", "--demo", "--verbose", "--to=JDBC_URL", "--schema=NAME",
                        "--table=NAME", "-h, --help", "-V, --version", "--regions=VALUE"),
                "shell", List.of("--url=JDBC_URL", "--demo", "--verbose", "--history=FILE", "-h, --help",
                        "-V, --version", "--regions=VALUE"),
                "check", List.of("--url=JDBC_URL", "--demo", "--verbose", "--benchmark=NAME", "--control=ID",
                        "--param=NAME=VALUE", "--format=table|csv|json|junit|html", "--out=FILE", "--controls-dir=DIR",
                        "-h, --help", "-V, --version", "--regions=VALUE"));
        options.forEach((command, expected) -> {
            Run help = run(command, "--help");
            assertEquals(0, help.exit(), help.err());
            int at = -1;
            for (String option : expected) {
                int next = help.out().indexOf(option, at + 1);
                assertTrue(next > at, command + " --help: " + option + " after the option before it:\n" + help.out());
                at = next;
            }
            assertTrue(!help.out().contains("--timing") && !help.out().contains("--load"), "hidden options stay hidden");
        });
        Run root = run("--help");
        assertTrue(root.out().startsWith("Usage: imagebuilder-sql [-hV] [COMMAND]"), root.out());
        for (String command : List.of("query", "export", "sync", "check", "shell", "help")) {
            assertTrue(root.out().contains("\n  " + command + " "), command + " in:\n" + root.out());
        }
        assertEquals(0, run("help", "export").exit());
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"query", "--version"},
                new String[] {"sync", "-V"})) {
            Run r = run(args);
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().startsWith("imagebuilder-sql "), r.out());
        }
    }

    @Test
    void aMistypedCommandLineIsToldWhatIsMissingOrClashing() {
        Map<List<String>, String> told = Map.of(
                List.of("query", "--demo"), "Missing required argument (specify one of these): (SQL | --file=FILE)",
                List.of("query", "select 1", "--file", "q.sql"), "SQL, --file=FILE are mutually exclusive",
                List.of("export", "--out", "x.csv"), "(SQL | --table=NAME | --file=FILE)",
                List.of("export", "--out", "x.csv", "--table", "a", "--file", "b"),
                "--table=NAME, --file=FILE are mutually exclusive",
                List.of("export", "--table", "a"), "Missing required option: '--out=FILE'",
                List.of("export", "--out", "x", "--format", "xml", "select 1"),
                "expected one of [csv, jsonl, parquet] (case-insensitive) but was 'xml'",
                List.of("sync", "--demo"), "Missing required option: '--to=JDBC_URL'",
                List.of("shell", "--history"), "Missing required parameter for option '--history' (FILE)",
                List.of("report"), "Unmatched argument at index 0: 'report'");
        told.forEach((args, message) -> {
            Run r = run(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE, r.exit(), args + ": " + r.err());
            assertTrue(r.err().startsWith("imagebuilder-sql: ") && r.err().contains(message), args + ": " + r.err());
            assertEquals(2, r.err().lines().count(), "the error and where help is: " + r.err());
            assertEquals("", r.out());
        });
    }

    @Test
    void aFormatThatContradictsTheOutFilesNameIsRefusedBeforeAnythingIsWritten(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("pipelines.csv"), "the previous export\n");
        Path xml = dir.resolve("check.xml");
        Map<List<String>, String> told = Map.of(
                List.of("export", "--table", "imagebuilder_image_pipeline", "--format", "parquet", "--out", csv.toString()),
                "--out pipelines.csv names a .csv file but --format is parquet; use --format csv, or a file name for parquet",
                List.of("check", "--format", "html", "--out", xml.toString()),
                "--out check.xml names a .xml file but --format is html; use --format junit, or a file name for html");
        told.forEach((args, message) -> {
            Run r = run(args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE, r.exit(), args + ": " + r.err());
            assertEquals("imagebuilder-sql: " + message, r.err().strip());
            assertEquals("", r.out());
        });
        assertEquals("the previous export\n", Files.readString(csv));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(csv), files.toList(), "no report and no temporary file");
        }
    }
}
