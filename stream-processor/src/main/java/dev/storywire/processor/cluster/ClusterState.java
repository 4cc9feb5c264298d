package dev.storywire.processor.cluster;

import dev.storywire.model.Article;
import java.util.List;
import java.util.Map;

/**
 * What {@link StoryClusterer} remembers between articles: a handful of keyed tables. The Kafka Streams processor
 * backs them with changelogged state stores; unit tests back them with maps. Every table treats a {@code null}
 * value as absent, and {@link Table#delete} of an absent key does nothing.
 */
public interface ClusterState {

    /** Article id to the story it belongs to and its role, for every feed article and related member. */
    Table<ArticleAssignment> assignments();

    /** Story id to the story's state. */
    Table<StoryState> stories();

    /** Article id to the latest payload of each live feed article, to emit it again when its story changes. */
    Table<Article> articles();

    /** Related article id to the ids of the feed articles that listed it (bounded, oldest first). */
    Table<IdList> listers();

    /** Content fingerprint to the id of the first feed article that had it. */
    Table<String> fingerprints();

    /** Term to the number of live documents containing it; {@link TermStatistics#DOCUMENT_COUNT_KEY} counts them. */
    Table<Long> documentFrequencies();

    /** Live stories keyed by {@code <20-digit last update millis>|<story id>}, in key order. */
    SortedTable expiry();

    /**
     * Stories that left the candidate indexes, keyed as in {@link #expiry()}, until their members are forgotten after
     * the story state retention.
     */
    SortedTable retired();

    /** One keyed table. */
    interface Table<V> {

        /** The value of {@code key}, or {@code null}. */
        V get(String key);

        /** Sets {@code key} to {@code value}; {@code null} deletes. */
        void put(String key, V value);

        default void delete(String key) {
            put(key, null);
        }

        /** Sets each key to its value, in order; as one write where the table can. */
        default void putAll(List<Map.Entry<String, V>> entries) {
            entries.forEach(entry -> put(entry.getKey(), entry.getValue()));
        }
    }

    /** A table whose keys are read in order. */
    interface SortedTable extends Table<String> {

        /** The entries with {@code from <= key <= to}, in key order. */
        List<Map.Entry<String, String>> range(String from, String to);

        /** Every value, in key order. */
        List<String> values();
    }
}
