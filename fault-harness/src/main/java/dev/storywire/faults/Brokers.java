package dev.storywire.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The broker processes of a pipeline: one {@code storywire broker}, or a KRaft cluster of {@link ClusterNodeMain}
 * nodes. Each node keeps its port and data directory across a restart.
 */
public final class Brokers {

    private final ProcessLauncher launcher;
    private final List<Node> nodes;

    /** One broker node: how to start it and the process running it now. */
    public static final class Node {
        private final int id;
        private final int port;
        private final Path dataDir;
        private final List<String> command;
        private final boolean cli;
        private ChildProcess process;

        Node(int id, int port, Path dataDir, List<String> command, boolean cli) {
            this.id = id;
            this.port = port;
            this.dataDir = dataDir;
            this.command = List.copyOf(command);
            this.cli = cli;
        }

        public int id() {
            return id;
        }

        public ChildProcess process() {
            return process;
        }

        public Path dataDir() {
            return dataDir;
        }
    }

    private Brokers(ProcessLauncher launcher, List<Node> nodes) {
        this.launcher = launcher;
        this.nodes = List.copyOf(nodes);
    }

    /** {@code storywire broker --port P --data-dir DIR}. */
    static Brokers single(ProcessLauncher launcher, Path workDir) {
        int port = ProcessLauncher.freePort();
        Path dataDir = workDir.resolve("broker");
        return new Brokers(launcher, List.of(new Node(1, port, dataDir,
                List.of("broker", "--port", String.valueOf(port), "--data-dir", dataDir.toString()), true)));
    }

    /** {@code count} combined broker-controller nodes with a static quorum of all of them. */
    static Brokers cluster(ProcessLauncher launcher, Path workDir, int count) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ports.add(ProcessLauncher.freePort());
            controllerPorts.add(ProcessLauncher.freePort());
        }
        String voters = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i)).collect(Collectors.joining(","));
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path dataDir = workDir.resolve("broker-" + (i + 1));
            nodes.add(new Node(i + 1, ports.get(i), dataDir, List.of(String.valueOf(i + 1),
                    String.valueOf(ports.get(i)), String.valueOf(controllerPorts.get(i)), voters, dataDir.toString(),
                    clusterId, String.valueOf(count)), false));
        }
        return new Brokers(launcher, nodes);
    }

    void startAll() {
        nodes.forEach(this::start);
    }

    /** Starts (or restarts) {@code node} on its port and data directory. */
    public ChildProcess start(Node node) {
        String name = "broker-" + node.id;
        node.process = node.cli ? launcher.storywire(name, "1g", node.command)
                : launcher.java(name, "1g", ClusterNodeMain.class.getName(), node.command);
        return node.process;
    }

    public Node node(int id) {
        return nodes.stream().filter(n -> n.id == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no broker " + id));
    }

    public List<Node> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","));
    }
}
