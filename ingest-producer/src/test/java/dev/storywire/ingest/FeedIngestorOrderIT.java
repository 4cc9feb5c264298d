package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Headers;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A directory goes out in publish-time order, whatever the order of its file names (issue 20). */
class FeedIngestorOrderIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    @TempDir
    Path dir;
    @TempDir
    Path spool;

    @Test
    void shouldPublishADirectoryInPublishTimeOrderEvenWhenItSpoolsToDisk() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // One partition each, so the offsets show the order the records were sent in.
        TestTopics topics = new TestTopics(KAFKA, "feed.articles.order." + suffix, "feed.dlq.order." + suffix);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topics.articles(), 1, (short) 1),
                    new NewTopic(topics.dlq(), 1, (short) 1))).all().get();
        }
        write("a-latest.md", "2021-03-05T09:00:00Z");
        write("b-undated.md", null);
        write("c-earliest.md", "2021-03-01T09:00:00Z");
        write("d-middle.md", "2021-03-03T09:00:00+02:00");
        write("e-middle-tie.md", "2021-03-03T07:00:00Z");
        Files.writeString(dir.resolve("f-broken.md"), "no front matter");

        IngestReport report;
        try (FeedIngestor ingestor = new FeedIngestor(new FeedDocumentParser(),
                new FeedPublisher(topics.publisherConfig()), () -> new PublishOrderBuffer(500, spool))) {
            report = ingestor.ingest(List.of(dir));
        }

        assertThat(report.published()).isEqualTo(5);
        assertThat(report.rejected()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = topics.readToEnd(topics.articles());
        assertThat(records).extracting(record -> Path.of(TestTopics.header(record, Headers.SOURCE)).getFileName()
                .toString()).containsExactly("c-earliest.md", "d-middle.md", "e-middle-tie.md", "a-latest.md",
                "b-undated.md");
    }

    private void write(String name, String date) throws Exception {
        Files.writeString(dir.resolve(name), "---\ntitle: " + name + "\nwebUrl: https://example.com/" + name + "\n"
                + (date == null ? "" : "publishedDateTime: " + date + "\n") + "---\n");
    }
}
