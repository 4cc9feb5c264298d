package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBehindStoreTest {

    private KeyValueStore<String, String> inner;
    private WriteBehindStore<String> store;

    @BeforeEach
    void open() {
        inner = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kv"), Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build();
        store = new WriteBehindStore<>(inner);
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        inner.put("kept", "committed");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldReadAPendingValueThroughTheConversionAndAStoredOneThroughTheView() {
        KeyValueStore<String, String> metered = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("views"),
                        Serdes.String(), Serdes.String())
                .withLoggingDisabled()
                .build();
        WriteBehindStore<String> viewed = new WriteBehindStore<>(metered);
        viewed.init(new MockProcessorContext<>().getStateStoreContext(), viewed);
        try {
            metered.put("stored", "committed");
            viewed.put("pending", "written");
            viewed.put("deleted", null);

            Deserializer<Integer> length = (topic, bytes) -> bytes == null ? null : bytes.length;
            assertThat(WriteBehindStore.read(viewed, "stored", String::length, length)).isEqualTo(9);
            assertThat(WriteBehindStore.read(viewed, "pending", value -> -value.length(), length)).isEqualTo(-7);
            assertThat(WriteBehindStore.read(viewed, "deleted", String::length, length)).isNull();
            assertThat(WriteBehindStore.read(viewed, "absent", String::length, length)).isNull();
        } finally {
            viewed.close();
        }
    }

    @Test
    void shouldReadThroughTheConversionWhenTheStoreIsNotWrittenBehind() {
        assertThat(WriteBehindStore.read(inner, "kept", String::length, (topic, bytes) -> -1)).isEqualTo(9);
        assertThat(WriteBehindStore.read(inner, "absent", String::length, (topic, bytes) -> -1)).isNull();
    }

    @Test
    void shouldServeWritesBeforeTheyAreWrittenDown() {
        store.put("story", "v1");
        store.put("story", "v2");
        store.put("kept", null);

        assertThat(store.get("story")).isEqualTo("v2");
        assertThat(store.get("kept")).isNull();
        assertThat(inner.get("story")).isNull();
        assertThat(inner.get("kept")).isEqualTo("committed");
    }

    @Test
    void shouldWriteTheLastValueOfEachKeyDownWhenTheTaskCommits() {
        store.put("story", "v1");
        store.put("story", "v2");
        store.delete("kept");

        store.flushCache();

        assertThat(inner.get("story")).isEqualTo("v2");
        assertThat(inner.get("kept")).isNull();
    }

    @Test
    void shouldDropPendingWritesWhenTheTaskClosesDirty() {
        store.put("story", "v1");
        store.put("kept", null);

        store.clearCache();

        assertThat(store.get("story")).isNull();
        assertThat(store.get("kept")).isEqualTo("committed");
    }

    @Test
    void shouldSeePendingWritesInRangeScans() {
        store.put("a", "1");
        store.put("kept", null);
        store.put("z", "2");

        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> all = store.all()) {
            all.forEachRemaining(kv -> keys.add(kv.key));
        }

        assertThat(keys).containsExactly("a", "z");
    }

    @Test
    void shouldReturnThePreviousValueOnDeleteAndPutIfAbsent() {
        assertThat(store.putIfAbsent("kept", "other")).isEqualTo("committed");
        assertThat(store.putIfAbsent("new", "first")).isNull();
        store.putAll(List.of(KeyValue.pair("x", "1")));

        assertThat(store.delete("new")).isEqualTo("first");
        assertThat(store.get("x")).isEqualTo("1");
        assertThat(store.approximateNumEntries()).isPositive();
    }
}
