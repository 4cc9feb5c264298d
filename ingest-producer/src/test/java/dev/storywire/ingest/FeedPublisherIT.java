package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.Headers;
import dev.storywire.model.Topics;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FeedPublisherIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    /** Upper bound of consumer polls while waiting for the expected records. */
    private static final int MAX_POLLS = 60;

    @TempDir
    Path badDir;

    @Test
    void shouldPublishSeedsToArticlesAndBadDocumentsToTheDeadLetterTopic() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String articlesTopic = "feed.articles." + suffix;
        String dlqTopic = "feed.dlq." + suffix;
        createTopics(articlesTopic, dlqTopic);
        Path noTitle = Files.writeString(badDir.resolve("no-title.md"), "---\nwebUrl: https://example.com/x\n---\n");
        Path badYaml = Files.writeString(badDir.resolve("bad-yaml.md"), "---\ntitle: [unclosed\n---\n");
        List<Path> seeds = SharedFeedFiles.seeds();
        PublisherConfig config = PublisherConfig.of(KAFKA.bootstrapServers()).withTopics(articlesTopic, dlqTopic);

        IngestReport report;
        try (FeedIngestor ingestor = new FeedIngestor(new FeedDocumentParser(), new FeedPublisher(config))) {
            report = ingestor.ingest(List.of(SharedFeedFiles.SEEDS, badDir));
        }

        assertThat(report.read()).isEqualTo(seeds.size() + 2);
        assertThat(report.published()).isEqualTo(seeds.size());
        assertThat(report.rejected()).isEqualTo(2);
        List<ConsumerRecord<String, byte[]>> articles = readAll(articlesTopic, seeds.size());
        List<ConsumerRecord<String, byte[]>> dead = readAll(dlqTopic, 2);
        Set<String> articleSources = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : articles) {
            Article article = Topics.ARTICLE_SERDE.deserialize(record.topic(), record.value());
            assertThat(record.key()).isEqualTo(article.id());
            assertThat(header(record, Headers.CONTENT_HASH)).isEqualTo(article.contentHash());
            assertThat(header(record, Headers.INGESTED_AT)).isNotBlank();
            articleSources.add(header(record, Headers.SOURCE));
        }
        Set<String> deadSources = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : dead) {
            assertThat(record.key()).isEqualTo(header(record, Headers.SOURCE));
            assertThat(header(record, Headers.DLQ_REASON)).isNotBlank();
            deadSources.add(record.key());
        }
        assertThat(articleSources).containsExactlyInAnyOrderElementsOf(seeds.stream().map(Path::toString).toList());
        assertThat(deadSources).containsExactlyInAnyOrder(noTitle.toString(), badYaml.toString());
        assertThat(articleSources).doesNotContainAnyElementsOf(deadSources);
        ConsumerRecord<String, byte[]> yamlError = dead.stream()
                .filter(record -> record.key().equals(badYaml.toString())).findFirst().orElseThrow();
        assertThat(header(yamlError, Headers.DLQ_POSITION)).matches("\\d+:\\d+");
        assertThat(new String(yamlError.value(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(badYaml));
    }

    private static void createTopics(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            List<NewTopic> newTopics = new ArrayList<>();
            for (String topic : topics) {
                newTopics.add(new NewTopic(topic, 3, (short) 1));
            }
            admin.createTopics(newTopics).all().get();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "feed-publisher-it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int poll = 0; poll < MAX_POLLS && records.size() < expected; poll++) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // One more poll: nothing beyond the expected records may be there.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        assertThat(records).as("records on %s", topic).hasSize(expected);
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
