package dev.storywire.serve.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the changes between two positions of the {@code stories} topic, for a stream client that resumes. */
public final class ChangeReplay {

    private static final Logger log = LoggerFactory.getLogger(ChangeReplay.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** A replay that makes no progress this long is broken (broker gone), not slow. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private ChangeReplay() {
    }

    /** Consumer settings of the hub and of replays: no group, no commits, committed transactions only. */
    public static Map<String, Object> consumerConfig(String bootstrapServers, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Only what the exactly-once processor committed; an aborted story version never reaches a client.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A resume position older than the log start (compaction, retention): start from the oldest record left.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Topic '" + topic + "' does not exist (yet): start the pipeline first");
        }
        return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /**
     * Hands every change with {@code from[p] <= offset < to[p]} to {@code sink}, one batch per poll, in offset order
     * per partition. A partition missing from {@code from} starts at its oldest record.
     *
     * @param open false once the client is gone: the replay stops early
     */
    public static void replay(Map<String, Object> consumerConfig, String topic, StreamPosition from,
            StreamPosition to, Map<String, Integer> sizes, Consumer<List<StoryChange>> sink, BooleanSupplier open) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        Map<TopicPartition, Long> starts = new HashMap<>();
        to.nextOffsets().forEach((partition, end) -> {
            long start = from.nextOffsets().getOrDefault(partition, 0L);
            if (start < end) {
                TopicPartition tp = new TopicPartition(topic, partition);
                ends.put(tp, end);
                starts.put(tp, start);
            }
        });
        if (ends.isEmpty()) {
            return;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            starts.forEach(consumer::seek);
            Instant lastProgress = Instant.now();
            while (!ends.isEmpty() && open.getAsBoolean()) {
                boolean progressed = false;
                List<StoryChange> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Long end = ends.get(tp);
                    if (end != null && record.offset() < end) {
                        read(record, sizes).ifPresent(batch::add);
                        progressed = true;
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
                for (TopicPartition tp : List.copyOf(ends.keySet())) {
                    if (consumer.position(tp) >= ends.get(tp)) {
                        ends.remove(tp);
                        consumer.pause(List.of(tp));
                        progressed = true;
                    }
                }
                if (progressed) {
                    lastProgress = Instant.now();
                } else if (Instant.now().isAfter(lastProgress.plus(STALL))) {
                    throw new IllegalStateException("Replay of " + topic + " made no progress for " + STALL
                            + "; still to read up to " + ends);
                }
            }
        }
    }

    private static Optional<StoryChange> read(ConsumerRecord<String, byte[]> record, Map<String, Integer> sizes) {
        try {
            return Optional.of(StoryChange.of(record, sizes));
        } catch (SerializationException e) {
            log.warn("Skipping unreadable story '{}' at {}-{}@{}: {}", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
