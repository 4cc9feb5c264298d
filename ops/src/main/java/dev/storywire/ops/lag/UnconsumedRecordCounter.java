package dev.storywire.ops.lag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the data records a group has left on partitions that look behind, with a {@code read_committed}
 * consumer reading from the committed offset: transaction markers and aborted records are skipped as the group's
 * own consumers skip them, so a group that consumed every data record of a transactional topic has lag 0 even
 * though its committed offset stays below the commit marker at the log end. The first record read gives the
 * timestamp of the oldest unconsumed record (on a compacted partition the first record still there at or after
 * the committed offset).
 *
 * <p>Reading stops at the last stable offset; records of a transaction still open after it count as offsets
 * (they have no visible timestamp yet). A partition is read for at most {@code countLimit} records and all reading
 * for at most {@code readLimit}; what is left after that counts as offsets too (an upper bound, off by the
 * transaction markers in that range).
 */
final class UnconsumedRecordCounter {

    private static final Logger log = LoggerFactory.getLogger(UnconsumedRecordCounter.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    /** How far reading got on one partition. */
    record Counted(long records, Optional<Instant> oldestTimestamp) {
    }

    /** Where to read on one partition: from the committed offset up to the last stable and the end offset. */
    record Range(long from, long lastStable, long end) {
    }

    private final Consumer<byte[], byte[]> reader;
    private final long countLimit;
    private final Duration readLimit;
    private final Clock clock;

    UnconsumedRecordCounter(Consumer<byte[], byte[]> reader, long countLimit, Duration readLimit, Clock clock) {
        this.reader = reader;
        this.countLimit = countLimit;
        this.readLimit = readLimit;
        this.clock = clock;
    }

    Map<TopicPartition, Counted> count(Map<TopicPartition, Range> ranges) {
        Map<TopicPartition, Long> counts = new HashMap<>();
        Map<TopicPartition, Instant> oldest = new HashMap<>();
        Set<TopicPartition> reading = new HashSet<>();
        ranges.forEach((partition, range) -> {
            counts.put(partition, 0L);
            if (range.from() < range.lastStable()) {
                reading.add(partition);
            }
        });
        Map<TopicPartition, Long> stoppedAt = new HashMap<>();
        if (!reading.isEmpty()) {
            reader.assign(reading);
            reading.forEach(partition -> reader.seek(partition, ranges.get(partition).from()));
            readUntilDone(ranges, reading, counts, oldest, stoppedAt);
            reader.assign(Set.of());
        }
        Map<TopicPartition, Counted> result = new HashMap<>();
        ranges.forEach((partition, range) -> {
            // Not read (open transaction, limits): the offsets left count as records.
            long readUpTo = stoppedAt.getOrDefault(partition, Math.max(range.from(), range.lastStable()));
            long rest = Math.max(0, range.end() - readUpTo);
            result.put(partition, new Counted(counts.get(partition) + rest, Optional.ofNullable(oldest.get(partition))));
        });
        return result;
    }

    private void readUntilDone(Map<TopicPartition, Range> ranges, Set<TopicPartition> reading,
                               Map<TopicPartition, Long> counts, Map<TopicPartition, Instant> oldest,
                               Map<TopicPartition, Long> stoppedAt) {
        Instant deadline = clock.instant().plus(readLimit);
        Set<TopicPartition> open = new HashSet<>(reading);
        while (!open.isEmpty()) {
            if (clock.instant().isAfter(deadline)) {
                open.forEach(partition -> {
                    long position = reader.position(partition);
                    log.warn("Stopped counting unconsumed records on {} at offset {} after {} (end offset {}): "
                            + "the rest counts as offsets", partition, position, readLimit, ranges.get(partition).end());
                    stoppedAt.put(partition, position);
                });
                return;
            }
            ConsumerRecords<byte[], byte[]> records = reader.poll(POLL_TIMEOUT);
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    counts.merge(partition, 1L, Long::sum);
                    if (record.timestamp() >= 0) { // -1: a record without timestamp (message format v0)
                        oldest.putIfAbsent(partition, Instant.ofEpochMilli(record.timestamp()));
                    }
                }
            }
            for (TopicPartition partition : Set.copyOf(open)) {
                long position = reader.position(partition);
                boolean atStable = position >= ranges.get(partition).lastStable();
                if (atStable || counts.get(partition) >= countLimit) {
                    stoppedAt.put(partition, position);
                    reader.pause(Set.of(partition));
                    open.remove(partition);
                }
            }
        }
    }
}
