package io.github.imagebuildersql.cli;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.completer.AggregateCompleter;
import sqlline.SqlLine;

/**
 * sqlline, whose completion also offers the inventory's column names on their own. sqlline 1.12 completes
 * keywords, schemas and tables anywhere, but a column only after its table and a dot
 * ({@code imagebuilder_image_pipeline.last_r<Tab>}), and a select list names its columns before its table:
 * {@code select last_r<Tab>} found nothing.
 */
final class InventoryShell extends SqlLine {
    private final String sessionUrl;
    private List<String> columns;
    private boolean completesColumns;

    /** {@code sessionUrl} is the URL sqlline connects with, whose default schema's columns are offered. */
    InventoryShell(String sessionUrl) {
        this.sessionUrl = sessionUrl;
    }

    /** sqlline's reader, which gives a terminal's reader its completer; ours is added beside sqlline's own. */
    @Override
    public LineReader getConsoleReader(InputStream inputStream, History history) throws IOException {
        LineReader reader = super.getConsoleReader(inputStream, history);
        if (!completesColumns && reader instanceof LineReaderImpl terminal && terminal.getCompleter() != null) {
            terminal.setCompleter(new AggregateCompleter(terminal.getCompleter(), new ColumnNames()));
            completesColumns = true;
        }
        return reader;
    }

    /** The column names of the tables in the connection's schema, read once, when first asked for. */
    private synchronized List<String> columns() {
        if (columns == null) {
            TreeSet<String> names = new TreeSet<>();
            try (Connection c = DriverManager.getConnection(sessionUrl);
                    ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "%", "%")) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME"));
                }
            } catch (SQLException e) {
                return List.of(); // completion offers what it can; the next Tab asks again
            }
            columns = List.copyOf(names);
        }
        return columns;
    }

    /** Column names wherever SQL is typed; sqlline's own commands ({@code !tables}) complete as sqlline says. */
    private final class ColumnNames implements Completer {
        @Override
        public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
            String typed = reader.getBuffer().toString();
            if (typed.startsWith(COMMAND_PREFIX) && !typed.startsWith(COMMAND_PREFIX + "all")
                    && !typed.startsWith(COMMAND_PREFIX + "sql")) {
                return; // the same test as sqlline's completer, which hands such lines to its command completer
            }
            for (String name : columns()) {
                candidates.add(new Candidate(name, name, null, "column", null, null, true));
            }
        }
    }
}
