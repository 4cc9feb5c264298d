package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link ClusterState} on plain maps, for driving {@link StoryClusterer} without Kafka. */
public final class InMemoryClusterState implements ClusterState {

    private final MapTable<ArticleAssignment> assignments = new MapTable<>(new HashMap<>());
    private final MapTable<StoryState> stories = new MapTable<>(new HashMap<>());
    private final MapTable<Article> articles = new MapTable<>(new HashMap<>());
    private final MapTable<IdList> listers = new MapTable<>(new HashMap<>());
    private final MapTable<String> fingerprints = new MapTable<>(new HashMap<>());
    private final MapTable<Long> documentFrequencies = new MapTable<>(new HashMap<>());
    private final SortedMapTable expiry = new SortedMapTable();
    private final SortedMapTable retired = new SortedMapTable();

    @Override
    public MapTable<ArticleAssignment> assignments() {
        return assignments;
    }

    @Override
    public MapTable<StoryState> stories() {
        return stories;
    }

    @Override
    public MapTable<Article> articles() {
        return articles;
    }

    @Override
    public MapTable<IdList> listers() {
        return listers;
    }

    @Override
    public MapTable<String> fingerprints() {
        return fingerprints;
    }

    @Override
    public MapTable<Long> documentFrequencies() {
        return documentFrequencies;
    }

    @Override
    public SortedMapTable expiry() {
        return expiry;
    }

    @Override
    public SortedMapTable retired() {
        return retired;
    }

    /** A table on a map. */
    public static class MapTable<V> implements Table<V> {

        final Map<String, V> map;

        MapTable(Map<String, V> map) {
            this.map = map;
        }

        public static <V> MapTable<V> empty() {
            return new MapTable<>(new HashMap<>());
        }

        @Override
        public V get(String key) {
            return map.get(key);
        }

        @Override
        public void put(String key, V value) {
            if (value == null) {
                map.remove(key);
            } else {
                map.put(key, value);
            }
        }

        public int size() {
            return map.size();
        }
    }

    /** A sorted table on a tree map. */
    public static final class SortedMapTable extends MapTable<String> implements SortedTable {

        SortedMapTable() {
            super(new TreeMap<>());
        }

        @Override
        public List<Map.Entry<String, String>> range(String from, String to) {
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            ((TreeMap<String, String>) map).subMap(from, true, to, true)
                    .forEach((k, v) -> entries.add(Map.entry(k, v)));
            return entries;
        }

        @Override
        public List<String> values() {
            return new ArrayList<>(map.values());
        }
    }
}
