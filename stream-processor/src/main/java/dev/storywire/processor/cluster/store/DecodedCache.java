package dev.storywire.processor.cluster.store;

import dev.storywire.processor.cluster.ClusterState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one cache of decoded values in front of a table: the most recently used entries, and keys known to be
 * absent, with writes going through to the table at once. Kafka Streams' record cache holds serialised bytes, and
 * the clustering reads the same stories and assignments many times per article (every candidate, every related
 * id), most of them keys that are not there; this saves decoding their JSON every time.
 */
final class DecodedCache<V> implements ClusterState.Table<V> {

    private final ClusterState.Table<V> table;
    private final Map<String, Optional<V>> entries;

    DecodedCache(ClusterState.Table<V> table, int maxEntries) {
        this.table = table;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public V get(String key) {
        Optional<V> cached = entries.get(key);
        if (cached == null) {
            cached = Optional.ofNullable(table.get(key));
            entries.put(key, cached);
        }
        return cached.orElse(null);
    }

    @Override
    public void put(String key, V value) {
        table.put(key, value);
        entries.put(key, Optional.ofNullable(value));
    }
}
