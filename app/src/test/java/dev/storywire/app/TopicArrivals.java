package dev.storywire.app;

import dev.storywire.model.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * bench/e2e: a read_committed consumer of {@code stories.articles} (what a downstream reader of the exactly-once
 * processor sees) noting when each key first arrives, and how many distinct keys arrived.
 */
final class TopicArrivals implements Runnable {

    private final String bootstrapServers;
    private final ArrivalTimes times;
    private final AtomicBoolean running;
    private final java.util.Set<String> distinct = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong lastArrivalMillis = new AtomicLong();

    TopicArrivals(String bootstrapServers, ArrivalTimes times, AtomicBoolean running) {
        this.bootstrapServers = bootstrapServers;
        this.times = times;
        this.running = running;
    }

    int distinctKeys() {
        return distinct.size();
    }

    long lastArrivalMillis() {
        return lastArrivalMillis.get();
    }

    @Override
    public void run() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "storywire-e2e-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_ARTICLES.name()));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> record : records) {
                    times.seenOnTopic(record.key(), now);
                    distinct.add(record.key());
                }
                if (!records.isEmpty()) {
                    lastArrivalMillis.set(now);
                }
            }
        }
    }
}
