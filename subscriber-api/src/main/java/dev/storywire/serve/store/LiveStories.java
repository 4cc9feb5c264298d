package dev.storywire.serve.store;

import dev.storywire.model.Story;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * The live stories, deserialised, by id and in newest-updated-first order, as the stories store's processor last
 * wrote them. One writer (the global stream thread), any number of readers: a list query walks the order and stops
 * after {@code limit} matches instead of filtering and sorting every story.
 */
public final class LiveStories {

    /** Newest {@code lastUpdated} first (stories without one last), then by id. */
    record Position(Instant lastUpdated, String storyId) {
        static final Comparator<Position> ORDER = Comparator
                .comparing(Position::lastUpdated, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Position::storyId);
    }

    private final Map<String, Story> byId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Position, Story> newestFirst = new ConcurrentSkipListMap<>(Position.ORDER);

    /** A new version of a story (single writer). */
    void put(Story story) {
        Story previous = byId.put(story.storyId(), story);
        Position position = new Position(story.lastUpdated(), story.storyId());
        newestFirst.put(position, story);
        if (previous != null) {
            Position old = new Position(previous.lastUpdated(), previous.storyId());
            if (Position.ORDER.compare(old, position) != 0) {
                newestFirst.remove(old);
            }
        }
    }

    /** A story merged away (single writer). */
    void remove(String storyId) {
        Story previous = byId.remove(storyId);
        if (previous != null) {
            newestFirst.remove(new Position(previous.lastUpdated(), storyId));
        }
    }

    /** Up to {@code limit} stories passing {@code filter}, newest-updated first. */
    public List<Story> newestFirst(Predicate<Story> filter, int limit) {
        List<Story> found = new ArrayList<>(Math.min(limit, 256));
        Set<String> seen = new HashSet<>();
        for (Story story : newestFirst.values()) {
            if (found.size() >= limit) {
                break;
            }
            // A story moving while we walk may show up twice (old and new place); the first is the newer.
            if (filter.test(story) && seen.add(story.storyId())) {
                found.add(story);
            }
        }
        return found;
    }

    public int size() {
        return byId.size();
    }
}
