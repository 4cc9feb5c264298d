package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.model.Headers;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Records Kafka refuses one by one go to the dead-letter topic; only a cluster failure stops the run (issue 21). */
class FeedPublisherRefusalIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @TempDir
    Path dir;

    @Test
    void shouldSendAnArticleTheBrokerRefusesAsTooLargeToTheDeadLetterTopicAndPublishTheRest() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestTopics topics = new TestTopics(KAFKA, "feed.articles.small." + suffix, "feed.dlq.small." + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(
                    // Articles over 20,000 bytes are refused by this topic, as by a cluster with a small limit.
                    new NewTopic(topics.articles(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "20000")),
                    new NewTopic(topics.dlq(), 1, (short) 1))).all().get();
        }
        Files.writeString(dir.resolve("a-small.md"), "---\ntitle: Small\nwebUrl: https://example.com/small\n---\n");
        Path large = Files.writeString(dir.resolve("b-large.md"), "---\ntitle: Large\nwebUrl: https://example.com/l\n"
                + "excerpt: " + "z".repeat(60_000) + "\n---\n");
        Files.writeString(dir.resolve("c-after.md"), "---\ntitle: After\nwebUrl: https://example.com/after\n---\n");
        // One record per batch, so the broker judges the large record alone (a refused batch of several records is
        // split and retried by the producer, which is the producer's business, not this test's).
        PublisherConfig config = topics.publisherConfig().withOverrides(Map.of(ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.BATCH_SIZE_CONFIG, 1, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"));

        IngestReport report;
        try (FeedIngestor ingestor = new FeedIngestor(new FeedDocumentParser(), new FeedPublisher(config))) {
            report = ingestor.ingest(List.of(dir));
        }

        assertThat(report.read()).isEqualTo(3);
        assertThat(report.published()).isEqualTo(2);
        assertThat(report.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.source()).isEqualTo(large.toString());
            assertThat(rejection.reason()).startsWith("record refused by Kafka").contains("RecordTooLarge");
        });
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(topics.readToEnd(topics.articles())).hasSize(2);
        List<ConsumerRecord<String, byte[]>> dead = topics.readToEnd(topics.dlq());
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(large.toString());
            assertThat(TestTopics.header(record, Headers.DLQ_REASON)).startsWith("record refused by Kafka");
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(large));
        });
    }

    @Test
    void shouldSendAnArticleTheProducerRefusesAsTooLargeToTheDeadLetterTopic() throws Exception {
        TestTopics topics = TestTopics.create(KAFKA, "max-request");
        Path large = Files.writeString(dir.resolve("large.md"), "---\ntitle: Large\nwebUrl: https://example.com/l\n"
                + "excerpt: " + "q".repeat(100_000) + "\n---\n");
        Files.writeString(dir.resolve("small.md"), "---\ntitle: Small\nwebUrl: https://example.com/s\n---\n");
        // Room for the dead-letter record (its first 64 KiB), not for the 100 KB article.
        PublisherConfig config = topics.publisherConfig()
                .withOverrides(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 80_000));

        IngestReport report;
        try (FeedPublisher publisher = new FeedPublisher(config)) {
            report = new FeedIngestor(new FeedDocumentParser(), publisher).ingest(List.of(dir));
        }

        assertThat(report.published()).isEqualTo(1);
        assertThat(report.rejections()).extracting(IngestReport.Rejection::source).containsExactly(large.toString());
        assertThat(topics.readToEnd(topics.dlq())).hasSize(1);
    }

    @Test
    void shouldFailWhenTheDeadLetterTopicIsMissingWithCountsThatAgreeWithTheLists() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestTopics topics = new TestTopics(KAFKA, "feed.articles.nodlq." + suffix, "feed.dlq.missing." + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.articles(), 1, (short) 1))).all().get();
        }
        Files.writeString(dir.resolve("bad.md"), "---\ntitle: [unclosed\n---\n");
        PublisherConfig config = topics.publisherConfig().withOverrides(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG,
                2_000));

        try (FeedPublisher publisher = new FeedPublisher(config)) {
            FeedIngestor ingestor = new FeedIngestor(new FeedDocumentParser(), publisher);
            assertThatThrownBy(() -> ingestor.ingest(List.of(dir))).isInstanceOfSatisfying(PublishException.class, e -> {
                assertThat(e.topic()).isEqualTo(topics.dlq());
                assertThat(e.partialReport().rejected()).isEqualTo(e.partialReport().rejections().size()).isZero();
            });
        }
    }
}
