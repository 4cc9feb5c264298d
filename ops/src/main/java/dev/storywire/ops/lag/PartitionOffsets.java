package dev.storywire.ops.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * What was read from Kafka for one partition of a group.
 *
 * @param partition the topic partition
 * @param committed the committed offset, or the log start offset when the group has committed nothing there
 * @param end the log-end offset (high watermark)
 * @param lag data records left after {@code committed}
 * @param oldestUnconsumed timestamp of the first data record at or after {@code committed}, empty when there is
 *     none (caught up) or it could not be read
 */
public record PartitionOffsets(
        TopicPartition partition, long committed, long end, long lag, Optional<Instant> oldestUnconsumed) {

    public PartitionOffsets {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(oldestUnconsumed, "oldestUnconsumed");
    }

    /** Age of the oldest unconsumed record at {@code now}, in seconds; 0 when caught up or unknown. */
    public double lagSeconds(Instant now) {
        if (lag == 0 || oldestUnconsumed.isEmpty()) {
            return 0;
        }
        Duration age = Duration.between(oldestUnconsumed.get(), now);
        return age.isNegative() ? 0 : age.toMillis() / 1000.0;
    }
}
