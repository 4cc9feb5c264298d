package dev.storywire.ops.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One observation of a consumer group partition.
 *
 * @param time when the offsets were read
 * @param committed the group's committed offset
 * @param end the partition's log-end offset (high watermark)
 * @param lag records the group has not consumed yet (data records only: transaction markers do not count)
 * @param groupAlive whether the group had active members at {@code time}
 * @param oldestWait how long the oldest unconsumed record had been in Kafka at {@code time} (its append time, by the
 *     topics' timestamp rule); zero when caught up or unknown
 */
public record OffsetSample(Instant time, long committed, long end, long lag, boolean groupAlive, Duration oldestWait) {

    public OffsetSample {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(oldestWait, "oldestWait");
        if (oldestWait.isNegative()) {
            throw new IllegalArgumentException("Negative waiting time " + oldestWait);
        }
        if (lag < 0) {
            throw new IllegalArgumentException("Negative lag " + lag + " at committed offset " + committed
                    + ", end offset " + end);
        }
    }

    /** A sample without a known waiting time. */
    public OffsetSample(Instant time, long committed, long end, long lag, boolean groupAlive) {
        this(time, committed, end, lag, groupAlive, Duration.ZERO);
    }

    /** Whether the committed offset lies beyond the log end: the topic was recreated or truncated. */
    public boolean beyondEnd() {
        return committed > end;
    }
}
