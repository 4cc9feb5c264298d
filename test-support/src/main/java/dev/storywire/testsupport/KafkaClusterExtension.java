package dev.storywire.testsupport;

import dev.storywire.embedded.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Gives integration tests a real Kafka broker, chosen in this order:
 * <ol>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS} when set (an existing cluster);</li>
 *   <li>a Testcontainers {@code apache/kafka} container when a Docker engine answers;</li>
 *   <li>otherwise an in-process KRaft broker ({@link EmbeddedKafkaBroker}).</li>
 * </ol>
 * One broker serves the whole test run of a module; it is closed when JUnit closes its root store.
 *
 * <pre>{@code @RegisterExtension static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();}</pre>
 */
public final class KafkaClusterExtension implements BeforeAllCallback {

    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    /** Image used when Docker is available; the same major version as the client libraries. */
    static final String KAFKA_IMAGE = "apache/kafka:4.3.1";

    private static final Logger log = LoggerFactory.getLogger(KafkaClusterExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaClusterExtension.class);

    private RunningCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RunningCluster.class, key -> startCluster(), RunningCluster.class);
    }

    /** The bootstrap servers of the broker this extension picked. */
    public String bootstrapServers() {
        if (cluster == null) {
            throw new IllegalStateException("KafkaClusterExtension has not started yet: register it as a static field");
        }
        return cluster.bootstrapServers();
    }

    /** Where the broker came from: {@code env}, {@code testcontainers} or {@code embedded}. */
    public String kind() {
        return cluster.kind();
    }

    private static RunningCluster startCluster() {
        String fromEnv = System.getenv(BOOTSTRAP_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            log.info("Integration tests use the Kafka cluster at {} ({})", fromEnv, BOOTSTRAP_ENV);
            return new RunningCluster("env", fromEnv, () -> { });
        }
        if (dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            log.info("Integration tests use a Testcontainers Kafka at {}", container.getBootstrapServers());
            return new RunningCluster("testcontainers", container.getBootstrapServers(), container::stop);
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
        log.info("Integration tests use an in-process Kafka broker at {}", broker.bootstrapServers());
        return new RunningCluster("embedded", broker.bootstrapServers(), broker::close);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            log.debug("Docker check failed, using the in-process broker: {}", e.toString());
            return false;
        }
    }

    /** A started cluster and how to stop it; JUnit closes it with the root store. */
    record RunningCluster(String kind, String bootstrapServers, Runnable stopper)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stopper.run();
        }
    }
}
