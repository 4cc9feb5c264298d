package dev.storywire.processor.cluster;

import dev.storywire.processor.text.DocumentFrequencies;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies kept incrementally in a store, with a read cache that lives for one record (so scoring
 * many candidates does not read the same term twice).
 */
final class StoreDocumentFrequencies implements DocumentFrequencies {

    private final KeyValueStore<String, Long> store;
    private final Map<String, Long> cache = new HashMap<>();

    StoreDocumentFrequencies(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    void clearCache() {
        cache.clear();
    }

    @Override
    public long documentFrequency(String term) {
        return cache.computeIfAbsent(term, this::read);
    }

    @Override
    public long documentCount() {
        return cache.computeIfAbsent(ClusteringStores.DOCUMENT_COUNT_KEY, this::read);
    }

    /** Counts one more document containing each of {@code distinctTerms}. */
    void addDocument(Collection<String> distinctTerms) {
        increment(ClusteringStores.DOCUMENT_COUNT_KEY);
        distinctTerms.forEach(this::increment);
    }

    private void increment(String key) {
        long next = documentFrequency(key) + 1;
        store.put(key, next);
        cache.put(key, next);
    }

    private long read(String key) {
        Long value = store.get(key);
        return value == null ? 0L : value;
    }
}
