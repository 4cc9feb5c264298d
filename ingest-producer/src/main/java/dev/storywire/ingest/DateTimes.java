package dev.storywire.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date-time forms feeds use: ISO-8601 with an offset or zone, without one (taken as UTC), date-only
 * (midnight UTC), RFC 1123 ({@code Tue, 18 May 2021 19:18:00 GMT}), and the {@link Date} SnakeYAML builds from
 * unquoted YAML timestamps.
 */
final class DateTimes {

    private static final Pattern SPACE_SEPARATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");

    private DateTimes() {
    }

    static Optional<Instant> parse(Object value) {
        if (value instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (value instanceof String text) {
            return parse(text);
        }
        return Optional.empty();
    }

    static Optional<Instant> parse(String text) {
        String value = SPACE_SEPARATED.matcher(text.strip()).replaceFirst("$1T$2");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(value).toInstant());
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException ignored) {
            return Optional.empty();
        }
    }
}
