package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * bench/e2e: when each measured article was sent, and when it was first seen at each destination (wall-clock
 * milliseconds, one clock: everything runs in this JVM). Thread-safe; the watchers record, the main thread reads.
 */
final class ArrivalTimes {

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> onTopic = new ConcurrentHashMap<>();
    private final Map<String, Long> inDatabase = new ConcurrentHashMap<>();
    /** Sent, measured and not yet seen in the database: what the PostgreSQL watcher asks for. */
    private final Set<String> awaitingDatabase = ConcurrentHashMap.newKeySet();

    void sent(String id, long atMillis) {
        sentAt.put(id, atMillis);
        awaitingDatabase.add(id);
    }

    boolean measured(String id) {
        return sentAt.containsKey(id);
    }

    void seenOnTopic(String id, long atMillis) {
        if (sentAt.containsKey(id)) {
            onTopic.putIfAbsent(id, atMillis);
        }
    }

    void seenInDatabase(String id, long atMillis) {
        if (sentAt.containsKey(id)) {
            inDatabase.putIfAbsent(id, atMillis);
            awaitingDatabase.remove(id);
        }
    }

    /** A snapshot of the ids sent but not yet seen in the database. */
    List<String> awaitingDatabase() {
        return new ArrayList<>(awaitingDatabase);
    }

    int sentCount() {
        return sentAt.size();
    }

    boolean allArrived() {
        return onTopic.size() >= sentAt.size() && inDatabase.size() >= sentAt.size();
    }

    ObjectNode toTopicPercentiles() {
        return percentiles(onTopic);
    }

    ObjectNode toDatabasePercentiles() {
        return percentiles(inDatabase);
    }

    /**
     * p99 to {@code stories.articles} of the articles sent in each {@code bucketSeconds} of the run, in order: whether
     * the tail is a steady state, a warm-up or periodic stalls.
     */
    long[] topicP99ByInterval(int bucketSeconds) {
        long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        java.util.TreeMap<Long, List<Long>> buckets = new java.util.TreeMap<>();
        onTopic.forEach((id, at) -> {
            long sent = sentAt.get(id);
            buckets.computeIfAbsent((sent - first) / (bucketSeconds * 1000L), k -> new ArrayList<>()).add(at - sent);
        });
        return buckets.values().stream().mapToLong(latencies -> quantile(
                latencies.stream().mapToLong(Long::longValue).sorted().toArray(), 0.99)).toArray();
    }

    String progress() {
        return onTopic.size() + " of " + sentAt.size() + " on stories.articles, " + inDatabase.size()
                + " in the database";
    }

    private ObjectNode percentiles(Map<String, Long> arrived) {
        long[] latencies = arrived.entrySet().stream()
                .mapToLong(e -> e.getValue() - sentAt.get(e.getKey())).sorted().toArray();
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("count", latencies.length);
        json.put("missing", sentAt.size() - latencies.length);
        if (latencies.length > 0) {
            json.put("p50", quantile(latencies, 0.50));
            json.put("p99", quantile(latencies, 0.99));
            json.put("p999", quantile(latencies, 0.999));
            json.put("max", latencies[latencies.length - 1]);
        }
        return json;
    }

    static long quantile(long[] sorted, double q) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1))];
    }
}
