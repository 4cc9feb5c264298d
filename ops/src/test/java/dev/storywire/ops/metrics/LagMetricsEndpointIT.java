package dev.storywire.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.ops.lag.LagCollector;
import dev.storywire.ops.lag.LagMonitor;
import dev.storywire.testsupport.KafkaClusterExtension;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LagMetricsEndpointIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final String TOPIC = "lag-metrics-it";
    private static final String GROUP = "lag-metrics-it-group";

    @Test
    void shouldServeLagGaugesInPrometheusTextFormat() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty()))).all().get();
        }
        produce(4);
        commit(1);

        PrometheusMeterRegistry registry = MeterRegistries.prometheus("storywire-lag-it");
        try (LagCollector collector = LagCollector.create(KAFKA.bootstrapServers());
             MetricsServer server = MetricsServer.start(registry, 0)) {
            collector.bindMetrics(registry);
            LagMetrics metrics = new LagMetrics(registry, "it");
            metrics.update(new LagMonitor(collector, Duration.ofMinutes(1)).sample(List.of(GROUP)));

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
            String labels = "application=\"storywire-lag-it\",cluster_name=\"it\",group=\"" + GROUP + "\"";
            assertThat(response.body())
                    .contains("# TYPE kafka_consumergroup_group_lag gauge")
                    .contains("kafka_consumergroup_group_lag{" + labels + ",partition=\"0\",topic=\"" + TOPIC + "\"} 3")
                    .contains("kafka_consumergroup_group_offset{" + labels + ",partition=\"0\",topic=\"" + TOPIC + "\"} 1")
                    .contains("kafka_consumergroup_group_max_lag{" + labels + "} 3")
                    .contains("kafka_consumergroup_group_lag_seconds{" + labels)
                    .contains("storywire_consumergroup_status{" + labels + ",status=\"STOP\"} 1")
                    // Kafka's own client metrics through Micrometer's binder.
                    .contains("kafka_consumer_");
        } finally {
            MeterRegistries.release(registry);
        }
    }

    private static void produce(int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, 0, "k" + i, "v" + i));
            }
            producer.flush();
        }
    }

    /** Commits {@code offset} for the group without consuming: a consumer that stopped early. */
    private static void commit(long offset) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, GROUP), new StringDeserializer(), new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(offset)));
        }
    }
}
