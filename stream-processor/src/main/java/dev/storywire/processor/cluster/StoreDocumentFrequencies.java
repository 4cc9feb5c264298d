package dev.storywire.processor.cluster;

import dev.storywire.processor.text.DocumentFrequencies;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Document frequencies kept incrementally in a store, with a write-through cache of the terms read lately in
 * front (bounded, least recently used leave). Scoring reads the frequency of every term of every candidate
 * story, thousands per article; through the store (serdes, record cache, a sorted map over the whole vocabulary)
 * those reads were the clustering's main cost, and one that grew with the vocabulary. The processor is the
 * store's only writer and a new processor instance is created whenever its task's state is restored, so the
 * cache never serves a stale count.
 */
final class StoreDocumentFrequencies implements DocumentFrequencies {

    /**
     * Terms kept: the vocabulary of the live stories' bounded term vectors (200 terms each, shared heavily) fits
     * with room to spare; a miss only costs one store read.
     */
    static final int MAX_ENTRIES = 200_000;

    private final KeyValueStore<String, Long> store;
    // Insertion order (first in, first out): an access-ordered map relinks an entry on every read, and reads are
    // the hot path here.
    private final Map<String, Long> cache = new LinkedHashMap<>(4096, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    /** The document count, read from the store once ({@code -1} until then). */
    private long documentCount = -1;

    StoreDocumentFrequencies(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    @Override
    public long documentFrequency(String term) {
        Long cached = cache.get(term);
        if (cached != null) {
            return cached;
        }
        long stored = read(term);
        cache.put(term, stored);
        return stored;
    }

    @Override
    public long documentCount() {
        if (documentCount < 0) {
            documentCount = read(ClusteringStores.DOCUMENT_COUNT_KEY);
        }
        return documentCount;
    }

    /** Counts one more document containing each of {@code distinctTerms}. */
    void addDocument(Collection<String> distinctTerms) {
        documentCount = documentCount() + 1;
        store.put(ClusteringStores.DOCUMENT_COUNT_KEY, documentCount);
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
