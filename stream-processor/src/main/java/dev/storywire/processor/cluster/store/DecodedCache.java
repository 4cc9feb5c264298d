package dev.storywire.processor.cluster.store;

import dev.storywire.processor.cluster.ClusterState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one cache of decoded values in front of a table: the most recently used entries, and keys known to be
 * absent, with writes going through to the table at once. Kafka Streams' record cache holds serialised bytes, and
 * the clustering reads the same stories and assignments many times per article (every candidate, every related
 * id), most of them keys that are not there; this saves decoding them every time.
 */
final class DecodedCache<V> implements ClusterState.Table<V> {

    /** Stands for a key known to be absent: values are kept as they are, without a wrapper to read through. */
    private static final Object ABSENT = new Object();

    private final ClusterState.Table<V> table;
    private final Map<String, Object> entries;

    DecodedCache(ClusterState.Table<V> table, int maxEntries) {
        this.table = table;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public V get(String key) {
        Object cached = entries.get(key);
        if (cached == null) {
            V value = table.get(key);
            entries.put(key, value == null ? ABSENT : value);
            return value;
        }
        return cached == ABSENT ? null : valueOf(cached);
    }

    @Override
    public void put(String key, V value) {
        table.put(key, value);
        entries.put(key, value == null ? ABSENT : value);
    }

    @SuppressWarnings("unchecked")
    private V valueOf(Object cached) {
        return (V) cached;
    }
}
