package dev.storywire.app;

import dev.storywire.model.Topics;
import dev.storywire.serve.ServeConfig;
import dev.storywire.serve.SubscriberServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storywire serve}: the subscriber API, event stream and live page over the stories topics. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the stories over HTTP: a live page at /, GET /api/stories, /api/stories/{id}, server-sent events "
                + "at /api/stream, /api/openapi.json and /health. Reads the stories topics whole into its own global "
                + "stores: run as many instances as you like, each answers every query. See docs/subscribers.md.",
            "Exit codes: 0 stopped with Ctrl-C; 1 the server could not start; 2 bad usage."})
public final class ServeCommand implements Callable<Integer> {

    /** How long Ctrl-C waits for the server to close its streams and stores. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "localhost:9092",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8088",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--instance-id", paramLabel = "NAME",
            description = "Name of this instance (default: random). Only needs to be unique per --state-dir.")
    String instanceId;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Kafka Streams state directory (default: a temporary one, removed on exit).")
    String stateDir;

    @Option(names = "--max-stream-clients", paramLabel = "N", defaultValue = "1000",
            description = "Concurrent /api/stream clients; more are answered 503 (default: ${DEFAULT-VALUE}).")
    int maxStreamClients;

    @Option(names = "--stories-topic", paramLabel = "TOPIC", description = "Default: stories.")
    String storiesTopic = Topics.STORIES.name();

    @Option(names = "--story-articles-topic", paramLabel = "TOPIC", description = "Default: stories.articles.")
    String storyArticlesTopic = Topics.STORIES_ARTICLES.name();

    @Option(names = "--lag-group", paramLabel = "GROUP",
            description = "Consumer group of the lag panel (repeatable). Default: the processor's and the sink's.")
    List<String> lagGroups = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> settings = settings(bootstrapServers, port);
        settings.put(ServeConfig.HTTP_HOST, host);
        settings.put(ServeConfig.STREAM_MAX_CLIENTS, maxStreamClients);
        settings.put(ServeConfig.STORIES_TOPIC, storiesTopic);
        settings.put(ServeConfig.STORY_ARTICLES_TOPIC, storyArticlesTopic);
        if (instanceId != null) {
            settings.put(ServeConfig.INSTANCE_ID, instanceId);
        }
        if (stateDir != null) {
            settings.put(ServeConfig.STATE_DIR, stateDir);
        }
        if (!lagGroups.isEmpty()) {
            settings.put(ServeConfig.LAG_GROUPS, lagGroups);
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (SubscriberServer server = SubscriberServer.start(new ServeConfig(settings))) {
            Console.out("storywire serve: http://localhost:%d/ (restoring stores; /health turns 200 when ready). "
                    + "Ctrl-C stops.", server.port());
            awaitCtrlC(closed);
            return 0;
        } catch (RuntimeException e) {
            Console.out("storywire serve failed: %s", e.getMessage());
            return 1;
        } finally {
            closed.countDown();
        }
    }

    /** The settings {@code run --serve} and {@code serve} share: Kafka, port and the pipeline's lag groups. */
    static Map<String, Object> settings(String bootstrapServers, int port) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ServeConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        settings.put(ServeConfig.HTTP_PORT, port);
        settings.put(ServeConfig.LAG_GROUPS, LagCommand.defaultGroups());
        return settings;
    }

    /** {@code run --serve PORT}: the server over the run's pipeline. */
    static SubscriberServer startForRun(LocalPipeline pipeline, int port) {
        SubscriberServer server = SubscriberServer.start(new ServeConfig(settings(pipeline.bootstrapServers(), port)));
        Console.out("Serving the stories at http://localhost:%d/ ; Ctrl-C stops the server and the pipeline.",
                server.port());
        return server;
    }

    /**
     * Blocks until Ctrl-C; the hook then holds the JVM until {@code closed} is counted down (by the caller, once it
     * closed what it started) or the grace period ends.
     */
    static void awaitCtrlC(CountDownLatch closed) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "storywire-serve-stop"));
        stop.await();
    }
}
