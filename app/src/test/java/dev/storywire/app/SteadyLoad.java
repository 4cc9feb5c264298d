package dev.storywire.app;

import dev.storywire.ingest.ProducerSettings;
import dev.storywire.model.Article;
import dev.storywire.model.Topics;
import dev.storywire.processor.bench.SyntheticFeed;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * bench/e2e's load generator: the clustering benchmark's {@link SyntheticFeed} (its story structure, text and
 * related lists; publish times in 2021 at 5,000 articles a day, so the clustering holds as many stories per day of
 * event time as a real feed) sent to {@code feed.articles} with the product's producer settings, as ingest sends:
 * key the article id, value the Article JSON. At a steady rate, article {@code i} due at {@code i / rate} seconds
 * (a late article is sent at once, and how late the sender fell is reported); or as fast as the producer takes them.
 */
final class SteadyLoad {

    private final String bootstrapServers;
    private final long seed;
    private long maxBehindMillis;

    SteadyLoad(String bootstrapServers, long seed) {
        this.bootstrapServers = bootstrapServers;
        this.seed = seed;
    }

    /**
     * Sends {@code total} articles at {@code rate} per second (0: as fast as possible); the send times of those
     * from {@code firstMeasured} on go to {@code times}. Returns when the producer has flushed (nanoTime).
     */
    long send(int rate, long total, long firstMeasured, ArrivalTimes times) {
        SyntheticFeed feed = new SyntheticFeed(Math.toIntExact(total), seed);
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                ProducerSettings.effective(bootstrapServers, Map.of()))) {
            for (long i = 0; i < total; i++) {
                Article article = feed.next();
                byte[] value = Topics.ARTICLE_SERDE.serialize(Topics.FEED_ARTICLES.name(), article);
                if (rate > 0) {
                    long due = start + i * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else {
                        maxBehindMillis = Math.max(maxBehindMillis, -wait / 1_000_000);
                    }
                }
                long now = System.currentTimeMillis();
                if (i >= firstMeasured) {
                    times.sent(article.id(), now);
                }
                producer.send(new ProducerRecord<>(Topics.FEED_ARTICLES.name(), null, now, article.id(), value));
            }
            producer.flush();
        }
        return System.nanoTime();
    }

    /** How far behind its schedule the sender fell at worst (ms): a high figure means the machine was saturated. */
    long maxBehindMillis() {
        return maxBehindMillis;
    }
}
