package dev.storywire.serve.stream;

import dev.storywire.serve.BadRequestException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A position in the {@code stories} topic: per partition, the offset of the next record to read. Its text form
 * {@code 0:1200,1:877,2:1301} is the id of every server-sent event, so a client that sends it back as
 * {@code Last-Event-ID} resumes right after the last event it received, on any instance and after any restart.
 */
public record StreamPosition(Map<Integer, Long> nextOffsets) {

    public static final String HEADER = "Last-Event-ID";
    private static final Pattern FORMAT = Pattern.compile("\\d{1,5}:\\d{1,19}(,\\d{1,5}:\\d{1,19})*");

    public StreamPosition {
        nextOffsets = java.util.Collections.unmodifiableMap(new TreeMap<>(nextOffsets));
    }

    /** Reads a client's {@code Last-Event-ID}; absent or empty means "from now". */
    public static Optional<StreamPosition> parse(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.length() > 20_000 || !FORMAT.matcher(trimmed).matches()) {
            throw new BadRequestException(parameter, parameter + " must be an event id of this stream such as "
                    + "'0:1200,1:877', got '" + (trimmed.length() > 60 ? trimmed.substring(0, 60) + "..." : trimmed)
                    + "'");
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String pair : trimmed.split(",")) {
            int colon = pair.indexOf(':');
            try {
                Long previous = offsets.put(Integer.parseInt(pair.substring(0, colon)),
                        Long.parseLong(pair.substring(colon + 1)));
                if (previous != null) {
                    throw new BadRequestException(parameter, parameter + " names partition "
                            + pair.substring(0, colon) + " twice");
                }
            } catch (NumberFormatException e) {
                throw new BadRequestException(parameter, parameter + " has an offset out of range: '" + pair + "'");
            }
        }
        return Optional.of(new StreamPosition(offsets));
    }

    /** The text form, partitions in ascending order. */
    public String format() {
        StringBuilder text = new StringBuilder();
        nextOffsets.forEach((partition, offset) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(partition).append(':').append(offset);
        });
        return text.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
