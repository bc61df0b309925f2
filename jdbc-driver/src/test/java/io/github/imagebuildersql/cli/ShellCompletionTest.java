package io.github.imagebuildersql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.DispatchCallback;
import sqlline.SqlLineParser;

/**
 * The shell's Tab, through sqlline's own completer and JLine's matching, against the demo estate: column names
 * complete on their own as well as after their table, and the expected candidates are what the connection's
 * DatabaseMetaData says.
 */
class ShellCompletionTest {
    private static String dumbBefore;
    private static InventoryShell shell;
    private static LineReader terminalReader;

    @TempDir
    static Path home;

    @BeforeAll
    static void connect() throws Exception {
        // No terminal under the build: JLine's dumb one, as it would fall back to, without its warning.
        dumbBefore = System.setProperty(TerminalBuilder.PROP_DUMB, "true");
        Properties demo = new Properties();
        demo.setProperty("demo", "true");
        String session = SessionDriver.register(demo);
        shell = new InventoryShell(session);
        shell.getOpts().setHistoryFile(home.resolve("history").toString()); // not the user's ~/.sqlline/history
        terminalReader = shell.getConsoleReader(null, new DefaultHistory());
        // as ShellCommand connects: metadata read at connection (no fast connect), no credentials asked for
        assertEquals(3, shell.runCommands(List.of("!set fastConnect false",
                "!set connectInteractionMode notAskCredentials", "!connect " + session + " \"\" \"\""),
                new DispatchCallback()));
    }

    @AfterAll
    static void close() throws IOException {
        shell.runCommands(List.of("!closeall"), new DispatchCallback());
        terminalReader.getTerminal().close();
        if (dumbBefore == null) {
            System.clearProperty(TerminalBuilder.PROP_DUMB);
        } else {
            System.setProperty(TerminalBuilder.PROP_DUMB, dumbBefore);
        }
    }

    @Test
    void anUnqualifiedColumnNameCompletes() throws Exception {
        assertEquals(Set.of("last_run_status"), columnsStartingWith("last_r"), "the fixture's schema");
        assertEquals("select last_run_status", tab("select last_r").completedLine());
        assertEquals("select name, last_run_status", tab("select name, last_r").completedLine());
        assertEquals("select name from imagebuilder_image_pipeline where last_run_status",
                tab("select name from imagebuilder_image_pipeline where last_r").completedLine());
    }

    @Test
    void aPrefixOfSeveralColumnsOffersEachOfThemWithSqllinesKeywords() throws Exception {
        Set<String> columns = columnsStartingWith("date_");
        assertTrue(columns.size() > 1, columns.toString());
        Tab tab = tab("select date_");
        assertTrue(tab.offered().containsAll(columns), tab.offered() + " lacks some of " + columns);
        Set<String> offeredColumns = tab.candidates.stream().filter(c -> "column".equals(c.descr()))
                .map(Candidate::value).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(columns, offeredColumns, "each column once, and nothing that is not one");

        Tab keyword = tab("select * fr");
        assertTrue(keyword.offered().contains("from") || keyword.offered().contains("FROM")
                || keyword.completedLine().equalsIgnoreCase("select * from"), "sqlline's own candidates remain: "
                + keyword.offered() + " " + keyword.completedLine());
    }

    @Test
    void aColumnAfterItsTableCompletesAsSqllineDoes() throws Exception {
        assertEquals("select imagebuilder_image_pipeline.last_run_status",
                tab("select imagebuilder_image_pipeline.last_r").completedLine());
    }

    @Test
    void sqllineCommandsAreNotOfferedColumns() throws Exception {
        Tab tab = tab("!describe last_r");
        assertFalse(tab.offered().contains("last_run_status") || tab.completedLine().contains("last_run_status"),
                tab.offered() + " " + tab.completedLine());
    }

    /** The demo schema's column names that start with the prefix, as DatabaseMetaData lists them. */
    private static Set<String> columnsStartingWith(String prefix) throws Exception {
        Set<String> names = new TreeSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:imagebuilder:demo=true");
                ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "%")) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME").startsWith(prefix)) {
                    names.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return names;
    }

    /** What one Tab at the end of the line does: completes it in place, or lists the candidates. */
    record Tab(String completedLine, List<Candidate> candidates) {
        Set<String> offered() {
            return candidates.stream().map(Candidate::value).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Tab tab(String line) throws IOException {
        Completing reader = new Completing();
        reader.setCompleter(((LineReaderImpl) terminalReader).getCompleter());
        return reader.tab(line);
    }

    /** JLine's reader with its Tab run on a line given, the candidates it would list kept rather than shown. */
    private static final class Completing extends LineReaderImpl {
        private List<Candidate> listed = List.of();

        Completing() throws IOException {
            super(terminalReader.getTerminal());
            parser = new SqlLineParser(shell);
            option(Option.DISABLE_EVENT_EXPANSION, true);
        }

        Tab tab(String line) {
            buf.clear();
            buf.write(line);
            buf.cursor(line.length());
            doComplete(CompletionType.Complete, true, true);
            return new Tab(buf.toString().stripTrailing(), listed);
        }

        @Override
        protected boolean doMenu(List<Candidate> original, String completed,
                BiFunction<CharSequence, Boolean, CharSequence> escaper) {
            listed = List.copyOf(original);
            return true;
        }
    }
}
