package io.github.imagebuildersql.connector;

import io.github.imagebuildersql.core.table.Tables;
import io.github.imagebuildersql.emulator.CallStats;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.EmulatorOptions;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An emulator and JDBC connections to it through the connector's driver, as a user would open them. */
final class EmulatedAws implements AutoCloseable {
    static final String ROLE = "ImageBuilderInventoryRole";
    /**
     * Exactly the actions the IAM policy of docs/aws.md grants (the operations the tables declare), AssumeRole and
     * ListAccounts, and GetCallerIdentity, which needs none.
     */
    static final Set<String> READ_ONLY = readOnly();

    private static Set<String> readOnly() {
        Set<String> all = new TreeSet<>(Tables.operations());
        all.addAll(List.of("AssumeRole", "GetCallerIdentity", "ListAccounts"));
        return Set.copyOf(all);
    }

    private final Emulator emulator;

    private EmulatedAws(Emulator emulator) {
        this.emulator = emulator;
    }

    static EmulatedAws start(Fixture fixture) {
        return start(fixture, EmulatorOptions.defaults());
    }

    static EmulatedAws start(Fixture fixture, EmulatorOptions options) {
        try {
            return new EmulatedAws(Emulator.start(fixture, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Emulator emulator() {
        return emulator;
    }

    CallStats stats() {
        return emulator.stats();
    }

    String url(String... properties) {
        return "jdbc:imagebuilder:endpoint=" + emulator.endpoint() + ";" + String.join(";", properties);
    }

    Connection connect(String... properties) throws SQLException {
        return DriverManager.getConnection(url(properties));
    }

    /** Every row, each as a list of getObject values. */
    static List<List<Object>> query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        }
    }

    static List<List<Object>> rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[md.getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            rows.add(Arrays.asList(row));
        }
        return rows;
    }

    /** The first column of every row. */
    static List<Object> column(Connection c, String sql) throws SQLException {
        return query(c, sql).stream().map(r -> r.get(0)).toList();
    }

    /** Stops the emulator, and fails the test if the connector asked it for anything but a read. */
    @Override
    public void close() {
        emulator.close();
        Set<String> writes = new TreeSet<>(emulator.stats().operationsEverSeen());
        writes.removeAll(READ_ONLY);
        if (!writes.isEmpty()) {
            throw new AssertionError("the connector called operations outside the read-only set: " + writes);
        }
    }
}
