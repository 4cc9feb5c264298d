package dev.storywire.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long to wait before replacing a stream thread that died of a transient cause: doubling from {@code initial}
 * up to {@code max}, so that an outage of minutes costs a handful of replacements rather than one per second; back
 * to {@code initial} once no failure happened for {@code quietPeriod} (the cluster was fine in between). Not
 * thread-safe; Kafka-free so that it is unit-tested on its own.
 */
public final class ReplacementBackoff {

    private final Duration initial;
    private final Duration max;
    private final Duration quietPeriod;
    private Instant lastFailure;
    private Duration lastDelay;
    private int failuresInARow;

    public ReplacementBackoff(Duration initial, Duration max, Duration quietPeriod) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("Need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** Records a failure at {@code now} and returns how long to wait before the replacement. */
    public Duration nextDelay(Instant now) {
        boolean quietSince = lastFailure == null
                || Duration.between(lastFailure, now).compareTo(quietPeriod.plus(lastDelay)) > 0;
        if (quietSince) {
            failuresInARow = 1;
            lastDelay = initial;
        } else {
            failuresInARow++;
            Duration doubled = lastDelay.multipliedBy(2);
            lastDelay = doubled.compareTo(max) > 0 ? max : doubled;
        }
        lastFailure = now;
        return lastDelay;
    }

    /** Failures since the last quiet period, the current one included. */
    public int failuresInARow() {
        return failuresInARow;
    }
}
