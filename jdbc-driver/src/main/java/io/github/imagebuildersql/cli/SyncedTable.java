package io.github.imagebuildersql.cli;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One inventory table as sync sees it: its name and its columns with their PostgreSQL types, read from
 * the driver's own metadata so that every table, and every column a later version adds, is synced
 * without a list to keep up to date here.
 */
record SyncedTable(String name, String source, List<SyncedTable.Col> columns) {
    static final String KEY = "_key";

    record Col(String name, ColumnKind kind) {
        String pgType() {
            return switch (kind) {
                case TEXT -> "text";
                case JSON, MAP -> "jsonb";
                case TIMESTAMP -> "timestamptz";
                case BOOLEAN -> "boolean";
                case INTEGER -> "integer";
                case BIGINT -> "bigint";
                case DOUBLE -> "double precision";
            };
        }
    }

    boolean has(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }

    /** The tables to sync: the named ones (any case), or all of them. */
    static List<SyncedTable> discover(Connection inventory, List<String> names) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        DatabaseMetaData md = inventory.getMetaData();
        try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.put(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT),
                        rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
            }
        }
        List<String> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            chosen.addAll(tables.keySet());
        } else {
            for (String n : names) {
                String key = n.toLowerCase(java.util.Locale.ROOT);
                if (!tables.containsKey(key)) {
                    throw new Failures.CliFailure(ExitCode.USAGE, "--table: no table '" + n + "'; tables: "
                            + String.join(", ", tables.keySet()));
                }
                if (!chosen.contains(key)) {
                    chosen.add(key);
                }
            }
        }
        List<SyncedTable> result = new ArrayList<>();
        for (String name : chosen) {
            result.add(describe(inventory, name, tables.get(name)));
        }
        return result;
    }

    /** The columns of a query's result, which is what sync copies; the query itself plans nothing. */
    private static SyncedTable describe(Connection inventory, String name, String qualified) throws SQLException {
        List<Col> cols = new ArrayList<>();
        try (Statement s = inventory.createStatement(); ResultSet rs = s.executeQuery(selectAll(qualified) + " where 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.add(new Col(md.getColumnLabel(i), ColumnKind.of(md, i)));
            }
        }
        SyncedTable table = new SyncedTable(name, qualified, List.copyOf(cols));
        if (!table.has(KEY)) {
            throw new IllegalStateException(name + " has no " + KEY + " column to sync by");
        }
        return table;
    }

    /** Every column, detail columns included: an inventory copy is complete, whatever it costs in calls. */
    String select() {
        return selectAll(source);
    }

    private static String selectAll(String qualified) {
        String[] parts = qualified.split("\\.", 2);
        return "select * from \"" + parts[0] + "\".\"" + parts[1] + "\"";
    }

    String columnList(String alias) {
        return columns.stream().map(c -> (alias == null ? "" : alias + ".") + quote(c.name()))
                .collect(Collectors.joining(", "));
    }

    /** A PostgreSQL identifier, quoted. */
    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
