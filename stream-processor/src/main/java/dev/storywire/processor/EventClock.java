package dev.storywire.processor;

import java.time.Instant;
import java.util.Arrays;

/**
 * The clock that dedupe and story retention run on: the median publish time of the last {@value #WINDOW} articles.
 *
 * <p>Kafka Streams' stream time is the largest timestamp seen, so a single article with an odd date (a feed
 * item stamped months ahead, a republished old piece) would jump it forward and expire every live story at
 * once. A median is moved only when most recent articles move, which is what the passing of time looks like
 * in a feed. Partitions interleaving on their way to the clustering task barely move it either.
 *
 * <p>It is deliberately not persisted: after a restart it starts empty and expiry waits until it has seen
 * articles again, which only delays the pruning of state, never a join.
 */
public final class EventClock {

    /** Odd so the median is one article's time; large enough that a burst of odd dates cannot move it. */
    public static final int WINDOW = 101;

    private final long[] recent = new long[WINDOW];
    private int size;
    private int next;
    /** The recent times sorted, kept until the next observation ({@code null} then). */
    private long[] sorted;

    /** Records an article's publish time. */
    public void observe(Instant eventTime) {
        recent[next] = eventTime.toEpochMilli();
        next = (next + 1) % WINDOW;
        size = Math.min(size + 1, WINDOW);
        sorted = null;
    }

    /**
     * The (lower) median of the recent publish times, or {@link Instant#MIN} before any article was seen. The lower
     * one, so that with few articles seen an odd date never counts: expiring late only costs memory for a while.
     */
    public Instant now() {
        return median(false);
    }

    /**
     * The upper median of the recent publish times, or {@link Instant#MIN} before any article was seen: the
     * lenient clock for judging whether a date is plausible, so that with few articles seen (two, say, a year
     * apart) the later one is not taken for an error.
     */
    public Instant upperMedian() {
        return median(true);
    }

    private Instant median(boolean upper) {
        if (size == 0) {
            return Instant.MIN;
        }
        if (sorted == null) {
            sorted = Arrays.copyOf(recent, size);
            Arrays.sort(sorted);
        }
        return Instant.ofEpochMilli(sorted[upper ? size / 2 : (size - 1) / 2]);
    }
}
