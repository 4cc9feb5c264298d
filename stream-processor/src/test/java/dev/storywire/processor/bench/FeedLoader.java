package dev.storywire.processor.bench;

import dev.storywire.model.Article;
import dev.storywire.model.Topics;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@link SyntheticFeed} articles into an input topic before a benchmark run, the way the ingester would
 * (key the article id, record timestamp the publish time, idempotent producer), but as fast as the broker takes
 * them: loading is not part of what the benchmark measures.
 */
final class FeedLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLoader.class);

    private FeedLoader() {
    }

    /**
     * What went into the topic.
     *
     * @param distinctIds how many different article ids: the dedupe step passes each id on once, plus any copy that
     *     changes the article (SyntheticFeed makes none: its ids are sequence numbers)
     * @param truth the story each article was generated for, by article id ({@link SyntheticFeed#truth()})
     */
    record LoadedFeed(String topic, int articles, int distinctIds, Map<String, String> truth) {

        boolean hasRepeatedIds() {
            return distinctIds != articles;
        }

        /** Without the truth map's entries, which would be a million for the large run. */
        @Override
        public String toString() {
            return "LoadedFeed[topic=" + topic + ", articles=" + articles + ", distinctIds=" + distinctIds
                    + ", truth=" + truth.size() + " entries]";
        }
    }

    static LoadedFeed load(String bootstrapServers, String topic, int articles, long seed) {
        SyntheticFeed feed = new SyntheticFeed(articles, seed);
        Set<String> ids = new HashSet<>(articles * 2);
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerProperties(bootstrapServers),
                new StringSerializer(), Topics.ARTICLE_SERDE.serializer())) {
            while (feed.hasNext()) {
                Article article = feed.next();
                ids.add(article.id());
                producer.send(new ProducerRecord<>(topic, null, article.publishedDateTime().toEpochMilli(),
                        article.id(), article), (metadata, exception) -> {
                            if (exception != null) {
                                firstFailure.compareAndSet(null, exception);
                            }
                        });
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException("Loading " + topic + " failed: " + firstFailure.get(), firstFailure.get());
        }
        LOG.info("Loaded {} articles ({} distinct ids) into {} in {} s", articles, ids.size(), topic,
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
        return new LoadedFeed(topic, articles, ids.size(), feed.truth());
    }

    private static Properties producerProperties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cluster-bench-loader");
        // As the ingester: idempotent (no duplicates from retries, which would change what dedupe sees), acks=all.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // As the ingester: lz4 batches, so the processor reads the feed in the same compressed form.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Larger batches than the ingester's 256 KiB and a longer linger: nobody waits for single records here,
        // and fewer, fuller requests load the feed faster.
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        // Room for several full batches per partition in flight while the generator keeps producing.
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        return p;
    }
}
