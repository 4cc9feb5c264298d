package dev.storywire.processor.cluster.store;

import dev.storywire.processor.cluster.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** A {@link ClusterState} table over a Kafka Streams key-value store. */
class StoreTable<V> implements ClusterState.Table<V> {

    protected final KeyValueStore<String, V> store;

    StoreTable(KeyValueStore<String, V> store) {
        this.store = store;
    }

    @Override
    public V get(String key) {
        return store.get(key);
    }

    /** A {@code null} value is a delete; {@code put} rather than {@code delete}, which reads the old value back. */
    @Override
    public void put(String key, V value) {
        store.put(key, value);
    }

    /** One {@code putAll} of the store: RocksDB writes the entries as one batch. */
    @Override
    public void putAll(List<Map.Entry<String, V>> entries) {
        List<KeyValue<String, V>> pairs = new ArrayList<>(entries.size());
        entries.forEach(entry -> pairs.add(KeyValue.pair(entry.getKey(), entry.getValue())));
        store.putAll(pairs);
    }

    /** The sorted table of the expiry index, over a string store (RocksDB and in-memory stores keep key order). */
    static final class Sorted extends StoreTable<String> implements ClusterState.SortedTable {

        Sorted(KeyValueStore<String, String> store) {
            super(store);
        }

        @Override
        public List<Map.Entry<String, String>> range(String from, String to) {
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            try (KeyValueIterator<String, String> range = store.range(from, to)) {
                range.forEachRemaining(kv -> entries.add(Map.entry(kv.key, kv.value)));
            }
            return entries;
        }

        @Override
        public List<String> values() {
            List<String> values = new ArrayList<>();
            try (KeyValueIterator<String, String> all = store.all()) {
                all.forEachRemaining(kv -> values.add(kv.value));
            }
            return values;
        }
    }
}
