package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Json;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code storywire ingest} end to end against a real broker, through the command line. */
class IngestCommandIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private String articles;
    private String dlq;

    @BeforeEach
    void createTopics() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        articles = "feed.articles.cli." + suffix;
        dlq = "feed.dlq.cli." + suffix;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(articles, 1, (short) 1), new NewTopic(dlq, 1, (short) 1)))
                    .all().get();
        }
    }

    private int ingest(String... args) {
        List<String> all = new ArrayList<>(List.of("ingest", "--bootstrap-servers", KAFKA.bootstrapServers(),
                "--articles-topic", articles, "--dlq-topic", dlq, "--progress", "LOG"));
        all.addAll(List.of(args));
        return new CommandLine(new StorywireCli()).execute(all.toArray(String[]::new));
    }

    @Test
    void shouldExitZeroWhenEverySeedIsPublished() {
        assertThat(ingest(SEEDS.toString())).isEqualTo(IngestCommand.EXIT_OK);

        assertThat(endOffset(articles)).isEqualTo(5);
        assertThat(endOffset(dlq)).isZero();
    }

    @Test
    void shouldExitThreeAndReportRejectedDocuments() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.md"), "---\ntitle: [unclosed\n---\n");
        Path report = dir.resolve("out").resolve("report.json");

        assertThat(ingest("--report", report.toString(), SEEDS.toString(), bad.toString()))
                .isEqualTo(IngestCommand.EXIT_REJECTED);

        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("read").asLong()).isEqualTo(6);
        assertThat(json.get("published").asLong()).isEqualTo(5);
        assertThat(json.get("rejected").asLong()).isEqualTo(1);
        assertThat(json.get("rejections").get(0).get("source").asText()).isEqualTo(bad.toString());
        assertThat(json.get("rejections").get(0).get("reason").asText()).startsWith("YAML");
        assertThat(endOffset(dlq)).isEqualTo(1);
    }

    @Test
    void shouldWatchOncePublishingOnlyWhatIsNewSinceTheCheckpoint() throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Path checkpoint = dir.resolve("checkpoint.json");
        Files.writeString(watched.resolve("a.md"), "---\ntitle: A\nwebUrl: https://example.com/a\n---\n");
        String[] watchOnce = {"--watch", watched.toString(), "--once", "--checkpoint", checkpoint.toString()};

        assertThat(ingest(watchOnce)).isEqualTo(IngestCommand.EXIT_OK);
        assertThat(endOffset(articles)).isEqualTo(1);
        assertThat(ingest(watchOnce)).isEqualTo(IngestCommand.EXIT_OK);
        assertThat(endOffset(articles)).as("a restart publishes nothing again").isEqualTo(1);

        Path temporary = Files.writeString(watched.resolve(".b.md.tmp"),
                "---\ntitle: B\nwebUrl: https://example.com/b\n---\n");
        Files.move(temporary, watched.resolve("b.md"), StandardCopyOption.ATOMIC_MOVE);
        assertThat(ingest(watchOnce)).isEqualTo(IngestCommand.EXIT_OK);
        assertThat(endOffset(articles)).isEqualTo(2);
    }

    @Test
    void shouldRejectAnAliasBombAndMoveTheWatchCheckpointPastIt() throws Exception {
        // Issue 21: 401 KB whose 400 KB scalar is referenced 500 times expanded to a 200 MB record, ingest exited 4
        // and --watch --once retried the file on every run, never publishing the files after it.
        Path watched = Files.createDirectories(dir.resolve("watched-bomb"));
        Path checkpoint = dir.resolve("checkpoint-bomb.json");
        Files.writeString(watched.resolve("a-bomb.md"), "---\ntitle: Bomb\nwebUrl: https://example.com/bomb\n"
                + "big: &big \"" + "x".repeat(400_000) + "\"\ncopies: [" + "*big, ".repeat(499) + "*big]\n---\n");
        Files.writeString(watched.resolve("b-valid.md"), "---\ntitle: B\nwebUrl: https://example.com/b\n---\n");
        Path report = dir.resolve("bomb-report.json");
        String[] watchOnce = {"--watch", watched.toString(), "--once", "--checkpoint", checkpoint.toString(),
            "--report", report.toString()};

        assertThat(ingest(watchOnce)).isEqualTo(IngestCommand.EXIT_REJECTED);
        assertThat(endOffset(articles)).isEqualTo(1);
        assertThat(endOffset(dlq)).isEqualTo(1);
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("rejected").asLong()).isEqualTo(1);
        assertThat(json.get("rejections").get(0).get("reason").asText()).startsWith("YAML aliases");

        assertThat(ingest(watchOnce)).as("the checkpoint moved past the rejected file").isEqualTo(IngestCommand.EXIT_OK);
        assertThat(endOffset(dlq)).isEqualTo(1);
        assertThat(endOffset(articles)).isEqualTo(1);
    }

    @Test
    void shouldNotReadALinkOutOfTheInputDirectoryAndListItAsSkipped() throws Exception {
        // Issue 21: a link to /etc/passwd in a given directory was read and published to feed.dlq in full.
        Path input = Files.createDirectories(dir.resolve("input"));
        Path secret = Files.writeString(Files.createDirectories(dir.resolve("private")).resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\n");
        Path link = Files.createSymbolicLink(input.resolve("leak.md"), secret);
        Files.writeString(input.resolve("a.md"), "---\ntitle: A\nwebUrl: https://example.com/a\n---\n");
        Path report = dir.resolve("link-report.json");

        assertThat(ingest("--report", report.toString(), input.toString())).isEqualTo(IngestCommand.EXIT_OK);

        assertThat(endOffset(articles)).isEqualTo(1);
        assertThat(endOffset(dlq)).isZero();
        JsonNode json = Json.mapper().readTree(report.toFile());
        assertThat(json.get("skipped").get(0).get("source").asText()).isEqualTo(link.toString());
        assertThat(json.get("skipped").get(0).get("reason").asText()).startsWith("symbolic link leaves");
    }

    private static long endOffset(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
        }
    }
}
