package dev.storywire.serve;

import dev.storywire.model.Story;
import dev.storywire.model.StoryMember;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filters of {@code GET /api/stories} and {@code GET /api/stream}: all given filters must hold.
 *
 * @param topic a topic the story carries (case-insensitive, exact)
 * @param provider a provider of the story (case-insensitive, exact)
 * @param text words that must all appear in the headline or a member's title (case-insensitive)
 * @param since only stories last updated at or after this instant
 * @param limit at most this many stories (list only)
 */
public record StoryQuery(String topic, String provider, String text, Instant since, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    static final Set<String> FILTERS = Set.of("topic", "provider", "q", "since");
    private static final int MAX_TEXT = 200;

    /**
     * Reads the query parameters; {@code allowed} names the parameters the endpoint knows besides the filters.
     *
     * @throws BadRequestException naming the first unknown, repeated or invalid parameter
     */
    public static StoryQuery parse(Map<String, List<String>> params, Set<String> allowed, int maxLimit) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            if (!FILTERS.contains(param.getKey()) && !allowed.contains(param.getKey())) {
                throw new BadRequestException(param.getKey(), "unknown parameter '" + param.getKey()
                        + "'; known: " + known(allowed));
            }
            if (param.getValue().size() > 1) {
                throw new BadRequestException(param.getKey(), "parameter '" + param.getKey() + "' given "
                        + param.getValue().size() + " times; give it once");
            }
        }
        String text = text(single(params, "q"));
        int limit = allowed.contains("limit") ? limit(single(params, "limit"), maxLimit) : Integer.MAX_VALUE;
        return new StoryQuery(word(params, "topic"), word(params, "provider"), text, since(single(params, "since")),
                limit);
    }

    private static String known(Set<String> allowed) {
        return String.join(", ", new java.util.TreeSet<>(java.util.stream.Stream.concat(FILTERS.stream(),
                allowed.stream()).toList()));
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String word(Map<String, List<String>> params, String name) {
        String value = single(params, name);
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new BadRequestException(name, "parameter '" + name + "' must be 1 to " + MAX_TEXT
                    + " characters, got '" + abbreviate(value) + "'");
        }
        return value.trim();
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_TEXT) {
            throw new BadRequestException("q", "parameter 'q' must be 1 to " + MAX_TEXT + " characters, got '"
                    + abbreviate(value) + "'");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static int limit(String value, int maxLimit) {
        if (value == null) {
            return Math.min(DEFAULT_LIMIT, maxLimit);
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new BadRequestException("limit", "parameter 'limit' must be a whole number from 1 to " + maxLimit
                + ", got '" + abbreviate(value) + "'");
    }

    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadRequestException("since", "parameter 'since' must be an ISO-8601 instant such as "
                        + "2021-03-01T00:00:00Z or a date such as 2021-03-01, got '" + abbreviate(value) + "'");
            }
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    /** Whether the story passes every filter (the limit is not a filter). */
    public boolean matches(Story story) {
        if (topic != null && story.topics().stream().noneMatch(t -> t.equalsIgnoreCase(topic))) {
            return false;
        }
        if (provider != null && story.providers().stream().noneMatch(p -> p.equalsIgnoreCase(provider))) {
            return false;
        }
        if (since != null && (story.lastUpdated() == null || story.lastUpdated().isBefore(since))) {
            return false;
        }
        return text == null || containsAllWords(story);
    }

    /** Whether no filter is set. */
    public boolean unfiltered() {
        return topic == null && provider == null && text == null && since == null;
    }

    private boolean containsAllWords(Story story) {
        StringBuilder haystack = new StringBuilder(story.headline() == null ? "" : story.headline());
        for (StoryMember member : story.members()) {
            haystack.append('\n').append(member.title() == null ? "" : member.title());
        }
        String lower = haystack.toString().toLowerCase(Locale.ROOT);
        for (String word : text.split("\\s+")) {
            if (!lower.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
