package dev.storywire.app;

import dev.storywire.embedded.EmbeddedConnectWorker;
import dev.storywire.embedded.EmbeddedKafkaBroker;
import dev.storywire.model.Topics;
import dev.storywire.ops.lag.LagCollector;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.StoryTopology;
import dev.storywire.processor.StreamProcessorApp;
import dev.storywire.sink.StorySinkConfig;
import dev.storywire.sink.StorySinkConnector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline in one process: broker (unless an external one is given), topics, the Streams
 * processor and a Connect worker running the sink. Closing it stops everything it started, in reverse order.
 */
final class LocalPipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPipeline.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final PipelineSettings settings;
    private final ProcessorConfig processorConfig;
    private final List<AutoCloseable> started = new ArrayList<>();
    private String bootstrapServers;
    private Admin admin;
    private StreamProcessorApp processor;
    private EmbeddedConnectWorker connect;

    private LocalPipeline(PipelineSettings settings, ProcessorConfig processorConfig) {
        this.settings = settings;
        this.processorConfig = processorConfig;
    }

    static LocalPipeline start(PipelineSettings settings) {
        return start(settings, ProcessorConfig.defaults());
    }

    /** The pipeline with other processor settings (e.g. a longer retention window for a footprint run). */
    static LocalPipeline start(PipelineSettings settings, ProcessorConfig processorConfig) {
        LocalPipeline pipeline = new LocalPipeline(settings, processorConfig);
        try {
            pipeline.startAll();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    private void startAll() {
        if (settings.embeddedBroker()) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
            started.add(broker);
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = settings.bootstrapServers();
        }
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // Fail fast with a clear message when --bootstrap-servers points nowhere.
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
        started.add(admin);
        List<NewTopic> topics = new ArrayList<>(TopicSetup.pipelineTopics(settings.topicPartitions()));
        // Created up front so the Connect worker does not log an error while creating it on first use.
        topics.add(TopicSetup.topic(PipelineSettings.SINK_DLQ_TOPIC, 1));
        TopicSetup.createMissing(admin, topics);

        processor = StreamProcessorApp.start(StoryTopology.buildTopology(processorConfig),
                TopicSetup.withTimestampRule(StreamProcessorApp.streamsProperties(bootstrapServers,
                        PipelineSettings.PROCESSOR_APPLICATION_ID, settings.workDir().resolve("streams-state"))));
        started.add(processor);

        connect = EmbeddedConnectWorker.start(bootstrapServers, settings.workDir(), Map.of());
        started.add(connect);
        connect.putConnector(PipelineSettings.SINK_CONNECTOR_NAME, sinkConfig());
    }

    Map<String, String> sinkConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", StorySinkConnector.class.getName());
        // SQLite takes one writer at a time; one task keeps writes in a single transaction stream.
        config.put("tasks.max", "1");
        config.put("topics", Topics.STORIES.name() + "," + Topics.STORIES_ARTICLES.name());
        config.put(StorySinkConfig.CONNECTION_URL, settings.jdbcUrl());
        if (settings.dbUser() != null) {
            config.put(StorySinkConfig.CONNECTION_USER, settings.dbUser());
        }
        if (settings.dbPassword() != null) {
            config.put(StorySinkConfig.CONNECTION_PASSWORD, settings.dbPassword());
        }
        // Unreadable records go to a dead-letter topic with the reason in headers; the sink goes on.
        config.put("errors.tolerance", "all");
        config.put("errors.log.enable", "true");
        config.put("errors.deadletterqueue.topic.name", PipelineSettings.SINK_DLQ_TOPIC);
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        if (settings.embeddedBroker()) {
            config.put("errors.deadletterqueue.topic.replication.factor", "1");
        }
        return config;
    }

    /**
     * Waits until the processor has consumed and committed every input record and the sink every output
     * record. The processor is checked first: once its inputs are committed, its outputs (written in the same
     * transactions) are final, so the sink's end offsets read next are the real finish line.
     */
    void awaitCaughtUp() throws InterruptedException {
        Instant deadline = Instant.now().plus(settings.timeout());
        try (LagCollector progress = LagCollector.using(admin, bootstrapServers)) {
            awaitCaughtUp(progress, deadline);
        }
    }

    private void awaitCaughtUp(LagCollector progress, Instant deadline) throws InterruptedException {
        String sinkGroup = EmbeddedConnectWorker.sinkGroupId(PipelineSettings.SINK_CONNECTOR_NAME);
        Set<String> sinkTopics = Set.of(Topics.STORIES.name(), Topics.STORIES_ARTICLES.name());
        long processorLag = -1;
        long sinkLag = -1;
        while (Instant.now().isBefore(deadline)) {
            checkHealthy();
            processorLag = progress.unconsumedRecords(
                    PipelineSettings.PROCESSOR_APPLICATION_ID, processorInputTopics(progress));
            sinkLag = processorLag == 0 ? progress.unconsumedRecords(sinkGroup, sinkTopics) : -1;
            if (processorLag == 0 && sinkLag == 0) {
                return;
            }
            log.debug("Waiting: processor lag {}, sink lag {}", processorLag, sinkLag);
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        throw new IllegalStateException("The pipeline did not catch up within " + settings.timeout()
                + " (processor lag " + processorLag + ", sink lag " + sinkLag + "; sink "
                + connect.connectorState(PipelineSettings.SINK_CONNECTOR_NAME) + ")");
    }

    /** Records not yet consumed (and committed) by the processor and by the sink, right now. */
    Unconsumed unconsumed() {
        try (LagCollector progress = LagCollector.using(admin, bootstrapServers)) {
            return new Unconsumed(
                    progress.unconsumedRecords(PipelineSettings.PROCESSOR_APPLICATION_ID, processorInputTopics(progress)),
                    progress.unconsumedRecords(EmbeddedConnectWorker.sinkGroupId(PipelineSettings.SINK_CONNECTOR_NAME),
                            Set.of(Topics.STORIES.name(), Topics.STORIES_ARTICLES.name())));
        }
    }

    /** Unconsumed records of the processor's input topics and of the sink's topics. */
    record Unconsumed(long processor, long sink) {
    }

    /** The admin client of this pipeline (closed with it). */
    Admin admin() {
        return admin;
    }

    private Set<String> processorInputTopics(LagCollector progress) {
        Set<String> topics = new HashSet<>(progress.topicsMatching(
                PipelineSettings.PROCESSOR_APPLICATION_ID + "-", "-repartition"));
        topics.add(Topics.FEED_ARTICLES.name());
        return topics;
    }

    private void checkHealthy() {
        if (!processor.state().isRunningOrRebalancing() && processor.state() != KafkaStreams.State.CREATED) {
            throw new IllegalStateException("The stream processor stopped: " + processor.state());
        }
        if (connect.hasFailedTask(PipelineSettings.SINK_CONNECTOR_NAME)) {
            throw new IllegalStateException("The sink connector failed: "
                    + connect.connectorState(PipelineSettings.SINK_CONNECTOR_NAME));
        }
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("Error while stopping {}: {}", started.get(i).getClass().getSimpleName(), e.toString());
            }
        }
        started.clear();
    }
}
