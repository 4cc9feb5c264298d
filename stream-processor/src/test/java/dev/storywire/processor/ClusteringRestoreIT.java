package dev.storywire.processor;

import static dev.storywire.processor.CorpusFiles.seed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryIds;
import dev.storywire.model.Topics;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clustering's stores write behind, once per commit: a processor whose local state is lost must find every
 * story again in the changelogs. Real broker, exactly-once, RocksDB; the local state directory is thrown away
 * between the two runs, so the second run has only what reached the changelogs.
 */
class ClusteringRestoreIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static ProcessorConfig config;

    @TempDir
    Path work;

    @BeforeAll
    static void createTopics() throws Exception {
        // Topics of this run only: the broker may be a shared cluster (KAFKA_BOOTSTRAP_SERVERS).
        String prefix = "restore-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        config = ProcessorConfig.fromMap(Map.of(
                ProcessorConfig.INPUT_TOPIC, prefix + "feed.articles",
                ProcessorConfig.STORY_ARTICLES_TOPIC, prefix + "stories.articles",
                ProcessorConfig.STORIES_TOPIC, prefix + "stories"));
        // The seeds are dated 2020-2022: no time retention, or the broker could delete them mid-test.
        Map<String, String> keep = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(
                    new NewTopic(config.inputTopic(), Optional.of(1), Optional.empty()).configs(keep),
                    new NewTopic(config.storyArticlesTopic(), Optional.of(1), Optional.empty()).configs(keep),
                    new NewTopic(config.storiesTopic(), Optional.of(1), Optional.empty()).configs(keep)))
                    .all().get();
        }
    }

    @Test
    void shouldFindItsStoriesInTheChangelogsAfterLosingItsLocalState() throws Exception {
        String applicationId = "restore-" + UUID.randomUUID();
        Article founder = seed("000");
        Article otherStory = seed("001");
        Article sameStory = seed("002");

        publish(founder, otherStory);
        Map<String, String> first = runUntil(applicationId, work.resolve("state-1"), 2);
        assertThat(first).containsEntry(founder.id(), StoryIds.forFoundingArticle(founder.id()));

        publish(sameStory);
        // A new state directory: RocksDB starts empty and is restored from the changelog topics.
        Map<String, String> second = runUntil(applicationId, work.resolve("state-2"), 3);

        assertThat(second).containsEntry(sameStory.id(), StoryIds.forFoundingArticle(founder.id()));
        assertThat(second).containsEntry(otherStory.id(), first.get(otherStory.id()));
    }

    private static void publish(Article... articles) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(properties,
                Topics.KEY_SERDE.serializer(), Topics.ARTICLE_SERDE.serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(config.inputTopic(), article.id(), article)).get();
            }
        }
    }

    /** Runs the processor until {@code articles} article records are on the output; their latest story ids. */
    private Map<String, String> runUntil(String applicationId, Path stateDir, int articles) throws Exception {
        Properties properties = StreamProcessorApp.streamsProperties(KAFKA.bootstrapServers(), applicationId,
                stateDir, 1);
        try (StreamProcessorApp app = StreamProcessorApp.start(config, properties)) {
            return readStoryOfArticles(articles);
        }
    }

    private static Map<String, String> readStoryOfArticles(int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, String> storyOf = new HashMap<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (KafkaConsumer<String, StoryArticle> consumer = new KafkaConsumer<>(properties,
                Topics.KEY_SERDE.deserializer(), Topics.STORY_ARTICLE_SERDE.deserializer())) {
            consumer.subscribe(List.of(config.storyArticlesTopic()));
            while (storyOf.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, StoryArticle> record : consumer.poll(Duration.ofMillis(200))) {
                    storyOf.put(record.key(), record.value().storyId());
                }
            }
        }
        assertThat(storyOf).as("article records on %s", config.storyArticlesTopic()).hasSize(expected);
        return storyOf;
    }
}
