package dev.storywire.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Polling until a condition holds. */
public final class Waits {

    private static final Duration POLL = Duration.ofMillis(250);

    private Waits() {
    }

    /** How long it took {@code condition} to hold, or empty when {@code timeout} passed first. */
    public static Optional<Duration> until(Duration timeout, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            sleep(POLL);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Seconds with one decimal, for reports. */
    public static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
