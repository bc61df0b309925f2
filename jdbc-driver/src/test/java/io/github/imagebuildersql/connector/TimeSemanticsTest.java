package io.github.imagebuildersql.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.imagebuildersql.emulator.fixture.Fixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A TIMESTAMP is the API's instant, written in SQL as UTC: getString, literals, text parameters and
 * LocalDateTime are UTC wall-clock time; getTimestamp, Instant, OffsetDateTime and Timestamp parameters
 * are the instant. All agree whatever the JVM's default zone.
 */
class TimeSemanticsTest {
    static EmulatedAws aws;
    static final Instant CREATED = Instant.parse("2023-03-14T09:12:44.120Z");
    static final String WHERE_CREATED = "select name from imagebuilder_image_pipeline where date_created = ";

    @BeforeAll
    static void start() {
        aws = EmulatedAws.start(Fixture.sampleEstate());
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    /**
     * Runs in Los Angeles with the other tests and again in New York (a surefire execution of its own: the
     * JDBC layers below read the default zone once per JVM, so it cannot be switched within one).
     */
    @Test
    void everyPathAgreesOnTheInstantInTheJvmsZone() throws Exception {
        String zone = TimeZone.getDefault().getID();
        assertNotEquals(0, TimeZone.getDefault().getOffset(CREATED.toEpochMilli()), "the test needs a zone other than UTC");
        try (Connection c = aws.connect("regions=us-east-1")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select date_created from imagebuilder_image_pipeline where name = 'ci-runner-al2023'")) {
                rs.next();
                assertEquals("2023-03-14 09:12:44.120", rs.getString(1));
                assertEquals(CREATED, rs.getTimestamp(1).toInstant());
                assertEquals(CREATED, rs.getObject(1, Instant.class));
                assertEquals(CREATED.atOffset(ZoneOffset.UTC), rs.getObject(1, OffsetDateTime.class));
                assertEquals(CREATED.atZone(ZoneOffset.UTC), rs.getObject(1, ZonedDateTime.class));
                assertEquals(LocalDateTime.of(2023, 3, 14, 9, 12, 44, 120_000_000), rs.getObject(1, LocalDateTime.class));
                assertEquals(CREATED, ((Timestamp) rs.getObject(1)).toInstant());
            }
            List<String> one = List.of("ci-runner-al2023");
            assertEquals(one, names(c, WHERE_CREATED + "timestamp '2023-03-14 09:12:44.120'"));
            for (Object parameter : List.of(Timestamp.from(CREATED), CREATED, CREATED.atOffset(ZoneOffset.ofHours(1)),
                    LocalDateTime.of(2023, 3, 14, 9, 12, 44, 120_000_000), "2023-03-14 09:12:44.120",
                    "2023-03-14T09:12:44.120Z", "2023-03-14T10:12:44.120+01:00")) {
                try (PreparedStatement p = c.prepareStatement(WHERE_CREATED + "?")) {
                    if (parameter instanceof String text) {
                        p.setString(1, text);
                    } else if (parameter instanceof Timestamp t) {
                        p.setTimestamp(1, t);
                    } else {
                        p.setObject(1, parameter);
                    }
                    assertEquals(one, EmulatedAws.rows(p.executeQuery()).stream().map(r -> r.get(0)).toList(),
                            parameter + " in " + zone);
                }
            }
        }
    }

    private static List<Object> names(Connection c, String sql) throws Exception {
        return EmulatedAws.column(c, sql);
    }
}
