package dev.storywire.processor.cluster.store;

import dev.storywire.model.JsonSerde;
import dev.storywire.model.Topics;
import dev.storywire.processor.cluster.ArticleAssignment;
import dev.storywire.processor.cluster.IdList;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The clustering's state stores, one per table of {@link dev.storywire.processor.cluster.ClusterState}: RocksDB (or
 * in memory), changelogged, with Kafka Streams' record cache in front so that a key written many times between two
 * commits reaches RocksDB and the changelog once. That matters most for the document frequencies: every article
 * counts each of its few dozen terms, and the common ones again and again, so coalescing them between commits
 * wrote a third as many records to their changelog (8 instead of 24 per article, 30,000 `SyntheticFeed` articles)
 * and halved the clustering's changelog records. The term index is not a store: it is derived from the live stories
 * and held in memory.
 */
public final class ClusteringStores {

    /** Article id to {@link ArticleAssignment}: the story of every feed article and every related member. */
    public static final String ARTICLE_STORIES = "cluster-article-stories";
    /** Story id to {@link dev.storywire.processor.cluster.StoryState}, in {@link StoryStateSerde}'s binary encoding. */
    public static final String STORIES = "cluster-stories";
    /** Article id to the latest article payload of each live feed article. */
    public static final String ARTICLES = "cluster-articles";
    /** Related article id to the ids of the feed articles that listed it ({@link IdList}, bounded). */
    public static final String RELATED_INDEX = "cluster-related-index";
    /** Content fingerprint to the id of the first feed article that had it. */
    public static final String FINGERPRINTS = "cluster-fingerprints";
    /** Term to the number of live documents containing it, and the number of documents. */
    public static final String DOCUMENT_FREQUENCIES = "cluster-document-frequencies";
    /** {@code <lastUpdated epoch millis, 20 digits>|<story id>} to story id: live stories in expiry order. */
    public static final String STORY_EXPIRY = "cluster-story-expiry";
    /** As {@link #STORY_EXPIRY}, for the stories that left the candidate indexes and whose records are kept. */
    public static final String STORY_RETIRED = "cluster-story-retired";

    private ClusteringStores() {
    }

    /** The stores, RocksDB unless {@code inMemory}; changelogged either way. */
    public static Set<StoreBuilder<?>> builders(boolean inMemory) {
        return Set.of(
                store(ARTICLE_STORIES, JsonSerde.of(ArticleAssignment.class), inMemory),
                store(STORIES, new StoryStateSerde(), inMemory),
                store(ARTICLES, Topics.ARTICLE_SERDE, inMemory),
                store(RELATED_INDEX, JsonSerde.of(IdList.class), inMemory),
                store(DOCUMENT_FREQUENCIES, Serdes.Long(), inMemory),
                store(FINGERPRINTS, Serdes.String(), inMemory),
                store(STORY_EXPIRY, Serdes.String(), inMemory),
                store(STORY_RETIRED, Serdes.String(), inMemory));
    }

    /** One store: RocksDB unless {@code inMemory}, changelogged, behind the record cache. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde, boolean inMemory) {
        return Stores.keyValueStoreBuilder(inMemory ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name), Topics.KEY_SERDE, valueSerde).withCachingEnabled();
    }
}
