package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.embedded.EmbeddedConnectWorker;
import dev.storywire.ingest.ProducerSettings;
import dev.storywire.model.Json;
import dev.storywire.processor.ClusteringProcessor;
import dev.storywire.processor.StreamProcessorApp;
import dev.storywire.sink.StorySinkConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings that decide bench/e2e's latencies, read from the product's own defaults (so the result file says
 * what was run), each with why it is set so and what it costs.
 */
final class E2eSettings {

    private E2eSettings() {
    }

    static ObjectNode describe() {
        ObjectNode json = Json.mapper().createObjectNode();
        Properties streams = StreamProcessorApp.streamsProperties("(embedded)", PipelineSettings.PROCESSOR_APPLICATION_ID,
                Path.of("state"));
        Map<String, Object> producer = ProducerSettings.effective("(embedded)", Map.of());
        Map<String, String> worker = EmbeddedConnectWorker.workerProperties("(embedded)", Path.of("work"));
        setting(json, "streams." + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streams.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG),
                "exactly-once: output, and the repartition topic between dedupe and clustering, is visible to "
                        + "read_committed readers only when a transaction commits; an article crosses two commits "
                        + "(dedupe -> repartition, clustering -> stories.articles), on average 1.5 intervals, so this "
                        + "is most of p50. Cost of a shorter one: a transaction (markers on every output, changelog "
                        + "and offset partition, a round trip to the coordinator) per interval; 200 ms met the target "
                        + "with room, so it stays");
        setting(json, "processor.expiry-punctuation", ClusteringProcessor.EXPIRY_PUNCTUATION,
                "story expiry runs on the stream thread: every second (and a due-story scan per minute of feed "
                        + "time) keeps each call small; at 30 s / an hour one call expired ~18,000 stories and "
                        + "stalled the thread 2-3 s (p99 2.7 s). Cost: a clock read per second when nothing is due");
        setting(json, "producer." + ProducerConfig.LINGER_MS_CONFIG, producer.get(ProducerConfig.LINGER_MS_CONFIG),
                "ingest waits this long to fill a batch: adds at most this much to every article (2-5 % of p50), "
                        + "saves requests and compresses better");
        setting(json, "producer." + ProducerConfig.BATCH_SIZE_CONFIG, producer.get(ProducerConfig.BATCH_SIZE_CONFIG),
                "bytes per partition batch; at these rates the linger, not the size, closes a batch");
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(worker).entrySet()) {
            if (e.getKey().startsWith("consumer.") || e.getKey().equals("offset.flush.interval.ms")) {
                setting(json, "connect." + e.getKey(), e.getValue(), ConnectWhy.of(e.getKey()));
            }
        }
        setting(json, "sink." + StorySinkConfig.BATCH_SIZE,
                StorySinkConfig.CONFIG_DEF.defaultValues().get(StorySinkConfig.BATCH_SIZE),
                "statements per JDBC batch; every put() (one consumer poll) is committed in one database transaction "
                        + "whatever its size, so this bounds round trips, not latency");
        setting(json, "connect.consumer.fetch.min.bytes / fetch.max.wait.ms", "1 / 500 (Kafka defaults)",
                "left as they are: a fetch returns as soon as committed data is there, so the wait only bounds an "
                        + "idle poll; raising min.bytes would batch more per put() at the cost of up to max.wait");
        return json;
    }

    private static void setting(ObjectNode json, String name, Object value, String why) {
        ObjectNode node = json.putObject(name);
        node.put("value", String.valueOf(value));
        node.put("why", why);
    }

    /** Why the Connect worker's consumer and flush settings are what they are (see EmbeddedConnectWorker). */
    private static final class ConnectWhy {
        private ConnectWhy() {
        }

        static String of(String key) {
            return switch (key) {
                case "consumer.isolation.level" -> "the sink writes only what the exactly-once processor committed";
                case "consumer.auto.offset.reset" -> "a new sink starts from the beginning of the topics";
                case "offset.flush.interval.ms" -> "how often the sink's consumer offsets are committed; the rows are "
                        + "committed to the database in put(), so this decides how much a restart replays "
                        + "(harmless: upserts) and how soon lag reads zero, not the freshness of rows";
                default -> "worker setting of EmbeddedConnectWorker";
            };
        }
    }
}
