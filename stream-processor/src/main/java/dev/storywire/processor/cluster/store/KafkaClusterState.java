package dev.storywire.processor.cluster.store;

import dev.storywire.model.Article;
import dev.storywire.processor.cluster.ArticleAssignment;
import dev.storywire.processor.cluster.ClusterState;
import dev.storywire.processor.cluster.IdList;
import dev.storywire.processor.cluster.StoryState;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * The clustering state on the processor's state stores ({@link ClusteringStores}). Stories, assignments and
 * related-link lists are read many times per article, so each has a {@link DecodedCache}; the other tables are
 * read about once per article and go straight to their stores.
 */
public final class KafkaClusterState implements ClusterState {

    /** Stories kept decoded: the active stories of several days of a busy feed. */
    static final int MAX_CACHED_STORIES = 20_000;
    /** Assignments and related-link lists kept decoded, each: those of the last few days' articles and links. */
    static final int MAX_CACHED_LINKS = 50_000;

    private final Table<ArticleAssignment> assignments;
    private final Table<StoryState> stories;
    private final Table<Article> articles;
    private final Table<IdList> listers;
    private final Table<String> fingerprints;
    private final Table<Long> documentFrequencies;
    private final SortedTable expiry;
    private final SortedTable retired;

    private KafkaClusterState(ProcessorContext<?, ?> context) {
        this.assignments = new DecodedCache<>(new StoreTable<>(context.getStateStore(ClusteringStores.ARTICLE_STORIES)),
                MAX_CACHED_LINKS);
        this.stories = new DecodedCache<>(new StoreTable<>(context.getStateStore(ClusteringStores.STORIES)),
                MAX_CACHED_STORIES);
        this.articles = new StoreTable<>(context.getStateStore(ClusteringStores.ARTICLES));
        this.listers = new DecodedCache<>(new StoreTable<>(context.getStateStore(ClusteringStores.RELATED_INDEX)),
                MAX_CACHED_LINKS);
        this.fingerprints = new StoreTable<>(context.getStateStore(ClusteringStores.FINGERPRINTS));
        this.documentFrequencies = new StoreTable<>(context.getStateStore(ClusteringStores.DOCUMENT_FREQUENCIES));
        this.expiry = new StoreTable.Sorted(context.getStateStore(ClusteringStores.STORY_EXPIRY));
        this.retired = new StoreTable.Sorted(context.getStateStore(ClusteringStores.STORY_RETIRED));
    }

    /** The state over the stores connected to {@code context}'s processor. */
    public static KafkaClusterState of(ProcessorContext<?, ?> context) {
        return new KafkaClusterState(context);
    }

    @Override
    public Table<ArticleAssignment> assignments() {
        return assignments;
    }

    @Override
    public Table<StoryState> stories() {
        return stories;
    }

    @Override
    public Table<Article> articles() {
        return articles;
    }

    @Override
    public Table<IdList> listers() {
        return listers;
    }

    @Override
    public Table<String> fingerprints() {
        return fingerprints;
    }

    @Override
    public Table<Long> documentFrequencies() {
        return documentFrequencies;
    }

    @Override
    public SortedTable expiry() {
        return expiry;
    }

    @Override
    public SortedTable retired() {
        return retired;
    }
}
