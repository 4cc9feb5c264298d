package dev.storywire.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM,
 * built from the {@code kafka_2.13} Maven artifact: formatted with {@code StorageTool --standalone},
 * then started as a {@link KafkaRaftServer}.
 *
 * <p>The settings a one-node cluster needs for exactly-once (replication factor and min ISR of the
 * internal topics at 1) are set here; without them transactional producers hang.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** The broker's log directory inside the data directory; {@code meta.properties} there marks it formatted. */
    private static final String LOG_DIR = "logs";

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Builder builder) {
        this.port = builder.port == 0 ? freePort() : builder.port;
        this.controllerPort = freePort();
        this.deleteDataDirOnClose = builder.dataDir == null;
        this.dataDir = builder.dataDir == null ? tempDir() : builder.dataDir;
        this.overrides = Map.copyOf(builder.overrides);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the storage (unless already formatted), starts the broker and waits until it answers. */
    public EmbeddedKafkaBroker start() {
        Properties props = brokerProperties();
        format(props);
        server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        server.startup();
        awaitReady();
        log.info("Embedded Kafka broker ready at {} (data in {})", bootstrapServers(), dataDir);
        return this;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Blocks until the broker has shut down, e.g. from another thread's {@link #close()}. */
    public void awaitShutdown() {
        if (server != null) {
            server.awaitShutdown();
        }
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        log.info("Stopping embedded Kafka broker at {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        server = null;
        if (deleteDataDirOnClose) {
            Directories.deleteQuietly(dataDir);
        }
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("node.id", "1");
        props.put("process.roles", "broker,controller");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        // Dynamic quorum with this node as the only voter (what "format --standalone" sets up).
        props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        props.put("log.dirs", dataDir.resolve(LOG_DIR).toString());
        // One node: every internal topic must live with a single replica, or exactly-once hangs.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // No point waiting for more members to join on a local broker: groups start at once.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created explicitly with their intended settings; a typo should not create one.
        props.put("auto.create.topics.enable", "false");
        props.put("num.partitions", "1");
        // Keep the local footprint small: 1 MiB segments for the metadata log, fewer threads.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        props.putAll(overrides);
        return props;
    }

    /**
     * Formats the storage of a new data directory with a new cluster id. A directory formatted before is left as
     * it is: its {@code meta.properties} holds the cluster id and the directory id its logs belong to, and
     * formatting it again (even with {@code --ignore-formatted}) under a new random id made the second start fail
     * with {@code Invalid cluster.id}.
     */
    private void format(Properties props) {
        Optional<String> clusterId = StorageMeta.clusterId(dataDir.resolve(LOG_DIR));
        if (clusterId.isPresent()) {
            log.info("Kafka storage in {} already formatted (cluster id {}); starting on its data", dataDir,
                    clusterId.get());
            return;
        }
        Path config = dataDir.resolve("server.properties");
        try {
            Files.createDirectories(dataDir);
            try (Writer writer = Files.newBufferedWriter(config)) {
                props.store(writer, "storywire embedded broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write broker config to " + config, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {
            "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--standalone", "--ignore-formatted"
        }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed (exit " + code + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Embedded Kafka broker at " + bootstrapServers()
                    + " did not become ready within " + READY_TIMEOUT, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("storywire-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary data directory", e);
        }
    }


    /** Options for an embedded broker. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private final Map<String, String> overrides = new java.util.HashMap<>();

        /** The client port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where to keep the logs across restarts; default a temporary directory deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Any broker setting, applied last. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
