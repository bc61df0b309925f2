package io.github.imagebuildersql.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.core.row.SdkJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The output formats; each streams rows as they arrive except {@code table}, which must see them all to align. */
enum ResultFormat {
    /** Aligned for a terminal. */
    TABLE {
        @Override
        long write(ResultSet rs, Writer out, RowCounter counter) throws SQLException, IOException {
            List<Values.Column> columns = Values.columns(rs.getMetaData());
            List<String[]> rows = new ArrayList<>();
            boolean cut = false;
            while (rs.next()) {
                String[] row = new String[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    String text = Values.text(Values.read(rs, i + 1, columns.get(i)));
                    row[i] = text == null ? "NULL" : cell(text);
                    cut |= text != null && row[i].length() < flat(text).length();
                }
                rows.add(row);
                counter.row();
            }
            PrintWriter p = new PrintWriter(out);
            TextTable.print(p, columns.stream().map(Values.Column::label).toArray(String[]::new), rows);
            p.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
            if (cut) {
                p.println("(values longer than " + MAX_CELL + " characters are cut, marked …; --format csv or json "
                        + "prints them whole)");
            }
            p.flush();
            return rows.size();
        }

        /** One line per row, and no cell wider than a reader can take in. */
        private String cell(String text) {
            String flat = flat(text);
            return flat.length() > MAX_CELL ? flat.substring(0, MAX_CELL - 1) + "…" : flat;
        }

        private String flat(String text) {
            return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\t", " ");
        }
    },
    /** RFC 4180, with a header row; NULL is an empty field. */
    CSV {
        @Override
        long write(ResultSet rs, Writer out, RowCounter counter) throws SQLException, IOException {
            List<Values.Column> columns = Values.columns(rs.getMetaData());
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setHeader(columns.stream().map(Values.Column::label).toArray(String[]::new)).get();
            long n = 0;
            CSVPrinter csv = new CSVPrinter(out, format);
            List<String> row = new ArrayList<>(columns.size());
            while (rs.next()) {
                row.clear();
                for (int i = 0; i < columns.size(); i++) {
                    row.add(Values.text(Values.read(rs, i + 1, columns.get(i))));
                }
                csv.printRecord(row);
                n++;
                counter.row();
            }
            csv.flush();
            return n;
        }
    },
    /** JSON Lines: one object per row, column labels as keys; MAP and JSON columns nested, NULL as null. */
    JSON {
        @Override
        long write(ResultSet rs, Writer out, RowCounter counter) throws SQLException, IOException {
            List<Values.Column> columns = Values.columns(rs.getMetaData());
            long n = 0;
            JsonGenerator g = SdkJson.MAPPER.getFactory().createGenerator(out);
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setRootValueSeparator(null); // the newline below separates rows; Jackson would add a space too
            while (rs.next()) {
                ObjectNode row = SdkJson.MAPPER.createObjectNode();
                for (int i = 0; i < columns.size(); i++) {
                    row.set(columns.get(i).label(), SdkJson.MAPPER.valueToTree(Values.read(rs, i + 1, columns.get(i))));
                }
                SdkJson.MAPPER.writeTree(g, row);
                g.flush();
                out.write('\n');
                n++;
                counter.row();
            }
            g.close();
            out.flush();
            return n;
        }
    };

    static final int MAX_CELL = 80;

    /** Hears each row written (the export's progress). */
    interface RowCounter {
        RowCounter NONE = () -> { };

        void row();
    }

    abstract long write(ResultSet rs, Writer out, RowCounter counter) throws SQLException, IOException;
}
