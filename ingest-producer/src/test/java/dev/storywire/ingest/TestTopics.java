package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A pair of articles and dead-letter topics unique to one test (the broker is shared by every IT of the module),
 * and reading them back to the end.
 */
record TestTopics(KafkaClusterExtension kafka, String articles, String dlq) {

    private static final Duration POLL = Duration.ofMillis(500);
    /** Upper bound of empty polls while waiting for the expected records. */
    private static final int MAX_EMPTY_POLLS = 60;

    static TestTopics create(KafkaClusterExtension kafka, String name) throws ExecutionException, InterruptedException {
        String suffix = name + "." + UUID.randomUUID().toString().substring(0, 8);
        TestTopics topics = new TestTopics(kafka, "feed.articles." + suffix, "feed.dlq." + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.articles, 3, (short) 1), new NewTopic(topics.dlq, 3,
                    (short) 1))).all().get();
        }
        return topics;
    }

    PublisherConfig publisherConfig() {
        return PublisherConfig.of(kafka.bootstrapServers()).withTopics(articles, dlq);
    }

    /** Every record of {@code topic}, from the beginning to its current end (all partitions). */
    List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // read_committed is not needed: the producer is idempotent, not transactional
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            int emptyPolls = 0;
            while (!reachedEnd(consumer, end) && emptyPolls < MAX_EMPTY_POLLS) {
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
                consumer.poll(POLL).forEach(batch::add);
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                records.addAll(batch);
            }
            assertThat(reachedEnd(consumer, end)).as("read %s to its end offsets %s", topic, end).isTrue();
        }
        return records;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
