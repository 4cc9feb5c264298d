package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamProcessorAppTest {

    @Test
    void shouldConfigureExactlyOnceAndSkippingBadRecords() {
        Properties properties = StreamProcessorApp.streamsProperties("localhost:9092", null, Path.of("state"), 1);

        assertThat(properties.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("storywire-processor");
        assertThat(properties.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(properties.get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(1);
        assertThat(properties.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
                .isEqualTo(LogAndContinueDeserializationHandler.class);
        assertThat(new StreamsConfig(properties).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(200L);
    }
}
