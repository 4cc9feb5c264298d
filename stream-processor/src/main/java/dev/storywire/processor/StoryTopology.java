package dev.storywire.processor;

import dev.storywire.model.Article;
import dev.storywire.model.Topics;
import dev.storywire.processor.cluster.ClusterOutput;
import dev.storywire.processor.dedupe.DedupeProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/**
 * The story topology:
 * <pre>
 * feed.articles --(event-time timestamps)--> dedupe (partitioned by article id, stores dedupe-articles, dedupe-expiry)
 *   --> repartition "cluster-input" to ONE partition (clustering needs the global view)
 *   --> clustering (stores cluster-*) --+--> stories.articles (key article id, StoryArticle)
 *                                       +--> stories          (key story id, Story; null = merged away)
 * </pre>
 * Record timestamps are the articles' publish times throughout (see {@link ArticleTimestampExtractor}).
 */
public final class StoryTopology {

    /** Name of the single-partition repartition topic, {@code <application.id>-cluster-input-repartition}. */
    public static final String CLUSTER_INPUT = "cluster-input";

    private StoryTopology() {
    }

    /**
     * Describes the topology, its counters going to Micrometer's global registry (where the application's
     * Prometheus registry is added); nothing runs here.
     */
    public static Topology buildTopology(ProcessorConfig config) {
        return buildTopology(config, Metrics.globalRegistry);
    }

    /** Describes the topology, its counters going to {@code registry}; nothing runs here. */
    public static Topology buildTopology(ProcessorConfig config, MeterRegistry registry) {
        return buildTopology(config, ClusteringProcessor.supplier(config, registry), registry);
    }

    /** The topology with another clustering step, its counters going to Micrometer's global registry. */
    public static Topology buildTopology(ProcessorConfig config,
            ProcessorSupplier<String, Article, String, ClusterOutput> clustering) {
        return buildTopology(config, clustering, Metrics.globalRegistry);
    }

    /**
     * The same topology with another clustering step, for example an identity step that puts every article in a
     * story of its own (the yardstick of the clustering benchmark).
     */
    public static Topology buildTopology(ProcessorConfig config,
            ProcessorSupplier<String, Article, String, ClusterOutput> clustering, MeterRegistry registry) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Article> articles = builder.stream(config.inputTopic(),
                Consumed.with(Topics.KEY_SERDE, Topics.ARTICLE_SERDE)
                        .withTimestampExtractor(new ArticleTimestampExtractor())
                        .withName("feed-articles-source"));

        KStream<String, Article> unique = articles.process(
                DedupeProcessor.supplier(config.dedupeRetention(), config.inMemoryStores(), registry), Named.as("dedupe"));

        KStream<String, ClusterOutput> clustered = unique
                .repartition(Repartitioned.with(Topics.KEY_SERDE, Topics.ARTICLE_SERDE)
                        .withName(CLUSTER_INPUT)
                        .withNumberOfPartitions(1))
                .process(clustering, Named.as("cluster"));

        clustered.filter((key, out) -> out.storyArticle() != null, Named.as("story-articles-only"))
                .mapValues(ClusterOutput::storyArticle, Named.as("story-article-value"))
                .to(config.storyArticlesTopic(), Produced.with(Topics.KEY_SERDE, Topics.STORY_ARTICLE_SERDE)
                        .withName("story-articles-sink"));
        // A merged-away story's tombstone maps to a null value: the compacted topic forgets it.
        clustered.filter((key, out) -> out.forStories(), Named.as("stories-only"))
                .mapValues(ClusterOutput::story, Named.as("story-value"))
                .to(config.storiesTopic(), Produced.with(Topics.KEY_SERDE, Topics.STORY_SERDE)
                        .withName("stories-sink"));
        return builder.build();
    }
}
