package io.github.imagebuildersql.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.imagebuildersql.core.row.SdkJson;
import io.github.imagebuildersql.emulator.Emulator;
import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controls as views of every JDBC connection, for BI tools: {@code controls.ID}, at the parameters' defaults. */
class ControlsSchemaTest {
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    /** Calls a connection makes to enter the accounts, whatever it queries. */
    static final Set<String> SCOPE = Set.of("ListAccounts", "AssumeRole", "GetCallerIdentity");

    static Emulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulator.start(Fixture.sampleEstate());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    /** A connection of the driver to the sample estate's organisation, as a BI tool opens it. */
    static Connection connect(String properties) throws SQLException {
        return DriverManager.getConnection("jdbc:imagebuilder:endpoint=" + emulator.endpoint()
                + ";accounts=org;roleName=ImageBuilderInventoryRole;regions=" + String.join(",", REGIONS) + ";"
                + properties);
    }

    @Test
    void aControlIsAViewThatABiToolFiltersOnStatus() throws Exception {
        TreeSet<String> unscanned = new TreeSet<>();
        JsonNode estate;
        try (InputStream in = Emulator.class.getResourceAsStream("fixture/" + Fixture.SAMPLE_ESTATE)) {
            estate = SdkJson.MAPPER.readTree(in);
        }
        for (JsonNode account : estate.get("accounts")) {
            for (String region : REGIONS) {
                for (JsonNode p : account.path("regions").path(region).path("imagePipelines")) {
                    if (account.get("status").asText().equals("ACTIVE")
                            && !p.path("imageScanningConfiguration").path("imageScanningEnabled").asBoolean()) {
                        unscanned.add(p.get("arn").asText());
                    }
                }
            }
        }
        assertTrue(unscanned.size() >= 2, "the estate has pipelines that do not scan: " + unscanned);
        try (Connection c = connect(""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select resource, reason from controls.pipeline_image_scanning_enabled "
                        + "where status = 'alarm' order by resource")) {
            TreeSet<String> alarms = new TreeSet<>();
            while (rs.next()) {
                alarms.add(rs.getString("resource"));
                assertTrue(rs.getString("reason").contains("imageScanningEnabled is false"), rs.getString("reason"));
            }
            assertEquals(unscanned, alarms);
        }
    }

    @Test
    void everyBundledControlIsAViewListedForToolsAtItsParametersDefaults() throws Exception {
        List<String> ids = ControlLibrary.bundled().controls().stream().map(Control::id).sorted().toList();
        try (Connection c = connect("")) {
            List<String> views = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "controls", "%", null)) {
                while (rs.next()) {
                    assertEquals("VIEW", rs.getString("TABLE_TYPE"), rs.getString("TABLE_NAME"));
                    views.add(rs.getString("TABLE_NAME"));
                }
            }
            assertEquals(ids, views.stream().sorted().toList());
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from controls.pipeline_consecutive_failures "
                            + "where status = 'alarm' and reason like '%alarm at 3)%'")) {
                rs.next();
                assertTrue(rs.getInt(1) > 0, "the view runs with alarm_at at its default, 3");
            }
        }
    }

    /**
     * Every view returns the control columns, and, queried with no result cache as a dashboard might, makes no
     * more calls of any operation than {@code select *} from each table its control reads: its joins do not list
     * a table again for each row.
     */
    @Test
    void everyViewReturnsTheControlColumnsAndCostsAtMostOneScanOfEachTableItReads() throws Exception {
        Map<String, Map<String, Long>> perTable = new HashMap<>();
        for (Control control : ControlLibrary.bundled().controls()) {
            Map<String, Long> bound = new HashMap<>();
            for (String table : tables(control)) {
                perTable.computeIfAbsent(table, t -> calls("select * from " + t, rs -> { }))
                        .forEach((op, n) -> bound.merge(op, n, Long::sum));
            }
            Map<String, Long> view = calls("select * from controls." + control.id(), rs -> {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                assertEquals(List.of("resource", "account_id", "region", "status", "reason"), columns, control.id());
                assertTrue(List.of("ok", "alarm", "info", "skip").contains(rs.getString("status")), control.id());
            });
            view.forEach((op, n) -> assertTrue(n <= bound.getOrDefault(op, 0L), control.id() + ": " + n + " " + op
                    + " calls against " + bound.getOrDefault(op, 0L) + " for one scan of " + tables(control)));
        }
    }

    private static Set<String> tables(Control control) {
        Set<String> tables = new TreeSet<>();
        Matcher m = Pattern.compile("\\bimagebuilder_[a-z_]+").matcher(control.text());
        while (m.find()) {
            tables.add(m.group());
        }
        return tables;
    }

    interface RowCheck {
        void check(ResultSet row) throws SQLException;
    }

    /** The Image Builder calls a statement makes on a new connection without a result cache, per operation. */
    private static Map<String, Long> calls(String sql, RowCheck each) {
        emulator.stats().reset();
        try (Connection c = connect(""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                each.check(rs);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
        Map<String, Long> calls = new HashMap<>();
        for (String op : emulator.stats().operationsEverSeen()) {
            if (!SCOPE.contains(op) && emulator.stats().total(op) > 0) {
                calls.put(op, emulator.stats().total(op));
            }
        }
        return calls;
    }
}
