package dev.storywire.app;

import dev.storywire.ops.metrics.MeterRegistries;
import dev.storywire.ops.metrics.MetricsServer;
import dev.storywire.ops.metrics.PipelineMetrics;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.ProcessorProperties;
import dev.storywire.processor.StoryTopology;
import dev.storywire.processor.StreamProcessorApp;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storywire process}: the Streams processor alone, against an existing cluster, until stopped. Start more
 * instances with the same {@code --application-id} to scale out; Kafka spreads the partitions over them.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Run the Kafka Streams story processor against a cluster until Ctrl-C or SIGTERM.",
            "Instances with the same --application-id share the work."})
public final class ProcessCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--application-id", defaultValue = StreamProcessorApp.DEFAULT_APPLICATION_ID,
            description = "Kafka Streams application.id: consumer group and prefix of internal topics (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = ".storywire/streams-state",
            description = "Local RocksDB state; rebuilt from changelogs when lost (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties: Kafka Streams and client settings (e.g. security) and clustering settings ("
                    + "cluster.*, dedupe.*, story.*, *.topic, state.in-memory; see docs/stream-processor-config.md). "
                    + "Read once at start; an unknown key or a bad value stops it with a message naming both.")
    Path configFile;

    @Option(names = "--metrics-port", defaultValue = "8080",
            description = "Serve Prometheus metrics (Kafka Streams and client metrics, pipeline counters) on "
                    + "http://HOST:PORT/metrics; -1 turns it off (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--no-create-topics", negatable = true, defaultValue = "true",
            description = "Create the pipeline topics when missing (default: on).")
    boolean createTopics;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ProcessorProperties settings;
        try {
            settings = ProcessorProperties.split(readConfig(configFile));
        } catch (ConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--config " + configFile + ": "
                    + e.getMessage());
        }
        ProcessorConfig config = settings.config();
        Properties streams = TopicSetup.withTimestampRule(
                StreamProcessorApp.streamsProperties(bootstrapServers, applicationId, stateDir));
        streams.putAll(settings.streams());
        if (createTopics) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                TopicSetup.createMissing(admin, TopicSetup.pipelineTopics(TopicSetup.DEFAULT_PARTITIONS));
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        PrometheusMeterRegistry registry = MeterRegistries.prometheus("storywire-processor");
        try (StreamProcessorApp app = StreamProcessorApp.start(StoryTopology.buildTopology(config, registry), streams);
                PipelineMetrics metrics = new PipelineMetrics(registry).bindStreams(app.streams());
                MetricsServer server = metricsPort < 0 ? null : MetricsServer.start(registry, metricsPort)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.close();
                stopped.countDown();
            }, "storywire-process-shutdown"));
            Console.out("Story processor %s running against %s%s. Ctrl-C stops it.", applicationId, bootstrapServers,
                    server == null ? "" : "; metrics on http://0.0.0.0:" + server.port() + "/metrics");
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (app.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR
                        || app.state() == org.apache.kafka.streams.KafkaStreams.State.NOT_RUNNING) {
                    Console.out("Story processor stopped: %s (see the log for the cause)", app.state());
                    return 1;
                }
            }
        } finally {
            MeterRegistries.release(registry);
        }
        return 0;
    }

    private static Properties readConfig(Path file) throws IOException {
        Properties properties = new Properties();
        if (file != null) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
