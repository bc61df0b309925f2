package io.github.imagebuildersql.cli;

import io.github.imagebuildersql.core.scan.ScanScope;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * One table's part of a sync, inside the sync's transaction: the target tables brought up to the
 * table's columns, the inventory streamed into a temporary staging table, then the differences applied
 * as a few set-based statements, so memory does not grow with the inventory.
 */
final class TableSync {
    /** How rows reach the staging table; COPY by default, batched INSERTs for comparison in the benchmark. */
    enum Loading { copy, insert }

    /** What one table's sync found. */
    record Changes(String table, long rows, long added, long removed, long changed) {
        long unchanged() {
            return rows - added - changed;
        }

        String summary() {
            return table + ": " + added + " added, " + removed + " removed, " + changed + " changed, " + unchanged()
                    + " unchanged";
        }
    }

    private static final int INSERT_BATCH = 1000;
    /**
     * A sync refuses to remove more than this share of the rows a table holds in its scope, when that is more
     * than {@link #MASS_DELETE_MIN_ROWS} rows, unless told otherwise: an estate rarely loses half of itself
     * overnight, while an answer that is wrongly empty (an API or a proxy misbehaving) would close the history
     * of everything. Small tables are exempt, where removing most rows is ordinary.
     */
    static final double MASS_DELETE_SHARE = 0.5;
    static final int MASS_DELETE_MIN_ROWS = 10;

    private final Connection pg;
    private final String schema;
    private final SyncedTable table;
    private final String current;
    private final String history;
    private final String stage;
    private final String changes;

    TableSync(Connection pg, String schema, SyncedTable table) {
        this.pg = pg;
        this.schema = schema;
        this.table = table;
        this.current = SyncedTable.quote(schema) + "." + SyncedTable.quote(table.name());
        this.history = SyncedTable.quote(schema) + "." + SyncedTable.quote(table.name() + "_history");
        this.stage = SyncedTable.quote("stage_" + table.name());
        this.changes = SyncedTable.quote("changes_" + table.name());
    }

    /**
     * Creates the table and its history when missing, and adds the columns a newer version has; an
     * existing column is never dropped or retyped. ALTER only runs when a column is missing: it locks
     * out readers until the sync commits.
     */
    void prepareTargets() throws SQLException {
        String columns = table.columns().stream().map(c -> SyncedTable.quote(c.name()) + " " + c.pgType())
                .collect(Collectors.joining(", "));
        try (Statement s = pg.createStatement()) {
            s.execute("create table if not exists " + current + " (" + columns + ", primary key ("
                    + SyncedTable.quote(SyncedTable.KEY) + "))");
            s.execute("create table if not exists " + history + " (" + columns
                    + ", _valid_from timestamptz not null, _valid_to timestamptz, primary key ("
                    + SyncedTable.quote(SyncedTable.KEY) + ", _valid_from))");
            for (String target : List.of(table.name(), table.name() + "_history")) {
                Set<String> existing = existingColumns(target);
                for (SyncedTable.Col c : table.columns()) {
                    if (!existing.contains(c.name())) {
                        s.execute("alter table " + SyncedTable.quote(schema) + "." + SyncedTable.quote(target)
                                + " add column " + SyncedTable.quote(c.name()) + " " + c.pgType());
                    }
                }
            }
            s.execute("create temp table " + stage + " (" + columns + ") on commit drop");
        }
    }

    private Set<String> existingColumns(String target) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = pg.prepareStatement(
                "select column_name from information_schema.columns where table_schema = ? and table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, target);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** Streams the inventory query's rows into the staging table; returns how many. */
    long stage(ResultSet rows, Loading loading) throws SQLException, IOException {
        return loading == Loading.copy ? copy(rows) : insert(rows);
    }

    private long copy(ResultSet rows) throws SQLException, IOException {
        String sql = "copy " + stage + " (" + table.columnList(null) + ") from stdin (format csv)";
        // Quoted non-null values and unquoted empty NULLs: how PostgreSQL's CSV tells '' from NULL.
        CSVFormat csv = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).setRecordSeparator('\n').get();
        long n = 0;
        String[] values = new String[table.columns().size()];
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(pg.unwrap(PGConnection.class), sql, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
                CSVPrinter printer = new CSVPrinter(w, csv)) {
            while (rows.next()) {
                read(rows, values);
                printer.printRecord((Object[]) values);
                n++;
            }
        }
        return n;
    }

