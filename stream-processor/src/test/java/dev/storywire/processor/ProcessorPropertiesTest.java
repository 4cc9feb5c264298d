package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ProcessorPropertiesTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void shouldSendClusteringKeysToTheConfigAndTheRestToStreams() {
        ProcessorProperties split = ProcessorProperties.split(properties(
                ProcessorConfig.JOIN_THRESHOLD, "0.4",
                ProcessorConfig.STORIES_TOPIC, "my.stories",
                ProcessorConfig.IN_MEMORY_STORES, "true",
                "num.stream.threads", "2",
                "security.protocol", "SSL",
                "producer.linger.ms", "5",
                "main.consumer.max.poll.records", "100",
                "topic.min.insync.replicas", "2"));

        assertThat(split.config().joinThreshold()).isEqualTo(0.4);
        assertThat(split.config().storiesTopic()).isEqualTo("my.stories");
        assertThat(split.config().inMemoryStores()).isTrue();
        assertThat(split.streams().stringPropertyNames()).containsExactlyInAnyOrder("num.stream.threads",
                "security.protocol", "producer.linger.ms", "main.consumer.max.poll.records",
                "topic.min.insync.replicas");
    }

    @Test
    void shouldRejectAKeyNeitherSideKnowsNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> ProcessorProperties.split(properties("num.stream.thread", "2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("num.stream.thread")
                .hasMessageContaining("2");
        assertThatThrownBy(() -> ProcessorProperties.split(properties("producer.lingerms", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("producer.lingerms");
    }

    @Test
    void shouldRejectAMisspeltClusteringKeyRatherThanPassItToStreams() {
        assertThatThrownBy(() -> ProcessorProperties.split(properties("cluster.merge-treshold", "0.6")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.merge-treshold")
                .hasMessageContaining("0.6");
    }

    @Test
    void shouldGiveTheDefaultsForAnEmptyFile() {
        ProcessorProperties split = ProcessorProperties.split(new Properties());

        assertThat(split.config().inputTopic()).isEqualTo(ProcessorConfig.defaults().inputTopic());
        assertThat(split.streams()).isEmpty();
    }
}
