package dev.storywire.ingest;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer configuration the ingester runs with: tuned defaults, then the user's overrides. */
public final class ProducerSettings {

    /** Shown instead of secret values in logs. */
    public static final String MASK = "[hidden]";

    private ProducerSettings() {
    }

    /**
     * Defaults for a durable, high-throughput feed producer, overlaid with {@code overrides} (which win, so a user
     * can pass security settings or other tuning). The serializers are always the ones this producer needs.
     */
    public static Map<String, Object> effective(String bootstrapServers, Map<String, ?> overrides) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "storywire-ingest");
        // No duplicates from retries and per-partition order kept: the broker dedupes by producer id and sequence.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // A feed document counts as published only once every in-sync replica has it.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps order with up to 5 requests in flight per connection; more would be refused.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Article JSON is repetitive text (field names, URLs): lz4 shrinks it well at little CPU on small machines.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Ingest is bulk work, not latency-critical: wait up to 20 ms to fill batches of up to 256 KiB
        // (a document is 2-10 KiB), so one request carries dozens of documents and compresses better.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // Bounded failure when the cluster is unreachable: send() blocks at most 30 s for metadata or buffer space,
        // and a record is given up (and reported) 60 s after send(), retries included.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.putAll(overrides);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }

    /** {@code properties} as a map of string keys, e.g. from a {@code --producer-config} file. */
    public static Map<String, Object> fromProperties(Properties properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }

    /** A copy safe to log: values of secret settings (JAAS config, passwords, keys, secrets) are masked. */
    public static Map<String, Object> masked(Map<String, ?> config) {
        Map<String, Object> masked = new LinkedHashMap<>();
        config.forEach((key, value) -> masked.put(key, isSecret(key) ? MASK : value));
        return masked;
    }

    /** Whether the value of setting {@code key} must never appear in logs. */
    public static boolean isSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        return name.equals("sasl.jaas.config")
                || name.endsWith(".password")
                || name.contains("password")
                || name.contains("secret")
                || name.contains("credential")
                || name.contains("token")
                || name.equals("ssl.keystore.key")
                || name.equals("basic.auth.user.info");
    }
}
