package io.github.imagebuildersql.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.core.scan.ScanScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sync_runs}: one row per sync. The row is inserted as {@code running} in its own transaction
 * before the sync's transaction starts, so that a sync that fails or is interrupted can still say so
 * (and one whose process was killed outright stays {@code running}, with no finished_at).
 */
final class SyncRuns {
    private final String table;

    SyncRuns(String schema) {
        this.table = SyncedTable.quote(schema) + ".sync_runs";
    }

    void create(Statement s) throws SQLException {
        s.execute("create table if not exists " + table + " (id bigint generated always as identity primary key, "
                + "started_at timestamptz not null, finished_at timestamptz, "
                + "status text not null check (status in ('running', 'ok', 'partial', 'failed')), "
                + "tables jsonb, skipped_partitions jsonb, message text, scope jsonb)");
        s.execute("alter table " + table + " add column if not exists scope jsonb"); // made by an earlier version
    }

    /**
     * What a sync compared, as sync_runs records it: {@code {"tables": [...], "accounts": [...], "organization":
     * true|false, "regions": [...]}}; with {@code organization} true the accounts are the organisation's active
     * ones when it ran, and rows of any other account were compared too (and removed).
     */
    static ObjectNode scope(List<SyncedTable> tables, List<ScanScope> scanned) {
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        boolean organization = false;
        for (ScanScope s : scanned) {
            accounts.addAll(s.accounts());
            regions.addAll(s.regions());
            organization |= s.everyAccount();
        }
        ObjectNode scope = SdkJson.MAPPER.createObjectNode();
        ArrayNode names = scope.putArray("tables");
        tables.forEach(t -> names.add(t.name()));
        accounts.forEach(scope.putArray("accounts")::add);
        scope.put("organization", organization);
        regions.forEach(scope.putArray("regions")::add);
        return scope;
    }

    long start(Connection pg, Instant startedAt) throws SQLException {
        try (PreparedStatement ps = pg.prepareStatement("insert into " + table
                + " (started_at, status) values (?, 'running') returning id")) {
            ps.setObject(1, startedAt.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Records the outcome; for ok and partial runs this is part of the sync's own transaction. */
    void finish(Connection pg, long id, String status, List<TableSync.Changes> tables, List<String> skipped,
            String message, ObjectNode scope) throws SQLException {
        ObjectNode perTable = SdkJson.MAPPER.createObjectNode();
        for (TableSync.Changes c : tables) {
            perTable.putObject(c.table()).put("rows", c.rows()).put("added", c.added()).put("removed", c.removed())
                    .put("changed", c.changed()).put("unchanged", c.unchanged());
        }
        ArrayNode partitions = SdkJson.MAPPER.createArrayNode();
        skipped.forEach(partitions::add);
        try (PreparedStatement ps = pg.prepareStatement("update " + table + " set finished_at = clock_timestamp(), status = ?, "
                + "tables = ?::jsonb, skipped_partitions = ?::jsonb, message = ?, scope = ?::jsonb where id = ?")) {
            ps.setString(1, status);
            ps.setString(2, tables.isEmpty() ? null : perTable.toString());
            ps.setString(3, partitions.toString());
            ps.setString(4, message);
            ps.setString(5, scope == null ? null : scope.toString());
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }
}
