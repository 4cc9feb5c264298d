package dev.storywire.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * One node of a multi-node KRaft cluster (combined broker and controller, static quorum) as an OS process. The
 * {@code storywire broker} command only runs a single-node cluster (it has no node id, quorum or replication
 * settings), so the three-broker scenario starts its nodes with this main: the same Kafka server classes, formatted
 * once with a shared cluster id (an already formatted directory is kept as it is).
 *
 * <p>Usage: {@code ClusterNodeMain NODE_ID PORT CONTROLLER_PORT VOTERS DATA_DIR CLUSTER_ID REPLICATION_FACTOR}
 */
public final class ClusterNodeMain {

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            System.err.println("usage: ClusterNodeMain NODE_ID PORT CONTROLLER_PORT VOTERS DATA_DIR CLUSTER_ID RF");
            System.exit(2);
        }
        Path dataDir = Path.of(args[4]);
        Properties props = properties(args[0], args[1], args[2], args[3], dataDir, args[6]);
        format(props, dataDir, args[5]);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "cluster-node-shutdown"));
        server.startup();
        server.awaitShutdown();
    }

    static Properties properties(String nodeId, String port, String controllerPort, String voters, Path dataDir,
            String replicationFactor) {
        int replicas = Integer.parseInt(replicationFactor);
        // Writes need two of three replicas: one node may fail without losing an acknowledged write.
        String minIsr = String.valueOf(Math.max(1, replicas - 1));
        Properties props = new Properties();
        props.put("node.id", nodeId);
        props.put("process.roles", "broker,controller");
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("controller.quorum.voters", voters);
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("offsets.topic.replication.factor", replicationFactor);
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", replicationFactor);
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", replicationFactor);
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("default.replication.factor", replicationFactor);
        props.put("min.insync.replicas", minIsr);
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return props;
    }

    private static void format(Properties props, Path dataDir, String clusterId) throws IOException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            props.store(writer, "fault-harness cluster node");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString(),
            "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting " + dataDir + " failed (exit " + code + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}
