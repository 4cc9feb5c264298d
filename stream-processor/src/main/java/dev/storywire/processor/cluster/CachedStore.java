package dev.storywire.processor.cluster;

import java.util.function.Function;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store with a write-through cache of deserialised values in front, bounded
 * ({@link RecentlyUsedCache}), that also remembers which keys the store does not have. Decoding JSON values again on
 * every read was the clustering's main cost for story states. For the small values (story assignments, related-link
 * lists) what a hit saves is the RocksDB lookup itself: a JNI call and a memtable skip-list search that JFR's Java
 * samples do not show, but {@code perf} does (a fifth of the stream thread at 150,000 synthetic articles, most of it
 * lookups of absent keys). The processor is the store's only writer and a new processor instance is created whenever
 * its task's state is restored, so the cache never serves a stale value.
 */
final class CachedStore<V> {

    /** Marks a key the store has no value for: lookups of absent keys (terms no story is indexed under) are common. */
    private static final Object ABSENT = new Object();

    private final KeyValueStore<String, V> store;
    private final RecentlyUsedCache<String, Object> cache;

    CachedStore(KeyValueStore<String, V> store, int maxEntries) {
        this.store = store;
        this.cache = new RecentlyUsedCache<>(maxEntries);
    }

    /** The value of {@code key}, or {@code null} when the store has none. */
    @SuppressWarnings("unchecked")
    V get(String key) {
        Object cached = cache.get(key);
        if (cached != null) {
            return cached == ABSENT ? null : (V) cached;
        }
        V stored = store.get(key);
        cache.put(key, stored == null ? ABSENT : stored);
        return stored;
    }

    /**
     * The cached value of {@code key}, else what {@code read} returns for it, which is not cached: for reads of
     * entries about to change (expiry reads a story in a smaller form than the cache holds).
     */
    @SuppressWarnings("unchecked")
    V getOr(String key, Function<String, V> read) {
        Object cached = cache.get(key);
        if (cached != null) {
            return cached == ABSENT ? null : (V) cached;
        }
        return read.apply(key);
    }

    /** Writes {@code value}; {@code null} deletes, as for Kafka Streams stores. */
    void put(String key, V value) {
        store.put(key, value);
        cache.put(key, value == null ? ABSENT : value);
    }

    /** Deletes {@code key} by writing {@code null}, without reading and decoding the old value as delete() does. */
    void delete(String key) {
        put(key, null);
    }
}
