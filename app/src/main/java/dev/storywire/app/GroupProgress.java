package dev.storywire.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Whether a consumer group has consumed everything committed to the topics it reads.
 *
 * <p>Comparing committed offsets with log-end offsets is not enough on topics written in transactions: the
 * last offset of such a partition is a commit marker, which consumers skip but Kafka Connect never commits
 * past (it commits the last record's offset + 1). So for partitions that look behind, a read-committed
 * consumer reads from the committed offset to the end and counts the data records actually left.
 */
final class GroupProgress implements AutoCloseable {

    /** How long one check may read to find out whether the rest of a partition is only markers. */
    private static final Duration READ_LIMIT = Duration.ofSeconds(5);

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> reader;

    GroupProgress(Admin admin, String bootstrapServers) {
        this.admin = admin;
        this.reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Count what the group would see: committed data only, never aborted records.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Data records on {@code topics} that {@code groupId} has not committed yet; a partition without a commit
     * counts from its start. Transaction markers are not records.
     */
    long unconsumedRecords(String groupId, Collection<String> topics) {
        try {
            // Commits first, ends second: a commit seen here was made when the records it covers (and, for the
            // processor, the output written in the same transaction) were already in the logs read next.
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = endOffsets(topics);
            Map<TopicPartition, Long> behind = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata commit = committed.get(partition);
                long position = commit == null ? 0 : commit.offset();
                if (position < end) {
                    behind.put(partition, position);
                }
            });
            return behind.isEmpty() ? 0 : countRecordsFrom(behind, ends);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading offsets of group " + groupId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read offsets of group " + groupId + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    /** Topics whose names start with {@code prefix} and end with {@code suffix}, e.g. Streams repartition topics. */
    Set<String> topicsMatching(String prefix, String suffix) throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(prefix) && name.endsWith(suffix))
                .collect(Collectors.toSet());
    }

    private long countRecordsFrom(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        List<TopicPartition> partitions = List.copyOf(starts.keySet());
        reader.assign(partitions);
        starts.forEach(reader::seek);
        long records = 0;
        Instant deadline = Instant.now().plus(READ_LIMIT);
        while (!reachedEnd(partitions, ends)) {
            if (Instant.now().isAfter(deadline)) {
                // An open transaction (or a slow broker) keeps the end out of reach: not caught up.
                return Math.max(records, 1);
            }
            records += reader.poll(Duration.ofMillis(100)).count();
        }
        return records;
    }

    private boolean reachedEnd(List<TopicPartition> partitions, Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(partition -> reader.position(partition) >= ends.get(partition));
    }

    private Map<TopicPartition, Long> endOffsets(Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        descriptions.values().forEach(description -> description.partitions().forEach(
                p -> request.put(new TopicPartition(description.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all().get();
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        reader.close();
    }
}
