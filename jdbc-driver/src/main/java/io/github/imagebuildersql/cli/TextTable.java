package io.github.imagebuildersql.cli;

import java.io.PrintWriter;
import java.util.List;

/** Columns aligned for a terminal: {@code a | b}, a rule under the header, no trailing spaces. */
final class TextTable {
    private TextTable() {}

    static void print(PrintWriter p, String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        line(p, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            rule.append(i > 0 ? "-+-" : "").append("-".repeat(widths[i]));
        }
        p.println(rule);
        for (String[] row : rows) {
            line(p, row, widths);
        }
    }

    private static void line(PrintWriter p, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            sb.append(i > 0 ? " | " : "").append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
        }
        p.println(sb.toString().stripTrailing());
    }
}
