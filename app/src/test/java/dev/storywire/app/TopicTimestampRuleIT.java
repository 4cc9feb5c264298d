package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.embedded.EmbeddedKafkaBroker;
import dev.storywire.model.Article;
import dev.storywire.model.Provider;
import dev.storywire.model.Topics;
import dev.storywire.ops.lag.GroupOffsets;
import dev.storywire.ops.lag.LagCollector;
import dev.storywire.ops.lag.PartitionOffsets;
import dev.storywire.processor.StoryTopology;
import dev.storywire.processor.StreamProcessorApp;
import dev.storywire.processor.ProcessorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, defect 1: records carrying old news must not be deleted by time-based retention, and lag in seconds is
 * time spent waiting in Kafka. A broker that checks retention every half second, articles published in 2019
 * produced with their publish time as record timestamp, the real processor on the topics {@link TopicSetup} creates.
 */
class TopicTimestampRuleIT {

    private static final Instant PUBLISHED = Instant.parse("2019-03-01T08:00:00Z");
    private static final int ARTICLES = 20;
    private static final String GROUP = "timestamp-rule-it";
    /** A topic without the rule: retention deletes its old-stamped records, which shows a retention check ran. */
    private static final String CONTROL = "publish-time-control";

    @TempDir
    static Path stateDir;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        // Check retention every 500 ms instead of every 5 minutes (the default retention.ms of 7 days stays).
        broker = EmbeddedKafkaBroker.builder().brokerProperty("log.retention.check.interval.ms", "500").build().start();
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shouldKeepOldNewsPastRetentionAndMeasureLagAsTimeWaitingInKafka() throws Exception {
        Instant testStart = Instant.now();
        TopicSetup.createMissing(admin, TopicSetup.pipelineTopics(2));
        admin.createTopics(List.of(new NewTopic(CONTROL, Optional.of(1), Optional.empty()))).all().get();
        produceOldArticles(List.of(Topics.FEED_ARTICLES.name(), CONTROL));

        // A backlog of old articles waits for a consumer group that has not started: lag is waiting time, not age.
        try (LagCollector collector = LagCollector.create(broker.bootstrapServers())) {
            GroupOffsets backlog = collector.collect(GROUP, List.of(Topics.FEED_ARTICLES.name()));
            assertThat(backlog.totalLag()).isEqualTo(ARTICLES);
            for (PartitionOffsets partition : backlog.partitions()) {
                assertThat(partition.lagSeconds(Instant.now())).as("lag seconds of %s", partition.partition())
                        .isLessThan(Duration.ofHours(1).toSeconds());
            }
        }

        Map<String, Long> producedTimestamps;
        try (StreamProcessorApp processor = StreamProcessorApp.start(
                StoryTopology.buildTopology(ProcessorConfig.defaults()), TopicSetup.withTimestampRule(
                        StreamProcessorApp.streamsProperties(broker.bootstrapServers(), GROUP, stateDir, 1)))) {
            producedTimestamps = readUntil(Topics.STORIES_ARTICLES.name(), ARTICLES);
            assertThat(producedTimestamps).hasSize(ARTICLES);
            assertOutputStampedOnAppend(Topics.STORIES_ARTICLES.name(), testStart);
            assertOutputStampedOnAppend(Topics.STORIES.name(), testStart);
            assertInternalTopicsFollowTheRule();
        }

        awaitRetentionDeleted(CONTROL);
        for (String topic : List.of(Topics.FEED_ARTICLES.name(), Topics.STORIES_ARTICLES.name(), Topics.STORIES.name())) {
            assertThat(logStartOffsets(topic)).as("records deleted from %s", topic).allMatch(start -> start == 0);
        }
        assertThat(readUntil(Topics.STORIES_ARTICLES.name(), ARTICLES)).hasSize(ARTICLES);
    }

    private static void produceOldArticles(List<String> topics) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                Article article = article(i);
                byte[] value = Topics.ARTICLE_SERDE.serializer().serialize(topics.get(0), article);
                for (String topic : topics) {
                    // As a producer that stamps records with the publish time would (the old processor did).
                    producer.send(new ProducerRecord<>(topic, null, PUBLISHED.toEpochMilli() + i, article.id(), value));
                }
            }
            producer.flush();
        }
    }

    private static Article article(int i) {
        String url = "https://news.example.org/2019/story-" + i;
        return new Article("news.example.org/2019/story-" + i, "Unrelated headline number " + i + " about topic" + i,
                "Excerpt " + i + " word" + i, PUBLISHED.plusSeconds(i), url, null, null, null, "article", "news",
                null, null, true, new Provider("Example", "example.org", List.of()), List.of(), List.of(), List.of(),
                null, null, "it-" + i, null, null);
    }

    private static void assertOutputStampedOnAppend(String topic, Instant testStart) {
        for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
            assertThat(record.timestampType()).as("timestamp type on %s", topic).isEqualTo(TimestampType.LOG_APPEND_TIME);
            assertThat(Instant.ofEpochMilli(record.timestamp())).as("timestamp on %s", topic).isAfter(testStart);
        }
    }

    private static void assertInternalTopicsFollowTheRule() throws Exception {
        Set<String> internal = admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(GROUP + "-")).collect(Collectors.toSet());
        String repartition = GROUP + "-" + StoryTopology.CLUSTER_INPUT + "-repartition";
        assertThat(internal).contains(repartition).anyMatch(name -> name.endsWith("-changelog"));
        Map<String, Config> configs = configs(internal);
        configs.forEach((name, config) -> {
            assertThat(config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value()).as(name).isEqualTo("LogAppendTime");
            if (name.endsWith("-changelog")) {
                // Compacted only: a changelog never loses a store entry to its age.
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(name).isEqualTo("compact");
            }
        });
        // Streams purges what it consumed from its repartition topic itself; time never deletes from it.
        assertThat(configs.get(repartition).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
    }

    private static Map<String, Config> configs(Set<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<String, Config> byName = new HashMap<>();
        admin.describeConfigs(resources).all().get().forEach((resource, config) -> byName.put(resource.name(), config));
        return byName;
    }

    private static void awaitRetentionDeleted(String topic) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (logStartOffsets(topic).stream().allMatch(start -> start == ARTICLES)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Retention never deleted the old records of " + topic + ": " + logStartOffsets(topic));
    }

    private static List<Long> logStartOffsets(String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest()));
        var result = admin.listOffsets(request).all().get();
        return result.values().stream().map(info -> info.offset()).toList();
    }

    private static Map<String, Long> readUntil(String topic, int keys) {
        Map<String, Long> byKey = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(Set.of(topic));
            for (int i = 0; i < 600 && byKey.size() < keys; i++) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    byKey.put(new String(record.key()), record.timestamp());
                }
            }
        }
        return byKey;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (int i = 0; i < 100 && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)); i++) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        return records;
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "isolation.level", "read_committed", "auto.offset.reset", "earliest",
                "group.id", "reader-" + System.nanoTime()), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
