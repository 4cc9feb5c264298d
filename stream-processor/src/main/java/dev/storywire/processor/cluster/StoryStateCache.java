package dev.storywire.processor.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The story store with a write-through cache of deserialised states in front, bounded (least recently used
 * leave). Scoring reads dozens of candidate stories per article, and decoding a story's JSON (members, term
 * vectors) is the clustering's main cost. The processor is the store's only writer and a new processor instance
 * is created whenever its task's state is restored, so the cache never serves a stale state.
 */
final class StoryStateCache {

    /** Stories kept decoded: the active stories of several days of a busy feed. */
    static final int MAX_ENTRIES = 20_000;

    private final KeyValueStore<String, StoryState> store;
    private final Map<String, StoryState> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoryState> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    StoryStateCache(KeyValueStore<String, StoryState> store) {
        this.store = store;
    }

    StoryState get(String storyId) {
        StoryState cached = cache.get(storyId);
        if (cached != null) {
            return cached;
        }
        StoryState stored = store.get(storyId);
        if (stored != null) {
            cache.put(storyId, stored);
        }
        return stored;
    }

    void put(String storyId, StoryState state) {
        store.put(storyId, state);
        cache.put(storyId, state);
    }

    void delete(String storyId) {
        store.delete(storyId);
        cache.remove(storyId);
    }
}
