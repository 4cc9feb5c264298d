package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.model.Topics;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ingest} on a cluster without its topics: the README's flow {@code broker} then {@code ingest} (issue 21). */
class IngestTopicsIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void shouldCreateMissingTopicsWithThePipelineSettingsAndPublish() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String articles = "feed.articles.fresh." + suffix;
        String dlq = "feed.dlq.fresh." + suffix;
        Path bad = Files.writeString(dir.resolve("bad.md"), "---\ntitle: [unclosed\n---\n");

        int exit = new CommandLine(new StorywireCli()).execute("ingest", "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--articles-topic", articles, "--dlq-topic", dlq, "--progress", "NONE",
                SEEDS.toString(), bad.toString());

        assertThat(exit).isEqualTo(IngestCommand.EXIT_REJECTED);
        assertCreatedLike(articles, Topics.FEED_ARTICLES.name());
        assertCreatedLike(dlq, Topics.FEED_DLQ.name());
    }

    @Test
    void shouldFailNamingTheTopicItCannotCreateAndTheCommandThatCreatesIt() {
        String invalid = "feed.dlq/" + UUID.randomUUID().toString().substring(0, 8);
        List<NewTopic> wanted = IngestTopics.wanted("feed.articles.ok." + UUID.randomUUID(), invalid);

        assertThatThrownBy(() -> IngestTopics.ensure(KAFKA.bootstrapServers(), Map.of(), wanted))
                .isInstanceOf(IngestTopics.MissingTopicException.class)
                .hasMessageContaining("Topic " + invalid + " does not exist")
                .hasMessageContaining("kafka-topics.sh --bootstrap-server " + KAFKA.bootstrapServers()
                        + " --create --topic " + invalid + " --partitions 1");
    }

    @Test
    void shouldExitFourWithinSecondsWhenATopicCannotBeCreated() {
        int exit = new CommandLine(new StorywireCli()).execute("ingest", "--bootstrap-servers",
                KAFKA.bootstrapServers(), "--dlq-topic", "feed.dlq/invalid", "--progress", "NONE", SEEDS.toString());

        assertThat(exit).isEqualTo(IngestCommand.EXIT_KAFKA_FAILED);
    }

    private static void assertCreatedLike(String topic, String pipelineTopic) throws Exception {
        NewTopic expected = TopicSetup.pipelineTopics(TopicSetup.DEFAULT_PARTITIONS).stream()
                .filter(newTopic -> newTopic.name().equals(pipelineTopic)).findFirst().orElseThrow();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            assertThat(description.partitions()).hasSize(expected.numPartitions());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            Map<String, String> configs = expected.configs() == null ? Map.of() : expected.configs();
            List<String> mismatches = new ArrayList<>();
            configs.forEach((name, value) -> {
                if (!value.equals(config.get(name).value())) {
                    mismatches.add(name + "=" + config.get(name).value() + " (expected " + value + ")");
                }
            });
            assertThat(mismatches).as("configs of %s against TopicSetup's %s", topic, pipelineTopic).isEmpty();
        }
    }
}
