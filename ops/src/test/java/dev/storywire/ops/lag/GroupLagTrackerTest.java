package dev.storywire.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupLagTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final TopicPartition P0 = new TopicPartition("feed.articles", 0);
    private static final TopicPartition P1 = new TopicPartition("feed.articles", 1);

    private final GroupLagTracker tracker = new GroupLagTracker(new LagEvaluator(Duration.ofMinutes(1)));

    @Test
    void shouldReportAnUnknownGroupAsErr() {
        GroupLag lag = tracker.record(new GroupOffsets("nobody", T0, false, 0, List.of()));

        assertThat(lag.status()).isEqualTo(LagStatus.ERR);
        assertThat(lag.problem()).hasValueSatisfying(p -> assertThat(p).contains("not found"));
    }

    @Test
    void shouldSumLagAndTakeTheOldestRecordAge() {
        GroupLag lag = tracker.record(new GroupOffsets("g", T0, true, 1, List.of(
                new PartitionOffsets(P1, 5, 8, 3, Optional.of(T0.minusSeconds(2))),
                new PartitionOffsets(P0, 10, 20, 10, Optional.of(T0.minusMillis(12_500))))));

        assertThat(lag.lag()).isEqualTo(13);
        assertThat(lag.maxLag()).isEqualTo(10);
        assertThat(lag.lagSeconds()).isEqualTo(12.5);
        assertThat(lag.partitions()).extracting(PartitionLag::partition).containsExactly(0, 1);
        assertThat(lag.partitions().get(1).lagSeconds()).isEqualTo(2.0);
        assertThat(lag.status()).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldTakeTheWorstPartitionAsGroupStatusOnceTheHistoryCoversAWindow() {
        for (int i = 0; i <= 2; i++) {
            Instant time = T0.plusSeconds(30L * i);
            GroupLag lag = tracker.record(new GroupOffsets("g", time, true, 1, List.of(
                    new PartitionOffsets(P0, 10, 20, 10, Optional.of(T0)),
                    new PartitionOffsets(P1, 5 + i, 5 + i, 0, Optional.empty()))));
            // From the second sample on, P0's oldest record has waited 30 s (> 15 s) without a commit: stalled
            // before the window is complete (issue 21, defect 9); the worst partition decides.
            assertThat(lag.status()).isEqualTo(i < 1 ? LagStatus.OK : LagStatus.STALL);
        }
    }

    @Test
    void shouldReportZeroSecondsWhenCaughtUp() {
        GroupLag lag = tracker.record(new GroupOffsets("g", T0, true, 0, List.of(
                new PartitionOffsets(P0, 41, 42, 0, Optional.empty()))));

        assertThat(lag.lagSeconds()).isZero();
        assertThat(lag.status()).isEqualTo(LagStatus.OK);
    }
}
