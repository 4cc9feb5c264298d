package dev.storywire.processor.cluster;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store with a write-through cache of deserialised values in front, bounded
 * ({@link RecentlyUsedCache}). Decoding JSON values again on every read was the clustering's main cost for story
 * states (the term postings had one too, before the term index moved to memory). It is not worth it for small values
 * read a few times: over the articles' story assignments, related links and fingerprints, an access-ordered cache's
 * own bookkeeping cost as much stream-thread time as the RocksDB reads it saved. The processor is the store's only
 * writer and a new processor instance is created whenever its task's state is restored, so the cache never serves a
 * stale value.
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
