package dev.storywire.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private static OffsetSample sampleAt(int seconds, long committed) {
        return new OffsetSample(T0.plusSeconds(seconds), committed, 100, 100 - committed, true);
    }

    @Test
    void shouldKeepOneSampleBeforeTheWindowStart() {
        PartitionHistory history = PartitionHistory.empty();
        for (int s = 0; s <= 120; s += 20) {
            history = history.append(sampleAt(s, s / 20), WINDOW);
        }

        assertThat(history.samples()).extracting(OffsetSample::committed).containsExactly(3L, 4L, 5L, 6L);
        assertThat(history.fullWindow(WINDOW)).extracting(OffsetSample::committed).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void shouldHaveNoFullWindowUntilItReachesBackAWindow() {
        PartitionHistory history = PartitionHistory.of(sampleAt(0, 1), sampleAt(30, 2), sampleAt(59, 3));

        assertThat(history.fullWindow(WINDOW)).isEmpty();
        assertThat(history.recent(WINDOW)).hasSize(3);
        assertThat(history.append(sampleAt(60, 4), WINDOW).fullWindow(WINDOW)).hasSize(4);
    }

    @Test
    void shouldRejectSamplesOutOfOrder() {
        assertThatThrownBy(() -> PartitionHistory.of(sampleAt(30, 1), sampleAt(0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
