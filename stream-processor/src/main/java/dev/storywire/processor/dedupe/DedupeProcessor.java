package dev.storywire.processor.dedupe;

import dev.storywire.model.Article;
import dev.storywire.model.JsonSerde;
import dev.storywire.model.Topics;
import dev.storywire.ops.metrics.PipelineMetrics;
import dev.storywire.processor.EventClock;
import dev.storywire.processor.ExpiryKeys;
import dev.storywire.processor.RecordPosition;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits each article id once, and again only when a later copy says something new (a correction of title or
 * excerpt, more related items, ...). Runs partitioned by article id; its store is a changelogged RocksDB store.
 * The emitted article always carries the {@code webUrl} of the first copy seen. Ids not seen for the dedupe
 * retention (event time) are forgotten by a stream-time punctuation.
 */
public final class DedupeProcessor implements Processor<String, Article, String, Article> {

    /** RocksDB store: article id to {@link DedupeEntry}. */
    public static final String STORE = "dedupe-articles";
    /** Article ids by the time they were last seen ({@link ExpiryKeys}), so a purge reads only what expired. */
    public static final String EXPIRY_STORE = "dedupe-expiry";

    private static final Logger LOG = LoggerFactory.getLogger(DedupeProcessor.class);

    private final Duration retention;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, DedupeEntry> store;
    private KeyValueStore<String, String> expiry;

    private final PipelineMetrics metrics;
    private final EventClock clock = new EventClock();
    private Instant lastPurge = Instant.MIN;

    /** @param registry where the deduplicated-articles counter goes */
    public DedupeProcessor(Duration retention, MeterRegistry registry) {
        this.retention = retention;
        this.metrics = new PipelineMetrics(registry);
    }

    /**
     * The supplier to hand to {@code KStream#process}; it connects the stores itself, in-memory instead of RocksDB
     * when {@code inMemory}.
     */
    public static ProcessorSupplier<String, Article, String, Article> supplier(Duration retention, boolean inMemory,
            MeterRegistry registry) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, Article> get() {
                return new DedupeProcessor(retention, registry);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(storeBuilder(inMemory), expiryStoreBuilder(inMemory));
            }
        };
    }

    static StoreBuilder<KeyValueStore<String, DedupeEntry>> storeBuilder(boolean inMemory) {
        return Stores.keyValueStoreBuilder(inMemory ? Stores.inMemoryKeyValueStore(STORE)
                : Stores.persistentKeyValueStore(STORE), Topics.KEY_SERDE,
                JsonSerde.of(DedupeEntry.class));
    }

    static StoreBuilder<KeyValueStore<String, String>> expiryStoreBuilder(boolean inMemory) {
        return Stores.keyValueStoreBuilder(inMemory ? Stores.inMemoryKeyValueStore(EXPIRY_STORE)
                : Stores.persistentKeyValueStore(EXPIRY_STORE), Topics.KEY_SERDE, Topics.KEY_SERDE);
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        this.expiry = context.getStateStore(EXPIRY_STORE);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article incoming = record.value();
        if (incoming == null) {
            LOG.warn("Skipping tombstone for key '{}' at {}", record.key(), RecordPosition.of(context));
            return;
        }
        String id = record.key() != null ? record.key() : incoming.id();
        if (id == null || id.isBlank()) {
            LOG.warn("Skipping article without id at {}: title '{}', webUrl '{}'", RecordPosition.of(context),
                    incoming.title(), incoming.webUrl());
            return;
        }
        clock.observe(Instant.ofEpochMilli(record.timestamp()));
        purgeWhenDue();
        DedupeEntry seen = store.get(id);
        if (seen == null) {
            remember(id, new DedupeEntry(incoming, record.timestamp()), null);
            context.forward(record.withKey(id));
            return;
        }
        Article candidate = ArticleContent.keepingFirstUrl(incoming, seen.article());
        long lastSeen = Math.max(seen.lastSeenMillis(), record.timestamp());
        if (ArticleContent.sameContent(candidate, seen.article())) {
            LOG.debug("Duplicate of article '{}' at {} (source {}), not emitted", id, RecordPosition.of(context),
                    incoming.source());
            remember(id, new DedupeEntry(seen.article(), lastSeen), seen);
            metrics.articleDeduplicated();
            return;
        }
        LOG.info("Article '{}' changed at {} (source {}), emitting an update", id, RecordPosition.of(context),
                incoming.source());
        remember(id, new DedupeEntry(candidate, lastSeen), seen);
        context.forward(record.withKey(id).withValue(candidate));
    }

    /** Stores the entry and moves the id in the expiry index when its last-seen time changed. */
    private void remember(String id, DedupeEntry entry, DedupeEntry previous) {
        store.put(id, entry);
        if (previous == null || previous.lastSeenMillis() != entry.lastSeenMillis()) {
            if (previous != null) {
                expiry.put(ExpiryKeys.of(previous.lastSeenMillis(), id), null);
            }
            expiry.put(ExpiryKeys.of(entry.lastSeenMillis(), id), id);
        }
    }

    /**
     * Purges a few times per retention period (a stale entry lives at most 1.25 retentions), on the robust
     * {@link EventClock}: stream time would jump on one odd-dated article and forget every id at once.
     */
    private void purgeWhenDue() {
        Instant now = clock.now();
        if (lastPurge.equals(Instant.MIN) || now.isAfter(lastPurge.plus(retention.dividedBy(4)))) {
            lastPurge = now;
            purgeOlderThanRetention(now.toEpochMilli());
        }
    }

    private void purgeOlderThanRetention(long now) {
        long cutoff = now - retention.toMillis();
        // Collect first, delete after: no writes while an iterator over the (cached) store is open.
        List<KeyValue<String, String>> expired = new ArrayList<>();
        try (KeyValueIterator<String, String> range = expiry.range(ExpiryKeys.of(0, ""), ExpiryKeys.of(cutoff, ""))) {
            range.forEachRemaining(expired::add);
        }
        // put(key, null) deletes without reading and decoding the old value, as delete() does to return it: a
        // purge forgets a retention period's worth of articles, and decoding each of them was most of its cost.
        for (KeyValue<String, String> entry : expired) {
            expiry.put(entry.key, null);
            store.put(entry.value, null);
        }
        if (!expired.isEmpty()) {
            LOG.debug("Forgot {} article ids not seen since {}", expired.size(), Instant.ofEpochMilli(cutoff));
        }
    }
}
