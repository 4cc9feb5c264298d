package dev.storywire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void shouldDefaultToAnIdempotentDurableCompressedProducer() {
        Map<String, Object> config = ProducerSettings.effective("localhost:9092", Map.of());

        assertThat(config).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsKeys(ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        // The producer accepts the combination (delivery timeout >= linger + request timeout, etc.).
        assertThat(new ProducerConfig(config).getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).isEqualTo(60_000);
    }

    @Test
    void shouldLetOverridesWinButKeepTheSerializers() {
        Map<String, Object> config = ProducerSettings.effective("localhost:9092", Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
                "security.protocol", "SASL_SSL",
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "com.example.Other"));

        assertThat(config).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    @Test
    void shouldMaskSecretsForLogging() {
        Map<String, Object> masked = ProducerSettings.masked(Map.of(
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"s3\";",
                "ssl.truststore.password", "s3",
                "ssl.key.password", "s3",
                "bootstrap.servers", "broker:9093"));

        assertThat(masked).containsEntry("sasl.jaas.config", ProducerSettings.MASK)
                .containsEntry("ssl.truststore.password", ProducerSettings.MASK)
                .containsEntry("ssl.key.password", ProducerSettings.MASK)
                .containsEntry("bootstrap.servers", "broker:9093");
        assertThat(PublisherConfig.of("broker:9093").withOverrides(Map.of("ssl.key.password", "s3")).toString())
                .doesNotContain("s3");
    }
}
