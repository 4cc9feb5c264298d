package dev.storywire.processor.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The term index with a write-through cache of decoded postings in front, bounded (least recently used leave).
 * Every article reads the postings of its query terms, every saved story those of its new terms and every expiring
 * story those of all its terms; decoding the JSON lists again each time was about a tenth of the clustering time at
 * 100,000 articles. The processor is the store's only writer and a new processor instance is created whenever its
 * task's state is restored, so the cache never serves stale postings.
 */
final class TermIndexCache {

    /**
     * Terms kept decoded: the common words plus the rare terms of the live stories; rare terms' postings are a
     * story id or two, so the bound costs tens of megabytes.
     */
    static final int MAX_ENTRIES = 100_000;

    private final KeyValueStore<String, IdList> store;
    private final Map<String, IdList> cache = new LinkedHashMap<>(4096, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IdList> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    TermIndexCache(KeyValueStore<String, IdList> store) {
        this.store = store;
    }

    /** The postings of {@code term}, or {@code null} when no story holds it. */
    IdList get(String term) {
        IdList cached = cache.get(term);
        if (cached != null) {
            return cached;
        }
        IdList stored = store.get(term);
        if (stored != null) {
            cache.put(term, stored);
        }
        return stored;
    }

    void put(String term, IdList postings) {
        store.put(term, postings);
        cache.put(term, postings);
    }

    void delete(String term) {
        store.delete(term);
        cache.remove(term);
    }
}
