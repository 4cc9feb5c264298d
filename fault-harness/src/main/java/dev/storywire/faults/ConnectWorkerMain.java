package dev.storywire.faults;

import dev.storywire.embedded.EmbeddedConnectWorker;
import dev.storywire.model.Topics;
import dev.storywire.sink.StorySinkConfig;
import dev.storywire.sink.StorySinkConnector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect standalone worker running the story sink, as an OS process of its own (storywire has no
 * subcommand for a lone worker: {@code run} starts one inside its own JVM). Runs until SIGTERM or kill -9.
 *
 * <p>Usage: {@code ConnectWorkerMain BOOTSTRAP WORK_DIR JDBC_URL REPLICATION_FACTOR [SINK_KEY=VALUE ...]}
 */
public final class ConnectWorkerMain {

    public static final String CONNECTOR = "storywire-sink";
    public static final String SINK_DLQ_TOPIC = "stories.sink.dlq";
    private static final Logger log = LoggerFactory.getLogger(ConnectWorkerMain.class);

    private ConnectWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: ConnectWorkerMain BOOTSTRAP WORK_DIR JDBC_URL REPLICATION_FACTOR [KEY=VALUE ...]");
            System.exit(2);
        }
        EmbeddedConnectWorker worker = EmbeddedConnectWorker.start(args[0], Path.of(args[1]), Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            stopped.countDown();
        }, "connect-worker-shutdown"));
        Map<String, String> config = sinkConfig(args[2], args[3]);
        for (int i = 4; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            config.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        worker.putConnector(CONNECTOR, config);
        log.info("Connect worker with {} running against {}", CONNECTOR, args[0]);
        stopped.await();
    }

    /** The sink as {@code storywire run} configures it, errors to a dead-letter topic. */
    static Map<String, String> sinkConfig(String jdbcUrl, String replicationFactor) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", StorySinkConnector.class.getName());
        // SQLite takes one writer at a time; one task for PostgreSQL too, so both runs are alike.
        config.put("tasks.max", "1");
        config.put("topics", Topics.STORIES.name() + "," + Topics.STORIES_ARTICLES.name());
        config.put(StorySinkConfig.CONNECTION_URL, jdbcUrl);
        config.put("errors.tolerance", "all");
        config.put("errors.log.enable", "true");
        config.put("errors.deadletterqueue.topic.name", SINK_DLQ_TOPIC);
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put("errors.deadletterqueue.topic.replication.factor", replicationFactor);
        return config;
    }
}
