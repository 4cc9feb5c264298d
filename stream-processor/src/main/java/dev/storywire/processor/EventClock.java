package dev.storywire.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The clock that dedupe and story retention run on: the median publish time of the last {@value #WINDOW} articles.
 *
 * <p>Kafka Streams' stream time is the largest timestamp seen, so a single article with an odd date (a feed
 * item stamped months ahead, a republished old piece) would jump it forward and expire every live story at
 * once. A median is moved only when most recent articles move, which is what the passing of time looks like
 * in a feed.
 *
 * <p>Partitions interleaving on their way to the clustering task do move the median, though: a backlog is read
 * partition by partition at uneven speeds, so one partition can run days ahead of the others, and the median follows
 * the majority. What must wait for the slowest part of the input (taking a story out of the candidate indexes) goes
 * by the {@link #lowerDecile() lower decile} instead: the time nearly all recent input has reached.
 *
 * <p>It is deliberately not persisted: after a restart it starts empty and expiry waits until it has seen
 * articles again, which only delays the pruning of state, never a join.
 */
public final class EventClock {

    /** Odd so the median is one article's time; large enough that a burst of odd dates cannot move it. */
    public static final int WINDOW = 101;

    /** The recent times in arrival order, a ring. */
    private final long[] recent = new long[WINDOW];
    /**
     * The same times sorted, kept up to date on every observation (one binary search and one array shift): the
     * clock is read for every article and related item, so the window is never sorted from scratch.
     */
    private final long[] sorted = new long[WINDOW];
    private int size;
    private int next;

    /** Records an article's publish time. */
    public void observe(Instant eventTime) {
        long time = eventTime.toEpochMilli();
        if (size == WINDOW) {
            removeSorted(recent[next]);
        }
        insertSorted(time);
        recent[next] = time;
        next = (next + 1) % WINDOW;
    }

    private void removeSorted(long time) {
        int at = Arrays.binarySearch(sorted, 0, size, time);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
    }

    private void insertSorted(long time) {
        int at = Arrays.binarySearch(sorted, 0, size, time);
        int insertAt = at >= 0 ? at : -at - 1;
        System.arraycopy(sorted, insertAt, sorted, insertAt + 1, size - insertAt);
        sorted[insertAt] = time;
        size++;
    }

    /**
     * The (lower) median of the recent publish times, or {@link Instant#MIN} before any article was seen. The lower
     * one, so that with few articles seen an odd date never counts: expiring late only costs memory for a while.
     */
    public Instant now() {
        return median(false);
    }

    /**
     * The lower decile of the recent publish times (the 11th earliest of {@value #WINDOW}), or {@link Instant#MIN}
     * before any article was seen. It stays with an input partition that lags the others as long as that partition
     * brings a tenth of the articles (with up to nine partitions read at even speeds, any one of them), yet a few
     * odd early dates do not hold it back.
     */
    public Instant lowerDecile() {
        return size == 0 ? Instant.MIN : Instant.ofEpochMilli(sorted[(size - 1) / 10]);
    }

    /**
     * The upper median of the recent publish times, or {@link Instant#MIN} before any article was seen: the
     * lenient clock for judging whether a date is plausible, so that with few articles seen (two, say, a year
     * apart) the later one is not taken for an error.
     */
    public Instant upperMedian() {
        return median(true);
    }

    /**
     * Whether {@code epochMillis} lies more than {@code skew} after the {@link #upperMedian() upper median}; false
     * before any article was seen. The same as {@code Instant.ofEpochMilli(epochMillis).isAfter(upperMedian().plus(skew))}
     * without the instants: the clustering asks it of every candidate story.
     */
    public boolean isBeyond(long epochMillis, Duration skew) {
        // Both times are whole milliseconds, so a fraction of a millisecond in the skew never decides.
        return size > 0 && epochMillis - sorted[size / 2] > skew.toMillis();
    }

    private Instant median(boolean upper) {
        if (size == 0) {
            return Instant.MIN;
        }
        return Instant.ofEpochMilli(sorted[upper ? size / 2 : (size - 1) / 2]);
    }
}
