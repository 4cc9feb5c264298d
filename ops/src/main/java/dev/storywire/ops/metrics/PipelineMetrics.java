package dev.storywire.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline's own meters, one method per event, and the binders that expose Kafka's client and Streams
 * metrics in the same registry. Meter names (Prometheus names in brackets):
 * <ul>
 *   <li>{@value #DOCUMENTS_PUBLISHED} ({@code storywire_documents_published_total}): feed documents published;</li>
 *   <li>{@value #DOCUMENTS_REJECTED} ({@code storywire_documents_rejected_total}, label {@code reason}): sent to
 *       the dead-letter topic;</li>
 *   <li>{@value #ARTICLES_DEDUPLICATED} ({@code storywire_articles_deduplicated_total}): copies of known articles
 *       not emitted again;</li>
 *   <li>{@value #STORIES_CREATED} ({@code storywire_new_stories_total}) and {@value #STORIES_MERGED}
 *       ({@code storywire_stories_merged_total});</li>
 *   <li>{@value #SINK_ROWS_WRITTEN} ({@code storywire_sink_rows_written_total}, label {@code table});</li>
 *   <li>{@value #END_TO_END_LATENCY} ({@code storywire_end_to_end_latency_seconds_bucket|_count|_sum|_max}): from
 *       ingest (the article record's timestamp) to story emission, a histogram.</li>
 * </ul>
 * Thread-safe, like the Micrometer meters behind it. {@link #close()} unbinds the Kafka metrics.
 */
public final class PipelineMetrics implements AutoCloseable {

    public static final String DOCUMENTS_PUBLISHED = "storywire.documents.published";
    public static final String DOCUMENTS_REJECTED = "storywire.documents.rejected";
    public static final String ARTICLES_DEDUPLICATED = "storywire.articles.deduplicated";
    /** Not "stories.created": Prometheus reserves the {@code _created} suffix and would drop it. */
    public static final String STORIES_CREATED = "storywire.new.stories";
    public static final String STORIES_MERGED = "storywire.stories.merged";
    public static final String SINK_ROWS_WRITTEN = "storywire.sink.rows.written";
    public static final String END_TO_END_LATENCY = "storywire.end.to.end.latency";

    /**
     * Histogram buckets for the end-to-end latency: a local pipeline answers in tens of milliseconds, a loaded
     * one with Streams commit intervals and transactions in seconds; beyond 5 minutes something is stuck.
     */
    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter deduplicated;
    private final Counter storiesCreated;
    private final Counter storiesMerged;
    private final Timer latency;
    private final List<AutoCloseable> binders = new ArrayList<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        published = Counter.builder(DOCUMENTS_PUBLISHED).description("Feed documents published to the articles topic")
                .register(registry);
        deduplicated = Counter.builder(ARTICLES_DEDUPLICATED)
                .description("Copies of already known articles that were not emitted again").register(registry);
        storiesCreated = Counter.builder(STORIES_CREATED).description("Story clusters started").register(registry);
        storiesMerged = Counter.builder(STORIES_MERGED).description("Story clusters merged into another")
                .register(registry);
        latency = Timer.builder(END_TO_END_LATENCY)
                .description("Time from an article's ingest to the emission of its story")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    public void documentPublished() {
        published.increment();
    }

    public void documentsPublished(long count) {
        published.increment(count);
    }

    /** A document sent to the dead-letter topic; {@code reason} should be a short fixed code, not a message. */
    public void documentRejected(String reason) {
        Counter.builder(DOCUMENTS_REJECTED).description("Feed documents sent to the dead-letter topic")
                .tag("reason", reason).register(registry).increment();
    }

    public void articleDeduplicated() {
        deduplicated.increment();
    }

    public void storyCreated() {
        storyCreated(1);
    }

    public void storyCreated(long count) {
        storiesCreated.increment(count);
    }

    public void storiesMerged(long count) {
        storiesMerged.increment(count);
    }

    public void sinkRowsWritten(String table, long rows) {
        Counter.builder(SINK_ROWS_WRITTEN).description("Rows upserted or deleted by the sink")
                .tag("table", table).register(registry).increment(rows);
    }

    /** Records the latency from {@code ingestedAt} to {@code emittedAt}; a negative one (clock skew) counts as 0. */
    public void endToEndLatency(Instant ingestedAt, Instant emittedAt) {
        Duration latencyValue = Duration.between(ingestedAt, emittedAt);
        latency.record(latencyValue.isNegative() ? Duration.ZERO : latencyValue);
    }

    /** Exposes a KafkaStreams instance's metrics (thread, task, store, and its clients'). */
    public PipelineMetrics bindStreams(KafkaStreams streams) {
        return bind(new KafkaStreamsMetrics(streams));
    }

    public PipelineMetrics bindProducer(Producer<?, ?> producer) {
        return bind(new KafkaClientMetrics(producer));
    }

    public PipelineMetrics bindConsumer(Consumer<?, ?> consumer) {
        return bind(new KafkaClientMetrics(consumer));
    }

    public PipelineMetrics bindAdmin(AdminClient admin) {
        return bind(new KafkaClientMetrics(admin));
    }

    private <B extends MeterBinder & AutoCloseable> PipelineMetrics bind(B binder) {
        binder.bindTo(registry);
        synchronized (binders) {
            binders.add(binder);
        }
        return this;
    }

    @Override
    public void close() {
        synchronized (binders) {
            for (AutoCloseable binder : binders) {
                try {
                    binder.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot unbind Kafka metrics " + binder, e);
                }
            }
            binders.clear();
        }
    }
}
