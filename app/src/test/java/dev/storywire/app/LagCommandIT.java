package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Json;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

/** {@code storywire lag} through the command line against a real broker. */
class LagCommandIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String TOPIC = "lag-command-it";
    private static final String BEHIND = "lag-command-it-behind";
    private static final String CAUGHT_UP = "lag-command-it-caught-up";

    @BeforeAll
    static void groupsAtKnownOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 6; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "k" + i, "v" + i));
            }
        }
        commit(BEHIND, 2);
        commit(CAUGHT_UP, 6);
    }

    private static void commit(String group, long offset) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(offset)));
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run lag(String... args) {
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new LagCommand()).setOut(new PrintWriter(out));
        List<String> all = new java.util.ArrayList<>(List.of("--bootstrap-servers", KAFKA.bootstrapServers()));
        all.addAll(List.of(args));
        int exit = command.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString());
    }

    @Test
    void shouldPrintTheDocumentedJson() throws Exception {
        Run run = lag("--group", BEHIND, "--group", CAUGHT_UP, "--json");

        JsonNode groups = Json.mapper().readTree(run.output()).get("groups");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(groups).hasSize(2);
        JsonNode behind = groups.get(0);
        assertThat(behind.get("group").asText()).isEqualTo(BEHIND);
        assertThat(behind.get("status").asText()).isEqualTo("STOP");
        assertThat(behind.get("lag").asLong()).isEqualTo(4);
        assertThat(behind.get("lagSeconds").asDouble()).isPositive();
        JsonNode partition = behind.get("partitions").get(0);
        assertThat(partition.get("topic").asText()).isEqualTo(TOPIC);
        assertThat(partition.get("committed").asLong()).isEqualTo(2);
        assertThat(partition.get("end").asLong()).isEqualTo(6);
        assertThat(groups.get(1).get("status").asText()).isEqualTo("OK");
        assertThat(groups.get(1).get("lag").asLong()).isZero();
    }

    @Test
    void shouldExitZeroWithATableWhenEveryGroupIsOk() {
        Run run = lag("--group", CAUGHT_UP);

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("CURRENT-OFFSET").contains(CAUGHT_UP + "  " + TOPIC);
    }

    @Test
    void shouldPrintOneJsonLinePerSampleWhenWatching() throws Exception {
        Run run = lag("--group", BEHIND, "--watch", "--json", "--interval", "1", "--count", "2");

        assertThat(run.exitCode()).isZero();
        List<String> lines = run.output().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(Json.mapper().readTree(lines.get(1)).get("groups").get(0).get("lag").asLong()).isEqualTo(4);
    }
    /**
     * Issue 21, defect 9: a member that stopped consuming but is still in the group (a process killed with kill -9
     * stays a member until its session times out; here a consumer that stops polling) with records waiting is not
     * OK, from a one-shot run.
     */
    @Test
    void shouldReportAStallWhenAMemberStopsConsumingWithRecordsWaiting() throws Exception {
        String topic = "lag-command-it-stalled";
        String group = "lag-command-it-stalled-group";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(TopicSetup.TIMESTAMP_RULE))).all().get();
        }
        try (KafkaConsumer<String, String> member = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            member.subscribe(List.of(topic));
            while (member.assignment().isEmpty()) {
                member.poll(java.time.Duration.ofMillis(100));
            }
            member.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v" + i));
                }
            }
            // The member no longer polls; its heartbeats keep it in the group, as a killed one's session does.
            Thread.sleep(3_000);

            Run run = lag("--group", group, "--json", "--max-wait", "2", "--probe", "1");

            JsonNode status = Json.mapper().readTree(run.output()).get("groups").get(0);
            assertThat(status.get("status").asText()).isEqualTo("STALL");
            assertThat(status.get("lag").asLong()).isEqualTo(5);
            assertThat(run.exitCode()).isEqualTo(1);
        }
    }
}
