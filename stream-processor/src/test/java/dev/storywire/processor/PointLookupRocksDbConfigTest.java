package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class PointLookupRocksDbConfigTest {

    @Test
    void shouldPutAWholeKeyFilterInFrontOfTheMemtable() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            new PointLookupRocksDbConfig().setConfig("cluster-article-stories", options, Map.of());

            assertThat(options.memtableWholeKeyFiltering()).isTrue();
            assertThat(options.memtablePrefixBloomSizeRatio()).isEqualTo(PointLookupRocksDbConfig.MEMTABLE_FILTER_RATIO);
        }
    }

    @Test
    void shouldKeepBloomFiltersInTheLastLevelThatKafkaStreamsLeavesOut() {
        RocksDB.loadLibrary();
        try (Options options = new Options()) {
            // What Kafka Streams' RocksDBStore sets before it calls the config setter.
            options.setOptimizeFiltersForHits(true);
            new PointLookupRocksDbConfig().setConfig("cluster-document-frequencies", options, Map.of());

            assertThat(options.optimizeFiltersForHits()).isFalse();
        }
    }

    @Test
    void shouldBeTheConfigSetterOfTheProcessorsStores() {
        StreamsConfig config = new StreamsConfig(
                StreamProcessorApp.streamsProperties("localhost:9092", null, Path.of("state"), 1));

        assertThat(config.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(PointLookupRocksDbConfig.class);
    }
}
