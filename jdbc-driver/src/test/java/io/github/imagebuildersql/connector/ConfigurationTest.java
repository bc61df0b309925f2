package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.imagebuildersql.connector.calcite.ImageBuilderSchema;
import io.github.imagebuildersql.core.config.ConnectorConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad property fails when the connection is made, in one line naming the property, the value and the fix. */
class ConfigurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "regions=us-east-7                         | regions   | 'us-east-7'     | us-east-1",
        "regions=us-east-1,,eu-west-1              | regions   | empty entry     | comma list",
        "accounts=12345                            | accounts  | '12345'         | 12-digit",
        "accounts=111111111111                     | accounts  | '111111111111'  | roleName",
        "accounts=org                              | accounts  | 'org'           | roleName",
        "maxConcurrency=lots                       | maxConcurrency | 'lots'     | 1 to 1024",
        "maxConcurrency=0                          | maxConcurrency | '0'        | 1 to 1024",
        "detailConcurrency=65                      | detailConcurrency | '65'    | 1 to 64",
        "rateLimit=fast                            | rateLimit | 'fast'          | 1 to 10000",
        "rateLimit=0                               | rateLimit | '0'             | 1 to 10000",
        "onError=ignore                            | onError   | 'ignore'        | fail or skip",
        "ignoreErrorCodes=Forbidden Exception      | ignoreErrorCodes | 'Forbidden Exception' | error code",
        "endpoint=localhost:4566                   | endpoint  | 'localhost:4566' | http://",
        "endpoint=ftp://example.com                | endpoint  | 'ftp://example.com' | http://",
        "roleName=has spaces                       | roleName  | 'has spaces'    | role name",
        "colour=blue                               | colour    | unknown property | regions",
        "regions                                   | URL       | 'regions'       | key=value",
        "regions=us-east-1;regions=eu-west-1       | regions   | twice           | once",
    })
    void aBadValueFailsConnectWithOneLineNamingItAndTheFix(String properties, String property, String value, String fix) {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:imagebuilder:" + properties));
        String m = e.getMessage();
        assertEquals(1, m.lines().count(), m);
        assertTrue(m.contains(property) && m.contains(value) && m.contains(fix), m);
        assertEquals("08001", e.getSQLState());
    }

    @Test
    void aValueWithALineBreakIsQuotedWithTheBreakVisibleStillInOneLine() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:imagebuilder:accounts=111111111111\n222222222222;roleName=r"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("accounts: '111111111111\\n222222222222' is not a 12-digit"), e.getMessage());
    }

    @Test
    void aPlanCacheThatIsNoPathFailsConnect() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:imagebuilder:planCache=plans\u0000here"));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("planCache: ") && e.getMessage().contains("give a directory, or 'off'"),
                e.getMessage());
    }

    @Test
    void hugeValuesAreRefusedWithoutEchoingThem() {
        String huge = "x".repeat(100_000);
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:imagebuilder:roleName=" + huge));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertTrue(e.getMessage().contains("roleName"), e.getMessage());
    }

    @Test
    void theExternalIdIsNeverEchoed() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:imagebuilder:externalId=s3cr3t value with spaces"));
        assertTrue(e.getMessage().contains("externalId") && !e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void propertiesTakeTheSameKeysAndTheUrlWins() throws Exception {
        Properties info = new Properties();
        info.setProperty("maxConcurrency", "nope");
        info.setProperty("user", "analyst");           // BI tools always send these: accepted, unused
        info.setProperty("password", "");
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:imagebuilder:", info));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        DriverManager.getConnection("jdbc:imagebuilder:maxConcurrency=4", info).close();
    }

    @Test
    void keysAreCaseInsensitiveAndBlankValuesMeanUnset() throws Exception {
        Properties info = new Properties();
        info.setProperty("DETAILCONCURRENCY", "2");
        info.setProperty("rateLimit", "  ");
        ConnectorConfig defaults = ConnectorConfig.parse(Map.of());
        try (Connection c = DriverManager.getConnection(
                "jdbc:imagebuilder:REGIONS=us-east-1;MaxConcurrency=8;onError=;cachettl= ", info)) {
            ConnectorConfig config = c.unwrap(CalciteConnection.class).getRootSchema().subSchemas()
                    .get(ImageBuilderSchema.NAME).unwrap(ImageBuilderSchema.class).config();
            assertEquals(List.of("us-east-1"), config.regions());
            assertEquals(8, config.maxConcurrency());
            assertEquals(2, config.detailConcurrency(), "a Properties key, in capitals");
            assertEquals(defaults.onError(), config.onError(), "onError= is the default");
            assertEquals(defaults.cacheTtl(), config.cacheTtl(), "a blank value is the default");
            assertEquals(defaults.rateLimit(), config.rateLimit(), "a blank Properties value is the default");
        }
    }

    @Test
    void otherUrlsAreNotOurs() throws Exception {
        assertEquals(List.of(), java.util.Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> {
                    try {
                        return d.acceptsURL("jdbc:postgresql://x/y") && d.getClass().getName().contains("imagebuilder");
                    } catch (SQLException e) {
                        return false;
                    }
                }).toList());
    }
}
