package dev.storywire.processor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the story topology on a {@link KafkaStreams} instance. Start with {@link #start(Topology, Properties)},
 * wait with {@link #awaitRunning(Duration)}, stop with {@link #close()}. A stream thread that dies of a transient
 * cause (the broker away, a leader election) is replaced after a backed-off wait, so the processor rides out an
 * outage and resumes by itself; any other uncaught exception is logged and shuts the client down cleanly (state
 * {@code ERROR}); the caller decides whether to exit. See {@link RecoveringExceptionHandler}.
 */
public final class StreamProcessorApp implements AutoCloseable {

    public static final String DEFAULT_APPLICATION_ID = "storywire-processor";
    /**
     * Replication factor of the internal topics (changelogs, the repartition topic): -1 takes the broker's
     * {@code default.replication.factor}, which is 1 on a single-node broker and whatever production sets.
     */
    public static final int BROKER_DEFAULT_REPLICATION = -1;

    private static final Logger LOG = LoggerFactory.getLogger(StreamProcessorApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final RecoveringExceptionHandler exceptionHandler;
    private final CountDownLatch running = new CountDownLatch(1);

    private StreamProcessorApp(Topology topology, Properties properties) {
        this.streams = new KafkaStreams(topology, properties);
        streams.setStateListener((next, previous) -> {
            LOG.info("Stream processor {} -> {}", previous, next);
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        this.exceptionHandler = new RecoveringExceptionHandler(
                String.valueOf(properties.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)));
        streams.setUncaughtExceptionHandler(exceptionHandler);
    }

    /** Starts {@code topology} with {@code properties} (see {@link #streamsProperties}). */
    public static StreamProcessorApp start(Topology topology, Properties properties) {
        StreamProcessorApp app = new StreamProcessorApp(Objects.requireNonNull(topology), properties);
        app.streams.start();
        return app;
    }

    /** Builds the topology from {@code config} and starts it. */
    public static StreamProcessorApp start(ProcessorConfig config, Properties properties) {
        return start(StoryTopology.buildTopology(config), properties);
    }

    /** As {@link #streamsProperties(String, String, Path, int)} with the broker's default replication factor. */
    public static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir) {
        return streamsProperties(bootstrapServers, applicationId, stateDir, BROKER_DEFAULT_REPLICATION);
    }

    /**
     * Kafka Streams settings for the processor.
     *
     * @param applicationId consumer group and internal topic prefix; {@code null} for {@value #DEFAULT_APPLICATION_ID}
     * @param stateDir where RocksDB keeps the stores
     * @param replicationFactor of the internal topics; 1 for a single-node broker, -1 for the broker default
     */
    public static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir,
            int replicationFactor) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId == null ? DEFAULT_APPLICATION_ID : applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Under exactly-once, output becomes visible to read_committed consumers only when a transaction
        // commits; 200 ms keeps a local run responsive (the EOS default is 100 ms, the at-least-once default
        // 30 s) without committing a transaction per record.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // A record that cannot be read is logged (topic/partition/offset, start of the value) and skipped.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueDeserializationHandler.class);
        // No global stores today; opting in now is what Kafka recommends and silences its start-up warning.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // A new application reads the feed from the beginning: every article ever published gets clustered.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Most store lookups are of keys not there (new article ids, new terms): filter them before the memtable.
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, PointLookupRocksDbConfig.class);
        return p;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The running client, e.g. for interactive queries on the stores. */
    public KafkaStreams streams() {
        return streams;
    }

    /** Stream threads replaced after a transient failure since the start. */
    public int replacedThreads() {
        return exceptionHandler.replacements();
    }

    /** Waits until the client reached {@code RUNNING} once; false when the timeout passed first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the client and leaves the consumer group. Kafka Streams stays in the group by default, which spares a
     * rebalance when an instance of a larger group comes back at once; but the clustering runs on one partition,
     * usually in one instance, and a restarted processor then waited out the whole session timeout (45 s) before
     * it got its tasks back.
     */
    @Override
    public void close() {
        CloseOptions options = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
        exceptionHandler.stop();
        if (!streams.close(options)) {
            LOG.warn("Stream processor did not close within {}", CLOSE_TIMEOUT);
        }
    }
}
