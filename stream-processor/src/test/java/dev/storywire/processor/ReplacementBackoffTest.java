package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReplacementBackoffTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ReplacementBackoff backoff =
            new ReplacementBackoff(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(1));

    @Test
    void shouldDoubleTheWaitUpToTheMaximumWhileFailuresFollowEachOther() {
        Instant now = T0;
        StringBuilder waits = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            Duration wait = backoff.nextDelay(now);
            waits.append(wait.toSeconds()).append(' ');
            now = now.plus(wait).plusSeconds(10);
        }

        assertThat(waits.toString().trim()).isEqualTo("1 2 4 8 16 20 20 20");
        assertThat(backoff.failuresInARow()).isEqualTo(8);
    }

    @Test
    void shouldStartOverAfterAQuietPeriod() {
        backoff.nextDelay(T0);
        backoff.nextDelay(T0.plusSeconds(5));
        backoff.nextDelay(T0.plusSeconds(10));

        Duration wait = backoff.nextDelay(T0.plusSeconds(10).plus(Duration.ofMinutes(2)));

        assertThat(wait).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.failuresInARow()).isEqualTo(1);
    }

    @Test
    void shouldRejectAMaximumBelowTheFirstWait() {
        assertThatThrownBy(() -> new ReplacementBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
