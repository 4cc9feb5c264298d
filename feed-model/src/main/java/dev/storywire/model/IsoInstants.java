package dev.storywire.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Instants in JSON as ISO-8601 UTC strings ({@link DateTimeFormatter#ISO_INSTANT}, as {@link Instant#toString()}
 * writes them), written and read without a {@link DateTimeFormatter} for the common form
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}. Every story record carries two instants per member and the clustering
 * reads and writes thousands of them per second: the general formatter and parser were about a twentieth of its
 * stream thread. Anything else (years outside 0000 to 9999, offsets, numbers, leap seconds) goes to Jackson's own
 * {@link InstantDeserializer#INSTANT} or {@link Instant#toString()}, so what is accepted and written is unchanged.
 */
final class IsoInstants {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int[] NANO_SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstants() {
    }

    /** The module to register after {@code JavaTimeModule}, whose instant handlers it replaces. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("storywire-iso-instants");
        module.addSerializer(Instant.class, new Writer());
        module.addDeserializer(Instant.class, new Reader());
        return module;
    }

    /** {@code instant} as {@link Instant#toString()} writes it. */
    static String format(Instant instant) {
        long days = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return instant.toString();
        }
        char[] text = new char[30];
        int at = digits(text, 0, date.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, date.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, date.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, secondOfDay / 3600, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay / 60 % 60, 2);
        text[at++] = ':';
        at = digits(text, at, secondOfDay % 60, 2);
        at = fraction(text, at, instant.getNano());
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    /** The instant {@code text} names in the common form, or {@code null} for any other form. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int nanos = length == 20 ? 0 : nanos(text, 19, length - 1);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Zero, three, six or nine digits after a point, as {@link DateTimeFormatter#ISO_INSTANT} writes them. */
    private static int fraction(char[] text, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        text[at++] = '.';
        if (nanos % 1_000_000 == 0) {
            return digits(text, at, nanos / 1_000_000, 3);
        }
        if (nanos % 1_000 == 0) {
            return digits(text, at, nanos / 1_000, 6);
        }
        return digits(text, at, nanos, 9);
    }

    private static int digits(char[] text, int at, int value, int width) {
        int rest = value;
        for (int i = width - 1; i >= 0; i--) {
            text[at + i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return at + width;
    }

    /** The decimal number of {@code width} digits at {@code from}, or {@code -1} when one is not a digit. */
    private static int number(String text, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of {@code .d{1,9}} from {@code point} to {@code end}, or {@code -1} for anything else. */
    private static int nanos(String text, int point, int end) {
        int digits = end - point - 1;
        if (text.charAt(point) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = number(text, point + 1, digits);
        return value < 0 ? -1 : value * NANO_SCALE[digits - 1];
    }

    /** Writes {@link #format}. */
    static final class Writer extends StdScalarSerializer<Instant> {

        Writer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(format(value));
        }
    }

    /** Reads the common form itself and hands every other token to Jackson's instant deserializer. */
    static final class Reader extends StdScalarDeserializer<Instant> {

        Reader() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                Instant parsed = parse(json.getText());
                if (parsed != null) {
                    return parsed;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(json, context);
        }
    }
}
