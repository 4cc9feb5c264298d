package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * bench/e2e footprint: what the pipeline holds at one moment. Everything runs in this one JVM (broker, processor,
 * Connect worker, sink), so memory is the JVM's: resident set ({@code VmRSS} of /proc/self/status: heap, RocksDB's
 * native memory, metaspace, thread stacks, page cache of mapped files excluded) and heap in use. Disk: bytes in the
 * Streams state directory (RocksDB), bytes of each topic on the broker (describeLogDirs), grouped as changelogs,
 * repartition and the pipeline's own topics; bytes of the database files (SQLite).
 */
final class PipelineFootprint {

    private PipelineFootprint() {
    }

    static ObjectNode measure(Admin admin, Path stateDir, Path databaseFile, boolean collectGarbage) {
        ObjectNode json = Json.mapper().createObjectNode();
        Runtime runtime = Runtime.getRuntime();
        json.put("jvmHeapUsedBytes", runtime.totalMemory() - runtime.freeMemory());
        if (collectGarbage) {
            System.gc();
            json.put("jvmHeapUsedAfterGcBytes", runtime.totalMemory() - runtime.freeMemory());
        }
        json.put("jvmHeapCommittedBytes", runtime.totalMemory());
        json.put("jvmRssBytes", residentBytes());
        json.put("streamsStateDirBytes", directoryBytes(stateDir));
        ObjectNode byStore = json.putObject("streamsStateDirBytesByStore");
        storeBytes(stateDir).forEach(byStore::put);
        Map<String, Long> topics = topicBytes(admin);
        long changelogs = sum(topics, "-changelog");
        long repartition = sum(topics, "-repartition");
        json.put("changelogTopicBytes", changelogs);
        json.put("repartitionTopicBytes", repartition);
        ObjectNode byTopic = json.putObject("topicBytes");
        topics.forEach(byTopic::put);
        json.put("databaseBytes", databaseFile == null ? 0 : directoryBytes(databaseFile.getParent(),
                databaseFile.getFileName().toString()));
        json.put("loadAverage", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return json;
    }

    private static long sum(Map<String, Long> topics, String suffix) {
        return topics.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).mapToLong(Map.Entry::getValue)
                .sum();
    }

    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, Long> topicBytes(Admin admin) {
        try {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            Map<String, Long> bytes = new TreeMap<>();
            for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
                for (LogDirDescription dir : dirs.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                        bytes.merge(replica.getKey().topic(), replica.getValue().size(), Long::sum);
                    }
                }
            }
            return bytes;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the broker's log directories", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Bytes under each store's directory ({@code <state dir>/<app>/<task>/rocksdb/<store>/...}), by store name. */
    private static Map<String, Long> storeBytes(Path stateDir) {
        Map<String, Long> bytes = new TreeMap<>();
        if (!Files.isDirectory(stateDir)) {
            return bytes;
        }
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                Path relative = stateDir.relativize(path);
                String store = "(other)";
                for (int i = 0; i + 1 < relative.getNameCount(); i++) {
                    if (relative.getName(i).toString().equals("rocksdb")) {
                        store = relative.getName(i + 1).toString();
                    }
                }
                try {
                    bytes.merge(store, Files.size(path), Long::sum);
                } catch (IOException e) {
                    // RocksDB deletes files while we walk
                }
            });
        } catch (IOException | UncheckedIOException e) {
            bytes.put("(unreadable)", -1L);
        }
        return bytes;
    }

    static long directoryBytes(Path dir) {
        return directoryBytes(dir, "");
    }

    /** Bytes of the regular files under {@code dir} whose name starts with {@code prefix}. */
    private static long directoryBytes(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(prefix))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // RocksDB deletes files while we walk
                        }
                    }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }
}
