package dev.storywire.processor;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB settings of every store: a whole-key Bloom filter in front of each memtable, and Bloom filters in every
 * level of the table files, the last one included.
 *
 * <p>The processors look up far more keys than exist: is this article id known, has anyone listed it, how many
 * documents hold this new term. Without a memtable filter every such lookup searches the memtable's skip list, a
 * chain of cache misses, before the table files' own Bloom filters answer it. Kafka Streams configures the table
 * files' filters but leaves them out of the last level ({@code optimize_filters_for_hits}), where compaction puts
 * most of the data: there a lookup of an absent key would read an index block and a data block.
 */
public final class PointLookupRocksDbConfig implements RocksDBConfigSetter {

    /**
     * Filter size as a share of the memtable size (16 MiB by default in Kafka Streams), in bytes: 0.02 gives about
     * 2.7 million bits, some ten bits per key for the couple of hundred thousand small entries a memtable holds,
     * which is the false-positive rate (about 1 %) of the table files' filters. RocksDB caps the ratio at 0.25.
     */
    static final double MEMTABLE_FILTER_RATIO = 0.02;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setMemtableWholeKeyFiltering(true);
        options.setMemtablePrefixBloomSizeRatio(MEMTABLE_FILTER_RATIO);
        // Kafka Streams turns this on: no Bloom filters in the last level, for workloads whose lookups mostly find
        // their key. Ours mostly do not, and once compaction has moved most data into the last level every lookup
        // of an absent key had to read that level's index and data blocks.
        options.setOptimizeFiltersForHits(false);
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing was allocated here that RocksDB does not own.
    }
}
