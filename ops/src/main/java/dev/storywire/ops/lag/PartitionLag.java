package dev.storywire.ops.lag;

import java.util.Objects;

/**
 * Lag of one consumer group on one partition, as reported.
 *
 * @param topic the topic
 * @param partition the partition number
 * @param committed the group's committed offset (the log start offset when it has committed nothing yet)
 * @param end the log-end offset (high watermark)
 * @param lag data records after {@code committed} the group has not consumed (markers and aborted records excluded)
 * @param lagSeconds age of the oldest unconsumed record at the time of the sample, 0 when {@code lag} is 0
 * @param status the partition's health
 */
public record PartitionLag(
        String topic, int partition, long committed, long end, long lag, double lagSeconds, LagStatus status) {

    public PartitionLag {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(status, "status");
    }
}
