package dev.storywire.processor.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store with a write-through cache of deserialised values in front, bounded (least recently used
 * leave). Decoding JSON values again on every read was the clustering's main cost for story states and term
 * postings. The processor is the store's only writer and a new processor instance is created whenever its task's
 * state is restored, so the cache never serves a stale value.
 */
final class CachedStore<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> cache;

    CachedStore(KeyValueStore<String, V> store, int maxEntries) {
        this.store = store;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** The value of {@code key}, or {@code null} when the store has none. */
    V get(String key) {
        V cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        V stored = store.get(key);
        if (stored != null) {
            cache.put(key, stored);
        }
        return stored;
    }

    void put(String key, V value) {
        store.put(key, value);
        cache.put(key, value);
    }

    void delete(String key) {
        store.delete(key);
        cache.remove(key);
    }
}
