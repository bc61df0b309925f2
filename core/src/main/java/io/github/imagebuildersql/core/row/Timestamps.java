package io.github.imagebuildersql.core.row;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's dates are ISO-8601 strings in two styles ({@code 2024-05-01T10:00:00.123Z} and
 * {@code 2024-05-01T10:00:00+00:00}, with or without fractions); SQL sees them as UTC timestamps.
 */
public final class Timestamps {
    private static final Logger LOG = LoggerFactory.getLogger(Timestamps.class);

    private Timestamps() {}

    /**
     * The instant; null when the API gave no date or one that cannot be read, which is logged and never fails
     * the query.
     */
    public static Instant parse(String iso, String column, String arn) {
        if (iso == null || iso.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            LOG.warn("{} of {} is not an ISO-8601 date: '{}'; returning NULL", column, arn, iso);
            return null;
        }
    }
}
