package dev.storywire.ops.lag;

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
 */
public record OffsetSample(Instant time, long committed, long end, long lag, boolean groupAlive) {

    public OffsetSample {
        Objects.requireNonNull(time, "time");
        if (lag < 0) {
            throw new IllegalArgumentException("Negative lag " + lag + " at committed offset " + committed
                    + ", end offset " + end);
        }
    }

    /** Whether the committed offset lies beyond the log end: the topic was recreated or truncated. */
    public boolean beyondEnd() {
        return committed > end;
    }
}
