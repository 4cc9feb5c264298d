package dev.storywire.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One properties file that holds both the clustering settings ({@link ProcessorConfig}) and Kafka Streams and
 * client settings (security, tuning), split into the two. A key that is neither fails at start, naming the key and
 * the value: Kafka itself would only log that it "isn't a known config" and carry on without the setting.
 *
 * @param config the clustering settings
 * @param streams every other key, for {@link org.apache.kafka.streams.KafkaStreams}
 */
public record ProcessorProperties(ProcessorConfig config, Properties streams) {

    /** Prefixes Kafka Streams routes to one of its clients, with the client's own setting names. */
    private static final Map<String, Set<String>> CLIENT_PREFIXES = Map.of(
            StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.MAIN_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.RESTORE_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, ConsumerConfig.configNames(),
            StreamsConfig.PRODUCER_PREFIX, ProducerConfig.configNames(),
            StreamsConfig.ADMIN_CLIENT_PREFIX, AdminClientConfig.configNames());
    /**
     * Prefixes whose keys are open-ended: internal topic settings, config providers' own settings and metrics
     * context labels.
     */
    private static final List<String> OPEN_PREFIXES = List.of(StreamsConfig.TOPIC_PREFIX,
            AbstractConfig.CONFIG_PROVIDERS_CONFIG + ".", "metrics.context.");
    /** Unprefixed keys Kafka Streams uses itself or passes to all its clients. */
    private static final Set<String> KAFKA_NAMES = Stream.of(StreamsConfig.configDef().names(),
                    ConsumerConfig.configNames(), ProducerConfig.configNames(), AdminClientConfig.configNames())
            .flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    public ProcessorProperties {
        streams = copy(streams);
    }

    /**
     * Splits {@code file}: clustering keys (see {@link ProcessorConfig#isProcessorKey}) are parsed into a
     * {@link ProcessorConfig}, the rest must be Kafka Streams or client settings.
     *
     * @throws ConfigException naming the key and the value, for an unknown key or an invalid clustering value
     */
    public static ProcessorProperties split(Properties file) {
        Map<String, String> clustering = new HashMap<>();
        Properties streams = new Properties();
        for (String key : file.stringPropertyNames()) {
            String value = file.getProperty(key);
            if (ProcessorConfig.isProcessorKey(key)) {
                clustering.put(key, value);
            } else if (isKafkaKey(key)) {
                streams.setProperty(key, value);
            } else {
                throw new ConfigException(key, value, "neither a stream-processor setting (see "
                        + "docs/stream-processor-config.md) nor a Kafka Streams or client setting");
            }
        }
        return new ProcessorProperties(ProcessorConfig.fromMap(clustering), streams);
    }

    /** Whether Kafka Streams or one of its clients knows {@code key}. */
    static boolean isKafkaKey(String key) {
        if (KAFKA_NAMES.contains(key) || OPEN_PREFIXES.stream().anyMatch(key::startsWith)) {
            return true;
        }
        return CLIENT_PREFIXES.entrySet().stream()
                .anyMatch(prefix -> key.startsWith(prefix.getKey())
                        && prefix.getValue().contains(key.substring(prefix.getKey().length())));
    }

    /** The Streams settings, a copy for the caller to add to. */
    @Override
    public Properties streams() {
        return copy(streams);
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
