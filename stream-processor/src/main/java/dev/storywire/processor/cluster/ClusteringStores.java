package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import dev.storywire.model.JsonSerde;
import dev.storywire.model.Topics;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The clustering processor's RocksDB stores, all changelogged, each with a {@link WriteBehindStore} on top
 * (written down once per commit). A story merge rewrites {@link #ARTICLE_STORIES}
 * (article to story) and {@link #STORIES} (story to members). The term index is not a store: it is derived from the
 * live stories and held in memory ({@link TermIndex}).
 */
public final class ClusteringStores {

    /** Article id to {@link ArticleAssignment}: the story of every feed article and every related member. */
    public static final String ARTICLE_STORIES = "cluster-article-stories";
    /** Story id to {@link StoryState}. */
    public static final String STORIES = "cluster-stories";
    /** Article id to the latest {@link Article} of each feed article, to re-emit it when its related coverage resolves. */
    public static final String ARTICLES = "cluster-articles";
    /** Related article id to the ids of the feed articles that listed it ({@link IdList}, bounded). */
    public static final String RELATED_INDEX = "cluster-related-index";
    /**
     * Content fingerprint (see {@code ContentFingerprints}) to the id of the first feed article that had it: how
     * syndicated copies find their original. Entries leave with their story (retention).
     */
    public static final String FINGERPRINTS = "cluster-fingerprints";
    /** Term to the number of documents containing it; {@link #DOCUMENT_COUNT_KEY} holds the number of documents. */
    public static final String DOCUMENT_FREQUENCIES = "cluster-document-frequencies";
    /**
     * Expiry index: {@code <lastUpdated epoch millis, 20 digits>|<story id>} to story id, so that expired stories
     * are found by a range scan over the oldest keys instead of a scan of all stories.
     */
    public static final String STORY_EXPIRY = "cluster-story-expiry";

    /** A key no term can take: the tokenizer never emits control characters. */
    public static final String DOCUMENT_COUNT_KEY = "\u0000documents";

    static final Serde<String> KEYS = Topics.KEY_SERDE;

    private ClusteringStores() {
    }

    /** The stores, RocksDB unless {@code inMemory}; changelogged either way. */
    static Set<StoreBuilder<?>> builders(boolean inMemory) {
        return Set.of(
                store(ARTICLE_STORIES, JsonSerde.of(ArticleAssignment.class), inMemory),
                store(STORIES, JsonSerde.of(StoryState.class), inMemory),
                store(ARTICLES, Topics.ARTICLE_SERDE, inMemory),
                store(RELATED_INDEX, JsonSerde.of(IdList.class), inMemory),
                store(DOCUMENT_FREQUENCIES, Serdes.Long(), inMemory),
                store(FINGERPRINTS, Serdes.String(), inMemory),
                store(STORY_EXPIRY, Serdes.String(), inMemory));
    }

    /** One of the stores: RocksDB unless {@code inMemory}, changelogged, written down once per commit. */
    static <V> StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> valueSerde, boolean inMemory) {
        return WriteBehindStore.builder(Stores.keyValueStoreBuilder(inMemory ? Stores.inMemoryKeyValueStore(name)
                : Stores.persistentKeyValueStore(name), KEYS, valueSerde));
    }
}
