package dev.storywire.processor.cluster;

import dev.storywire.processor.ExpiryKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live stories in the order they expire, over the {@link ClusterState#expiry()} table: each story in
 * the candidate indexes under the time of its latest member ({@link ExpiryKeys}), so that the stories due to leave
 * are found by a range scan over the oldest keys instead of a scan of all stories.
 */
final class StoryExpiryIndex {

    /**
     * How often (stream time) due stories are looked for: the scan is a RocksDB seek, not worth every record. A
     * minute, not an hour: the stories due in one scan are expired in one go on the stream thread, and an hour of a
     * busy feed (a million articles a day: ~25,000 stories) is a stall of seconds; a minute's worth is milliseconds.
     */
    static final Duration SCAN_INTERVAL = Duration.ofMinutes(1);

    private final ClusterState.SortedTable store;
    private final Duration retention;
    private Instant lastScan = Instant.MIN;
    /**
     * Where the next scan starts: the cut-off of the last one, or the lowest time written since, if lower (a late
     * update can keep a story's time in the past); 0 until this instance has scanned once. So a scan does not seek
     * past the deletions of every key ever moved, a cost that would grow with the run.
     */
    private long scanFrom;
    private long lowestWritten = Long.MAX_VALUE;

    StoryExpiryIndex(ClusterState.SortedTable store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** The ids of the live stories, the longest unchanged first. */
    List<String> live() {
        return store.values();
    }

    /** Takes {@code story} out; {@code fallback} stands for its time if it has no member with one. */
    void remove(StoryState story, Instant fallback) {
        store.put(key(story, fallback), null);
    }

    /** Puts {@code story} in under the time of its latest member, else {@code fallback}. */
    void add(StoryState story, Instant fallback) {
        long time = time(story, fallback);
        store.put(ExpiryKeys.of(time, story.storyId()), story.storyId());
        lowestWritten = Math.min(lowestWritten, time);
    }

    /**
     * Once {@link #SCAN_INTERVAL} of stream time has passed since the last scan (and at the first call): takes out
     * and returns the ids of the stories unchanged for the retention before {@code now}. Otherwise nothing.
     */
    List<String> takeDue(Instant now) {
        if (!lastScan.equals(Instant.MIN) && !now.isAfter(lastScan.plus(SCAN_INTERVAL))) {
            return List.of();
        }
        lastScan = now;
        long cutoff = cutoff(now);
        List<Map.Entry<String, String>> due = store.range(ExpiryKeys.of(Math.min(scanFrom, lowestWritten), ""),
                ExpiryKeys.of(cutoff, ""));
        scanFrom = Math.max(scanFrom, cutoff);
        lowestWritten = Long.MAX_VALUE;
        List<String> ids = new ArrayList<>(due.size());
        for (Map.Entry<String, String> entry : due) {
            store.delete(entry.getKey());
            ids.add(entry.getValue());
        }
        return ids;
    }

    /** Stories whose latest member is older than this, at stream time {@code now}, are due. */
    long cutoff(Instant now) {
        return now.toEpochMilli() - retention.toMillis();
    }

    private static String key(StoryState story, Instant fallback) {
        return ExpiryKeys.of(time(story, fallback), story.storyId());
    }

    private static long time(StoryState story, Instant fallback) {
        return story.lastUpdated().orElse(fallback).toEpochMilli();
    }
}
