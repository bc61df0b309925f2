package io.github.imagebuildersql.connector.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Parameter values converted to the parameter's SQL type, as tools send them: text for a number or a
 * timestamp (a filter typed into a grid), java.time values, Timestamps. A timestamp parameter means what
 * a literal in the same place would: text and LocalDateTime are UTC wall-clock time; Timestamp, Instant,
 * OffsetDateTime and ZonedDateTime are instants.
 */
final class Parameters {
    /** {@code 2024-05-01 10:00:00[.fff]}, {@code 2024-05-01T10:00:00[.fff]}, optionally with Z or an offset. */
    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT);

    private Parameters() {}

    /** Sets parameter {@code index} (1-based) of {@code statement} to {@code value}, converted. */
    static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
            return;
        }
        int type = statement.getParameterMetaData().getParameterType(index);
        switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> statement.setTimestamp(index,
                    Timestamp.from(instant(index, value)), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> statement.setInt(index,
                    (int) wholeNumber(index, value, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case Types.BIGINT -> statement.setLong(index, wholeNumber(index, value, Long.MIN_VALUE, Long.MAX_VALUE));
            case Types.BOOLEAN -> statement.setBoolean(index, bool(index, value));
            case Types.VARCHAR, Types.CHAR -> statement.setString(index, value.toString());
            default -> statement.setObject(index, value);
        }
    }

    static Instant instant(int index, Object value) throws SQLException {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (value instanceof CharSequence text) {
            String s = text.toString().trim();
            try {
                var parsed = TEXT.parse(s);
                LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), java.time.LocalTime.from(parsed));
                return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                        ? local.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))).toInstant()
                        : local.toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    throw bad(index, s, "a timestamp such as 2024-05-01 10:00:00 (UTC) or 2024-05-01T10:00:00Z");
                }
            }
        }
        throw bad(index, value.getClass().getSimpleName(), "a timestamp: Timestamp, Instant, OffsetDateTime, "
                + "LocalDateTime (UTC) or text such as 2024-05-01 10:00:00");
    }

    private static long wholeNumber(int index, Object value, long min, long max) throws SQLException {
        long n;
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            n = number.longValue();
        } else {
            try {
                n = Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw bad(index, value.toString(), "a whole number");
            }
        }
        if (n < min || n > max) {
            throw bad(index, value.toString(), "a whole number from " + min + " to " + max);
        }
        return n;
    }

    private static boolean bool(int index, Object value) throws SQLException {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(index, value.toString(), "true or false");
        };
    }

    private static SQLException bad(int index, String value, String expected) {
        return new SQLException("parameter " + index + ": '" + value + "' is not " + expected, "22018");
    }
}
