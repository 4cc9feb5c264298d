package dev.storywire.processor.cluster;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A bounded cache that drops its least recently used quarter whenever it grows past its bound. A read only stamps
 * the entry with a counter (a primitive write): an access-ordered {@code LinkedHashMap} relinks the entry and its
 * neighbours on every read, and over the clustering's caches of story states and norms, read for every candidate of
 * every article, that relinking was a few percent of the stream thread, with reference writes into old objects
 * that the garbage collector then has to scan. Eviction sorts the stamps once per quarter of the bound inserted.
 * Not thread-safe.
 */
final class RecentlyUsedCache<K, V> {

    private final int maxEntries;
    private final Map<K, Entry<V>> entries = new HashMap<>();
    private long clock;

    /** @param maxEntries entries held at most; past it the least recently used quarter leaves */
    RecentlyUsedCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    /** The value of {@code key}, or {@code null} when none is cached. */
    V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        entry.used = ++clock;
        return entry.value;
    }

    void put(K key, V value) {
        Entry<V> entry = entries.get(key);
        if (entry != null) {
            entry.value = value;
            entry.used = ++clock;
            return;
        }
        entries.put(key, new Entry<>(value, ++clock));
        if (entries.size() > maxEntries) {
            evictLeastRecentlyUsed();
        }
    }

    void remove(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    /** Drops the entries used longest ago, a quarter of the bound (at least one), so eviction runs rarely. */
    private void evictLeastRecentlyUsed() {
        long[] stamps = new long[entries.size()];
        int i = 0;
        for (Entry<V> entry : entries.values()) {
            stamps[i++] = entry.used;
        }
        Arrays.sort(stamps);
        int drop = Math.max(entries.size() - maxEntries, maxEntries / 4);
        long cutoff = stamps[Math.min(drop, stamps.length) - 1];
        entries.values().removeIf(entry -> entry.used <= cutoff);
    }

    private static final class Entry<V> {

        private V value;
        private long used;

        Entry(V value, long used) {
            this.value = value;
            this.used = used;
        }
    }
}
