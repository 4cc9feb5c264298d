package dev.storywire.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressWatchTest {

    @Test
    void shouldWatchOnlyPartitionsWithRecordsWaiting() {
        ProgressWatch watch = ProgressWatch.at(Map.of("t-0", 10L, "t-1", 20L), Map.of("t-0", 5L, "t-1", 0L));

        assertThat(watch.waitingAtFault()).containsExactly("t-0");
    }

    @Test
    void shouldRecoverOnlyWhenEveryWaitingPartitionCommittedPastItsOffset() {
        ProgressWatch watch = ProgressWatch.at(Map.of("t-0", 10L, "t-1", 20L), Map.of("t-0", 5L, "t-1", 3L));

        assertThat(watch.recovered(Map.of("t-0", 10L, "t-1", 20L))).isFalse();
        assertThat(watch.recovered(Map.of("t-0", 12L, "t-1", 20L))).isFalse();
        assertThat(watch.recovered(Map.of("t-0", 12L, "t-1", 21L))).isTrue();
    }

    @Test
    void shouldTreatAPartitionWithoutCommitAsStartingAtZero() {
        ProgressWatch watch = ProgressWatch.at(Map.of(), Map.of("t-0", 5L));

        assertThat(watch.recovered(Map.of())).isFalse();
        assertThat(watch.recovered(Map.of("t-0", 1L))).isTrue();
    }
}
