package dev.storywire.processor;

import dev.storywire.model.Article;
import dev.storywire.model.Headers;
import dev.storywire.ops.metrics.PipelineMetrics;
import dev.storywire.processor.cluster.ClusterOutput;
import dev.storywire.processor.cluster.ClusteringSettings;
import dev.storywire.processor.cluster.StoryClusterer;
import dev.storywire.processor.cluster.store.ClusteringStores;
import dev.storywire.processor.cluster.store.KafkaClusterState;
import dev.storywire.processor.text.BackgroundFrequencies;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The story clustering step of the topology: reads an article, lets {@link StoryClusterer} decide, forwards what it
 * decided (the state was written through {@link KafkaClusterState}). Expiry of old stories runs from a wall-clock
 * punctuator. Runs on a single partition: clustering needs the global view.
 */
public final class ClusteringProcessor implements Processor<String, Article, String, ClusterOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteringProcessor.class);
    /**
     * How often (wall-clock time) the punctuator asks the clusterer to expire stories. The clusterer judges age on
     * the feed's clock (the lower decile of recent publish times) and looks at most once per minute of it, so this only
     * bounds how late it notices. Wall-clock rather than stream time: stream time stands still while articles of the
     * same or an earlier time arrive, and a backlog replayed at speed still gets its expiry looked at. Every second,
     * not every 30 s: expiry runs on the stream thread, and when the feed's clock runs faster than the wall clock (a
     * backlog, a replay, bench/e2e's 1,000 articles/s of a 5,000-a-day feed) 30 s gathered ~18,000 due stories into
     * one call, a 2-3 s stall of every article behind it (bench/results/e2e.json). A call that finds nothing due
     * costs a clock read.
     */
    public static final Duration EXPIRY_PUNCTUATION = Duration.ofSeconds(1);

    private final ClusteringSettings settings;
    private final PipelineMetrics metrics;
    private ProcessorContext<String, ClusterOutput> context;
    private StoryClusterer clusterer;

    public ClusteringProcessor(ClusteringSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.metrics = new PipelineMetrics(registry);
    }

    /** The supplier to hand to {@code KStream#process}; it connects the stores itself. */
    public static ProcessorSupplier<String, Article, String, ClusterOutput> supplier(ProcessorConfig config,
            MeterRegistry registry) {
        ClusteringSettings settings = settings(config);
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, ClusterOutput> get() {
                return new ClusteringProcessor(settings, registry);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return ClusteringStores.builders(config.inMemoryStores());
            }
        };
    }

    /** The clustering settings of the processor configuration: the one place the two meet. */
    public static ClusteringSettings settings(ProcessorConfig config) {
        return new ClusteringSettings(config.joinThreshold(), config.linkBonus(), config.minTextSimilarity(),
                config.relatedMemberThreshold(), config.titleWeight(), config.titleSimilarityShare(),
                config.maxEventTimeDistance(), config.maxFutureSkew(), config.storyRetention(),
                config.storyStateRetention(), config.maxStoryTerms(),
                config.maxPostingsPerTerm(), config.maxQueryTerms(), config.mergeThreshold(),
                config.sharedPassageBonus());
    }

    @Override
    public void init(ProcessorContext<String, ClusterOutput> context) {
        this.context = context;
        this.clusterer = new StoryClusterer(settings, KafkaClusterState.of(context), BackgroundFrequencies.shipped());
        context.schedule(EXPIRY_PUNCTUATION, PunctuationType.WALL_CLOCK_TIME, timestamp -> clusterer.expireDue());
    }

    @Override
    public void process(Record<String, Article> record) {
        if (record.value() == null || record.key() == null) {
            LOG.warn("Skipping record without key or value at {}: key '{}'", RecordPosition.of(context), record.key());
            return;
        }
        StoryClusterer.Decision decision = clusterer.cluster(record.key(), record.value(), record.timestamp());
        LOG.debug("Article '{}' at {} is {} in story {}", record.key(), RecordPosition.of(context), decision.role(),
                decision.storyId());
        decision.outputs().forEach(out -> context.forward(outputRecord(out)));
        metrics.storyCreated(decision.storiesCreated());
        metrics.storiesMerged(decision.mergedAway().size());
        if (record.value().ingestedAt() != null) {
            metrics.endToEndLatency(record.value().ingestedAt(), Instant.now());
        }
    }

    /**
     * The record of one output. A tombstone names the surviving story in a header, so subscribers of the stories
     * topic learn where a merged-away story went without reading stories.articles (docs/subscribers.md).
     */
    private static Record<String, ClusterOutput> outputRecord(StoryClusterer.Output out) {
        Record<String, ClusterOutput> record = new Record<>(out.key(), out.value(), out.timestamp());
        if (out.value().tombstone() && out.value().mergedInto() != null) {
            record.headers().add(Headers.MERGED_INTO, out.value().mergedInto().getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