    private long insert(ResultSet rows) throws SQLException {
        String params = table.columns().stream().map(c -> "?::" + c.pgType()).collect(Collectors.joining(", "));
        long n = 0;
        String[] values = new String[table.columns().size()];
        try (PreparedStatement ps = pg.prepareStatement("insert into " + stage + " (" + table.columnList(null)
                + ") values (" + params + ")")) {
            while (rows.next()) {
                read(rows, values);
                for (int i = 0; i < values.length; i++) {
                    ps.setString(i + 1, values[i]);
                }
                ps.addBatch();
                if (++n % INSERT_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return n;
    }

    /** One row as PostgreSQL input text, null for NULL. */
    private void read(ResultSet rs, String[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ColumnKind kind = table.columns().get(i).kind();
            values[i] = switch (kind) {
                case TIMESTAMP -> {
                    Instant t = ColumnKind.instant(rs, i + 1);
                    yield t == null ? null : t.toString();
                }
                case JSON, MAP -> ColumnKind.json(rs.getObject(i + 1));
                default -> {
                    Object v = rs.getObject(i + 1);
                    yield v == null ? null : v.toString();
                }
            };
        }
    }

    /**
     * Applies the staged inventory: new rows added, changed rows updated, and rows no longer listed deleted,
     * but only inside the scope the scan covered (its regions, and its accounts unless they were the whole
     * organisation) and outside the skipped partitions: what the sync did not look at stays as it was, with its
     * history. Each change closes the row's open version in the history and opens a new one at {@code now}.
     *
     * @param allowMassDelete whether more than {@link #MASS_DELETE_SHARE} of the rows in scope may go
     */
    Changes apply(Instant now, ScanScope scope, List<String> skippedPartitions, boolean allowMassDelete)
            throws SQLException {
        String key = SyncedTable.quote(SyncedTable.KEY);
        String cols = table.columnList(null);
        Compared compared = new Compared(scope, skippedPartitions);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (Statement s = pg.createStatement()) {
            s.execute("create temp table " + changes + " (_key text primary key, kind text not null) on commit drop");
            s.executeUpdate("insert into " + changes + " select s." + key + ", case when t." + key
                    + " is null then 'added' else 'changed' end from " + stage + " s left join " + current + " t on t."
                    + key + " = s." + key + " where t." + key + " is null or (" + table.columnList("s")
                    + ") is distinct from (" + table.columnList("t") + ")");
        }
        long held;
        try (PreparedStatement ps = pg.prepareStatement("select count(*) from " + current + " t where true"
                + compared.condition())) {
            compared.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                held = rs.getLong(1);
            }
        }
        long removed;
        try (PreparedStatement ps = pg.prepareStatement("insert into " + changes + " select t." + key + ", 'removed' from "
                + current + " t where not exists (select 1 from " + stage + " s where s." + key + " = t." + key + ")"
                + compared.condition())) {
            compared.bind(ps, 1);
            removed = ps.executeUpdate();
        }
        if (!allowMassDelete && removed > MASS_DELETE_MIN_ROWS && removed > held * MASS_DELETE_SHARE) {
            throw new Failures.CliFailure(ExitCode.USAGE, table.name() + ": this sync would remove " + removed + " of the "
                    + held + " rows it holds in the accounts and regions scanned, more than half; nothing was written. "
                    + "If they are really gone, sync again with --allow-mass-delete");
        }
        update("update " + history + " h set _valid_to = ? from " + changes + " c where c.kind in ('changed', 'removed') "
                + "and h." + key + " = c._key and h._valid_to is null", at);
        update("insert into " + history + " (" + cols + ", _valid_from) select " + table.columnList("s") + ", ? from "
                + stage + " s join " + changes + " c on c._key = s." + key + " and c.kind in ('added', 'changed')", at);
        try (Statement s = pg.createStatement()) {
            s.executeUpdate("delete from " + current + " t using " + changes + " c where c.kind = 'removed' and t." + key
                    + " = c._key");
            s.executeUpdate("update " + current + " t set " + table.columns().stream()
                    .map(c -> SyncedTable.quote(c.name()) + " = s." + SyncedTable.quote(c.name()))
                    .collect(Collectors.joining(", ")) + " from " + stage + " s join " + changes + " c on c._key = s."
                    + key + " and c.kind = 'changed' where t." + key + " = s." + key);
            s.executeUpdate("insert into " + current + " (" + cols + ") select " + table.columnList("s") + " from " + stage
                    + " s join " + changes + " c on c._key = s." + key + " and c.kind = 'added'");
            try (ResultSet rs = s.executeQuery("select (select count(*) from " + stage + "), "
                    + "count(*) filter (where kind = 'added'), count(*) filter (where kind = 'removed'), "
                    + "count(*) filter (where kind = 'changed') from " + changes)) {
                rs.next();
                return new Changes(table.name(), rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        }
    }

    /**
     * The rows of the target table a sync compares with what it listed: those of the scanned regions and
     * accounts, outside the skipped partitions. A table without account and region columns cannot say where
     * its rows come from, and none of its rows is removed.
     */
    private final class Compared {
        private final List<Object[]> arrays = new ArrayList<>();
        private final String condition;

        Compared(ScanScope scope, List<String> skippedPartitions) {
            if (!table.has("account_id") || !table.has("region")) {
                condition = " and false";
                return;
            }
            StringBuilder sql = new StringBuilder(" and t.region = any (?)");
            arrays.add(scope.regions().toArray());
            if (!scope.everyAccount()) {
                sql.append(" and t.account_id = any (?)");
                arrays.add(scope.accounts().toArray());
            }
            if (!skippedPartitions.isEmpty()) {
                sql.append(" and not (t.account_id || '/' || t.region = any (?))");
                arrays.add(skippedPartitions.toArray());
            }
            condition = sql.toString();
        }

        String condition() {
            return condition;
        }

        void bind(PreparedStatement ps, int first) throws SQLException {
            for (int i = 0; i < arrays.size(); i++) {
                ps.setArray(first + i, pg.createArrayOf("text", arrays.get(i)));
            }
        }
    }

    private void update(String sql, OffsetDateTime at) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement(sql)) {
            ps.setObject(1, at);
            ps.executeUpdate();
        }
    }

    static List<String> partitionKeys(List<io.github.imagebuildersql.core.scan.PartitionFailure> failures) {
        List<String> keys = new ArrayList<>();
        for (var f : failures) {
            keys.add(f.partition().account() + "/" + f.partition().region());
        }
        return keys;
    }
}
