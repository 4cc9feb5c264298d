package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.T0;
import static dev.storywire.sink.Fixtures.article;
import static dev.storywire.sink.Fixtures.json;
import static dev.storywire.sink.Fixtures.member;
import static dev.storywire.sink.Fixtures.story;
import static dev.storywire.sink.Fixtures.storyArticle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.embedded.EmbeddedConnectWorker;
import dev.storywire.model.Article;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real Connect worker (standalone, in this JVM) against a real broker and a real database,
 * run per database by a subclass: each test has its own topics, connector (consumer group), DLQ and database.
 */
abstract class StorySinkWorkerIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The DLQ headers Connect adds with errors.deadletterqueue.context.headers.enable=true. */
    static final String ERROR_MESSAGE_HEADER = "__connect.errors.exception.message";

    @TempDir
    static Path workDir;

    static EmbeddedConnectWorker worker;
    static Admin admin;

    String storiesTopic;
    String articlesTopic;
    String dlqTopic;
    String url;
    StoryTables db;

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabaseUrl();

    /** Converter settings of the connector; the worker's default is StringConverter for keys and values. */
    abstract Map<String, String> converterConfig();

    @BeforeAll
    static void startWorker() {
        worker = EmbeddedConnectWorker.start(KAFKA.bootstrapServers(), workDir, Map.of());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
    }

    @AfterAll
    static void stopWorker() {
        if (admin != null) {
            admin.close();
        }
        if (worker != null) {
            worker.close();
        }
    }

    @BeforeEach
    void createTopicsAndDatabase() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        storiesTopic = "it-" + id + ".stories";
        articlesTopic = "it-" + id + ".stories.articles";
        dlqTopic = "it-" + id + ".sink.dlq";
        // One partition each: the scenarios below depend on the order of records across keys.
        admin.createTopics(List.of(new NewTopic(storiesTopic, 1, (short) 1), new NewTopic(articlesTopic, 1, (short) 1),
                new NewTopic(dlqTopic, 1, (short) 1))).all().get();
        url = newDatabaseUrl();
        db = new StoryTables(url, TableNames.withPrefix(""));
    }

    Map<String, String> connectorConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", StorySinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", storiesTopic + "," + articlesTopic);
        config.put(StorySinkConfig.STORIES_TOPIC, storiesTopic);
        config.put(StorySinkConfig.ARTICLES_TOPIC, articlesTopic);
        config.put(StorySinkConfig.CONNECTION_URL, url);
        config.put(StorySinkConfig.RETRY_BACKOFF_MS, "500");
        config.put(StorySinkConfig.MAX_RETRIES, "120");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlqTopic);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.putAll(converterConfig());
        return config;
    }

    /** Starts a connector under a new name; it runs until the worker stops, idle once its test is done. */
    String startConnector(Map<String, String> config) {
        String name = "story-sink-" + UUID.randomUUID().toString().substring(0, 8);
        worker.putConnector(name, config);
        return name;
    }

    private final Article a = article("news.example/a", "Chip maker unveils AI accelerator",
            "https://news.example/a", "News", T0);
    private final Article b = article("wire.example/b", "AI accelerator launched", "https://wire.example/b", "Wire",
            T0.plusSeconds(3600));
    private final Article c = article("blog.example/c", "Hands-on with the accelerator", "https://blog.example/c",
            "Blog", T0.plusSeconds(7200));

    @Test
    void shouldUpsertMergeDeleteReplayAndSendBadRecordsToTheDeadLetterQueue() throws Exception {
        String connector = startConnector(connectorConfig());
        // Two stories, then a wrong-shaped article (valid JSON for both converters, unreadable for the sink).
        send(storyRecord(story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))),
                storyRecord(story("st-2", 1, member(b.id(), Role.PRIMARY, T0))),
                articleRecord(storyArticle("st-1", Role.PRIMARY, a)),
                articleRecord(storyArticle("st-2", Role.PRIMARY, b)),
                new ProducerRecord<>(articlesTopic, "bad/1", "[1, 2, 3]"));
        awaitCaughtUp(connector);
        assertThat(db.story("st-1")).isPresent();
        assertThat(db.articlesOf("st-1")).extracting(row -> row.get("article_id")).containsExactly(c.id(), a.id());

        // The processor merges st-1 into st-2: a moves, st-2 gets a new version, st-1 a tombstone.
        send(articleRecord(storyArticle("st-2", Role.PRIMARY, a)),
                storyRecord(story("st-2", 2, member(a.id(), Role.PRIMARY, T0), member(b.id(), Role.PRIMARY, T0),
                        member(c.id(), Role.RELATED, T0))),
                new ProducerRecord<>(storiesTopic, "st-1", null));
        awaitCaughtUp(connector);
        assertMerged();
        List<Map<String, Object>> merged = db.snapshot();
        // st-1 v1, st-2 v1 and v2 written; st-1 deleted; the array sent to the DLQ.
        assertThat(pluginMetric(connector, "stories", "sink-rows-written-total")).isEqualTo(3.0);
        assertThat(pluginMetric(connector, "story_articles", "sink-rows-written-total")).isPositive();
        assertThat(pluginMetric(connector, "stories", "sink-rows-deleted-total")).isEqualTo(1.0);
        assertThat(pluginMetric(connector, null, "sink-errant-records-total")).isEqualTo(1.0);
        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo("[1, 2, 3]");
            assertThat(header(dead, ERROR_MESSAGE_HEADER)).contains(articlesTopic, "offset=2", "ARRAY");
        });

        // A second connector over the same topics and database: a new consumer group replays everything.
        String replay = startConnector(connectorConfig());
        awaitCaughtUp(replay);

        assertThat(db.snapshot()).isEqualTo(merged);
        assertThat(deadLetters()).hasSize(2);
        assertThat(worker.hasFailedTask(connector) || worker.hasFailedTask(replay)).isFalse();
    }

    private void assertMerged() {
        assertThat(db.story("st-1")).isEmpty();
        assertThat(db.articlesOf("st-1")).isEmpty();
        assertThat(db.story("st-2")).hasValueSatisfying(row -> assertThat(row).containsEntry("version", 2L));
        assertThat(db.articlesOf("st-2")).extracting(row -> row.get("article_id") + ":" + row.get("role"))
                .containsExactly(c.id() + ":related", a.id() + ":primary", b.id() + ":primary");
    }

    /**
     * {@code count} stories with one primary article each, in {@code version}; the article ids are
     * {@code outage.example/<i>}.
     */
    List<ProducerRecord<String, String>> stories(int from, int count, long version) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Instant published = T0.plusSeconds(i);
            Article article = article("outage.example/" + i, "Story " + i + " v" + version,
                    "https://outage.example/" + i, "Outage", published);
            records.add(storyRecord(story("st-" + i, version, member(article.id(), Role.PRIMARY, published))));
            records.add(articleRecord(storyArticle("st-" + i, Role.PRIMARY, article)));
        }
        return records;
    }

    ProducerRecord<String, String> storyRecord(Story story) {
        return new ProducerRecord<>(storiesTopic, story.storyId(), json(story));
    }

    ProducerRecord<String, String> articleRecord(StoryArticle storyArticle) {
        return new ProducerRecord<>(articlesTopic, storyArticle.article().id(), json(storyArticle));
    }

    @SafeVarargs
    final void send(ProducerRecord<String, String>... records) throws Exception {
        send(List.of(records));
    }

    void send(List<ProducerRecord<String, String>> records) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            // The idempotent producer (the default) keeps the send order within a partition.
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        }
    }

    /** Waits until the connector's consumer group committed the end offset of both topics. */
    void awaitCaughtUp(String connector) {
        await("connector " + connector + " caught up with " + storiesTopic + " and " + articlesTopic, connector,
                () -> lag(EmbeddedConnectWorker.sinkGroupId(connector)) == 0);
    }

    /** Waits for {@code condition}, failing at once when a task of {@code connector} failed. */
    void await(String what, String connector, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (worker.hasFailedTask(connector)) {
                throw new AssertionError("waiting for " + what + ": " + worker.connectorState(connector));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what + "; connector "
                        + worker.connectorState(connector));
            }
            pause(Duration.ofMillis(200));
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private long lag(String group) {
        try {
            Set<TopicPartition> partitions = Set.of(new TopicPartition(storiesTopic, 0),
                    new TopicPartition(articlesTopic, 0));
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group, e);
        }
    }

    /** Records the task has read from Kafka so far (Connect's sink-task metric, over JMX). */
    static long recordsRead(String connector) {
        try {
            ObjectName name = new ObjectName("kafka.connect:type=sink-task-metrics,connector=" + connector + ",task=0");
            var server = ManagementFactory.getPlatformMBeanServer();
            return server.isRegistered(name) ? ((Number) server.getAttribute(name, "sink-record-read-total")).longValue() : 0;
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the sink task metrics of " + connector, e);
        }
    }

    /**
     * A metric the task registered through Connect's plugin metrics, over JMX:
     * {@code kafka.connect:type=plugins,connector=<connector>,task=0[,table=<table>]}.
     */
    static double pluginMetric(String connector, String table, String attribute) {
        try {
            ObjectName name = new ObjectName("kafka.connect:type=plugins,connector=" + connector + ",task=0"
                    + (table == null ? "" : ",table=" + table));
            return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(name, attribute)).doubleValue();
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the plugin metric " + attribute + " of " + connector, e);
        }
    }

    List<ConsumerRecord<String, String>> deadLetters() {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(dlqTopic, 0);
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(WAIT);
            while (consumer.position(partition) < end && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
