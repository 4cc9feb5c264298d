package dev.storywire.processor.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.MeteredKeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store that keeps the writes of one commit interval as objects and hands them to the store below
 * (serde, RocksDB, changelog) only when the task commits. The clustering rewrites the same keys
 * many times per commit: the document frequency of every common word, the postings of a topic's words, a growing
 * story's state. Serialising every intermediate version, writing it to RocksDB and sending it to the changelog
 * was a large share of the clustering's time; now each key is written once per commit, with its last value.
 *
 * <p>Exactly-once holds: Kafka Streams flushes a task's stores ({@link #flushCache()}, or {@link #commit} under
 * at-least-once) before it flushes the producer and commits the transaction, and this store writes its pending
 * values there, so they reach the changelog in the same transaction as the output they led to. When a task is
 * closed dirty ({@link #clearCache()}, {@link #close()}) or initialised again, the pending values are dropped, as
 * the uncommitted transaction is. Range scans first write the pending values down, so they see every write.
 * What is pending grows with the commit interval: at the processor's 200 ms, a few thousand entries.
 *
 * <p>{@link #read} decodes a stored value as a smaller type, a view that leaves out what the caller does not need
 * (expiry reads a story without its term vectors, an article without its payload): it reads the bytes below the
 * serde, so the left-out fields are skipped by the JSON parser instead of being built into objects.
 *
 * <p>It extends Kafka Streams' internal {@code WrappedStateStore}, because the hook a task calls before its
 * transaction commits ({@code CachedStateStore#flushCache}) is only offered there; the version is pinned.
 */
final class WriteBehindStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    /** Marks a pending delete. */
    private static final Object DELETED = new Object();

    /** Pending writes in write order; {@link #DELETED} for a delete. */
    private final Map<String, Object> pending = new LinkedHashMap<>();

    WriteBehindStore(KeyValueStore<String, V> store) {
        super(store);
    }

    /** A builder of {@code inner}'s store with this layer on top; every other setting passes through. */
    static <V> StoreBuilder<KeyValueStore<String, V>> builder(StoreBuilder<KeyValueStore<String, V>> inner) {
        return new Builder<>(inner);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(String key) {
        Object value = pending.get(key);
        if (value != null) {
            return value == DELETED ? null : (V) value;
        }
        return wrapped().get(key);
    }

    /**
     * The value of {@code key} in {@code store} as a view: a pending value through {@code fromValue}, a stored one
     * decoded from its bytes by {@code view}. When {@code store} is not this layer over a metered store (a plain
     * store in a unit test), the value is read as {@code V} and converted.
     */
    static <V, T> T read(KeyValueStore<String, V> store, String key, Function<V, T> fromValue,
            Deserializer<T> view) {
        WriteBehindStore<V> writeBehind = find(store);
        if (writeBehind == null || !(writeBehind.wrapped() instanceof MeteredKeyValueStore<?, ?> metered)) {
            V value = store.get(key);
            return value == null ? null : fromValue.apply(value);
        }
        Object value = writeBehind.pending.get(key);
        if (value == DELETED) {
            return null;
        }
        if (value != null) {
            @SuppressWarnings("unchecked")
            V pendingValue = (V) value;
            return fromValue.apply(pendingValue);
        }
        byte[] stored = metered.wrapped().get(Bytes.wrap(ClusteringStores.KEYS.serializer().serialize(null, key)));
        return view.deserialize(writeBehind.name(), stored);
    }

    /** This layer in {@code store}'s wrappers (Kafka Streams hands processors a decorator around it), or null. */
    @SuppressWarnings("unchecked")
    private static <V> WriteBehindStore<V> find(KeyValueStore<String, V> store) {
        Object layer = store;
        while (layer instanceof WrappedStateStore<?, ?, ?> wrapper) {
            if (layer instanceof WriteBehindStore<?> writeBehind) {
                return (WriteBehindStore<V>) writeBehind;
            }
            layer = wrapper.wrapped();
        }
        return null;
    }

    @Override
    public void put(String key, V value) {
        pending.put(key, value == null ? DELETED : value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V current = get(key);
        if (current == null) {
            put(key, value);
        }
        return current;
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(String key) {
        V current = get(key);
        pending.put(key, DELETED);
        return current;
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        writePending();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        writePending();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        writePending();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        writePending();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends org.apache.kafka.common.serialization.Serializer<P>, P> KeyValueIterator<String, V> prefixScan(
            P prefix, PS prefixKeySerializer) {
        writePending();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries() + pending.size();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        pending.clear();
        super.init(context, root);
    }

    /** Before the transaction commits (exactly-once): the pending values go down first. */
    @Override
    public void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        writePending();
        super.commit(changelogOffsets);
    }

    /** A dirty close: what was not committed is dropped, like the aborted transaction. */
    @Override
    public void clearCache() {
        pending.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    @SuppressWarnings("unchecked")
    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        List<KeyValue<String, V>> writes = new ArrayList<>(pending.size());
        pending.forEach((key, value) -> writes.add(KeyValue.pair(key, value == DELETED ? null : (V) value)));
        pending.clear();
        // In key order: RocksDB inserts a batch into its memtable (a skip list) entry by entry, each search starting
        // where the previous insert ended, so sorted keys make each search short. (The serialised keys are UTF-8,
        // whose byte order is the strings' order for every key without characters outside the BMP; any order is
        // correct, this one is fast.)
        writes.sort(Comparator.comparing(write -> write.key));
        wrapped().putAll(writes);
    }

    /** Passes every setting to the inner builder and wraps what it builds. */
    private record Builder<V>(StoreBuilder<KeyValueStore<String, V>> inner)
            implements StoreBuilder<KeyValueStore<String, V>> {

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
            return new Builder<>(inner.withCachingEnabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
            return new Builder<>(inner.withCachingDisabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(inner.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
            return new Builder<>(inner.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<String, V> build() {
            return new WriteBehindStore<>(inner.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return inner.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return inner.loggingEnabled();
        }

        @Override
        public String name() {
            return inner.name();
        }
    }
}
