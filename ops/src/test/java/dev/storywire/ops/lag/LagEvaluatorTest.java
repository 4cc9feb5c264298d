package dev.storywire.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(30);
    /** Four steps: a history of five samples covers exactly one window. */
    private final LagEvaluator evaluator = new LagEvaluator(Duration.ofMinutes(2));

    /** Samples 30 s apart, from rows of {committed, end}; the lag is end - committed. */
    private static PartitionHistory history(boolean alive, long[]... rows) {
        List<OffsetSample> samples = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            long committed = rows[i][0];
            long end = rows[i][1];
            samples.add(new OffsetSample(T0.plus(STEP.multipliedBy(i)), committed, end, Math.max(0, end - committed), alive));
        }
        return new PartitionHistory(samples);
    }

    private static long[] at(long committed, long end) {
        return new long[] {committed, end};
    }

    @Test
    void shouldBeOkWhenCaughtUp() {
        assertThat(evaluator.evaluate(history(true, at(10, 10)))).isEqualTo(LagStatus.OK);
        assertThat(evaluator.evaluate(history(false, at(10, 10)))).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldBeOkWhenOnlyATransactionMarkerIsLeft() {
        // Connect commits the last record's offset + 1, below the commit marker at the log end: 0 data records.
        OffsetSample sample = new OffsetSample(T0, 41, 42, 0, false);

        assertThat(evaluator.evaluate(PartitionHistory.of(sample))).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldBeOkWhenLagShrinksWhileCommitsAdvance() {
        PartitionHistory history = history(true, at(0, 100), at(30, 110), at(60, 120), at(100, 125), at(120, 130));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldBeOkWhileTheWindowIsIncompleteAndTheGroupIsAlive() {
        PartitionHistory history = history(true, at(5, 50), at(5, 60), at(5, 70));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldWarnWhenLagGrowsOverTheWindowWhileCommitsAdvance() {
        PartitionHistory history = history(true, at(0, 10), at(10, 30), at(20, 50), at(30, 70), at(40, 90));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.WARN);
    }

    @Test
    void shouldNotWarnWhenLagDroppedOnceInTheWindow() {
        PartitionHistory history = history(true, at(0, 10), at(10, 30), at(25, 30), at(30, 70), at(40, 90));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldStallWhenAnAliveGroupDoesNotMoveForAWindow() {
        PartitionHistory history = history(true, at(7, 20), at(7, 20), at(7, 25), at(7, 25), at(7, 30));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void shouldStopWhenTheGroupHasNoMembersAndLag() {
        assertThat(evaluator.evaluate(history(false, at(7, 20)))).isEqualTo(LagStatus.STOP);
        assertThat(evaluator.evaluate(history(false, at(7, 20), at(7, 20), at(7, 25), at(7, 25), at(7, 30))))
                .isEqualTo(LagStatus.STOP);
    }

    @Test
    void shouldNotStopAMemberlessGroupWhoseCommitsAdvance() {
        // Consumers using manual assignment commit without group membership.
        PartitionHistory history = history(false, at(0, 100), at(30, 110), at(60, 120));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldStopAMemberlessGroupWhoseCommitsStoppedForAWindow() {
        PartitionHistory history = history(false, at(0, 100), at(30, 110), at(60, 120), at(60, 130), at(60, 140),
                at(60, 150), at(60, 160));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void shouldReportRewindWhenTheCommittedOffsetGoesBack() {
        PartitionHistory history = history(true, at(50, 60), at(55, 60), at(10, 60));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.REWIND);
    }

    @Test
    void shouldForgetARewindOlderThanTheWindow() {
        PartitionHistory history = history(true, at(50, 60), at(10, 60), at(20, 60), at(30, 60), at(40, 60),
                at(50, 60), at(55, 60));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldReportErrWhenCommittedIsBeyondTheEnd() {
        assertThat(evaluator.evaluate(history(true, at(500, 20)))).isEqualTo(LagStatus.ERR);
    }

    @Test
    void shouldReportErrWithoutSamples() {
        assertThat(evaluator.evaluate(PartitionHistory.empty())).isEqualTo(LagStatus.ERR);
    }

    @Test
    void shouldRejectAnEmptyWindow() {
        assertThatThrownBy(() -> new LagEvaluator(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
    // Waiting time (issue 21, defect 9): a consumer killed with kill -9 stays a member until its session times out.

    private static OffsetSample waiting(long seconds, long committed, long end, boolean alive, long waitedSeconds) {
        return new OffsetSample(T0.plusSeconds(seconds), committed, end, end - committed, alive,
                Duration.ofSeconds(waitedSeconds));
    }

    @Test
    void shouldReportAStallFromOneSampleWhenRecordsWaitedLongerThanTheMaximumWait() {
        // 1,596 records waiting 20 s for a member that was killed but has not timed out yet.
        PartitionHistory history = PartitionHistory.of(waiting(0, 100, 1_696, true, 20));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void shouldBeOkWhenRecordsWaitedLessThanTheMaximumWait() {
        PartitionHistory history = PartitionHistory.of(waiting(0, 100, 1_696, true, 5));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldNotReportAStallWhenCommitsAdvanceWhileWorkingThroughABacklog() {
        // A probe 6 s later shows a commit: the consumer is alive and catching up, however old the backlog.
        PartitionHistory history = PartitionHistory.of(waiting(0, 100, 5_000, true, 300),
                waiting(6, 900, 5_050, true, 290));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldConfirmTheStallWhenASecondSampleShowsNoCommit() {
        PartitionHistory history = PartitionHistory.of(waiting(0, 100, 1_600, true, 20),
                waiting(6, 100, 1_650, true, 26));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.STALL);
    }

    @Test
    void shouldSeeACommitJustBeforeTheMaximumWaitStarted() {
        // Samples every 10 s; the commit between the first two samples lies within the last 15 s.
        PartitionHistory history = PartitionHistory.of(waiting(0, 100, 1_000, true, 16),
                waiting(10, 200, 1_100, true, 20), waiting(20, 200, 1_200, true, 30));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.OK);
    }

    @Test
    void shouldStillReportAStoppedGroupAsStopped() {
        PartitionHistory history = PartitionHistory.of(waiting(0, 100, 1_696, false, 60));

        assertThat(evaluator.evaluate(history)).isEqualTo(LagStatus.STOP);
    }

    @Test
    void shouldRejectANonPositiveMaximumWait() {
        assertThatThrownBy(() -> new LagEvaluator(Duration.ofMinutes(5), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
