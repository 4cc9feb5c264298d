package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.embedded.Directories;
import dev.storywire.ingest.ProducerSettings;
import dev.storywire.model.Article;
import dev.storywire.model.Json;
import dev.storywire.model.Provider;
import dev.storywire.model.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench/e2e} (issue 23, started): end-to-end freshness of the pipeline as {@code run} starts it (embedded
 * broker, processor, Connect worker with the sink into SQLite). A load generator sends synthetic articles to
 * {@code feed.articles} at a steady rate; for each article sent after the warm-up, the time from the producer's send
 * to (a) its record on {@code stories.articles} (a read_committed consumer) and (b) its row in the database (polled
 * every {@link #DB_POLL}) is taken; p50, p99, p99.9 and max per rate go to the result file.
 *
 * <p>Arguments: {@code RESULT_JSON RATES WARMUP_SECONDS MEASURE_SECONDS}, e.g. {@code bench/results/e2e.json
 * 100,500,1000 30 180}. Not yet done: the PostgreSQL run, the footprint (RSS, state directory and changelog bytes
 * per million articles) and tuning; the database times are rounded up to the poll interval.
 */
public final class EndToEndBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndBenchmark.class);
    /** How often the database is polled for new rows: the resolution of the to-database times. */
    private static final Duration DB_POLL = Duration.ofMillis(50);
    /** How long to wait, after the load stops, for the last measured article to arrive everywhere. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    /** Articles per synthetic story: each story gets this many similar titles from different providers. */
    private static final int ARTICLES_PER_STORY = 5;

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path result = Path.of(args.length > 0 ? args[0] : "bench/results/e2e.json");
        String[] rates = (args.length > 1 ? args[1] : "100,500,1000").split(",");
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 30);
        Duration measure = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 180);
        ObjectNode json = Json.mapper().createObjectNode();
        ArrayNode results = json.putArray("rates");
        for (String rate : rates) {
            results.add(runOnce(Integer.parseInt(rate.strip()), warmup, measure));
        }
        json.put("warmupSeconds", warmup.toSeconds());
        json.put("measureSeconds", measure.toSeconds());
        json.put("databasePollMs", DB_POLL.toMillis());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("loadAverageAtEnd", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        ObjectNode settings = json.putObject("settings");
        settings.put("streams.commit.interval.ms", 200);
        settings.put("streams.commit.interval.ms.why", "exactly-once output is visible to read_committed readers "
                + "only at a commit: the interval bounds the added latency (StreamProcessorApp)");
        settings.putPOJO("producer", ProducerSettings.masked(ProducerSettings.effective("(embedded)", Map.of())));
        Files.createDirectories(result.toAbsolutePath().getParent());
        Files.writeString(result, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        LOG.warn("End-to-end results written to {}", result.toAbsolutePath());
    }

    private static ObjectNode runOnce(int rate, Duration warmup, Duration measure) throws Exception {
        Path work = Files.createTempDirectory("storywire-e2e-");
        String db = "jdbc:sqlite:" + work.resolve("stories.db");
        PipelineSettings settings = new PipelineSettings(null, List.of(), db, work, Duration.ofMinutes(5));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> toTopic = new ConcurrentHashMap<>();
        Map<String, Long> toDatabase = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (LocalPipeline pipeline = LocalPipeline.start(settings)) {
            Thread topicWatcher = new Thread(() -> watchTopic(pipeline.bootstrapServers(), sentAt, toTopic, running),
                    "e2e-topic");
            Thread databaseWatcher = new Thread(() -> watchDatabase(db, sentAt, toDatabase, running), "e2e-db");
            topicWatcher.start();
            databaseWatcher.start();
            long stopNanos = send(pipeline.bootstrapServers(), rate, warmup, measure, sentAt);
            long drainedNanos = awaitDrained(sentAt, toTopic, toDatabase);
            running.set(false);
            topicWatcher.join(10_000);
            databaseWatcher.join(10_000);
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("articlesPerSecond", rate);
            json.put("articlesMeasured", sentAt.size());
            json.set("toStoriesArticlesMs", percentiles(sentAt, toTopic));
            json.set("toDatabaseMs", percentiles(sentAt, toDatabase));
            json.put("drainedSecondsAfterStop", drainedNanos < 0 ? -1
                    : Math.round((drainedNanos - stopNanos) / 1e7) / 100.0);
            LOG.warn("{} articles/s: {}", rate, json);
            return json;
        } finally {
            running.set(false);
            Directories.deleteQuietly(work);
        }
    }

    /** Sends at {@code rate} for the warm-up and the measurement; returns when the load stopped (nanoTime). */
    private static long send(String bootstrapServers, int rate, Duration warmup, Duration measure,
            Map<String, Long> sentAt) {
        Map<String, Object> config = new HashMap<>(ProducerSettings.effective(bootstrapServers, Map.of()));
        long total = rate * (warmup.toSeconds() + measure.toSeconds());
        long warmupCount = rate * warmup.toSeconds();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                Article article = article(i);
                if (i >= warmupCount) {
                    sentAt.put(article.id(), System.currentTimeMillis());
                }
                producer.send(new ProducerRecord<>(Topics.FEED_ARTICLES.name(), null,
                        article.publishedDateTime().toEpochMilli(), article.id(),
                        Topics.ARTICLE_SERDE.serialize(Topics.FEED_ARTICLES.name(), article)));
            }
            producer.flush();
        }
        return System.nanoTime();
    }

    /** A synthetic article: stories of {@link #ARTICLES_PER_STORY} similar titles from different providers. */
    static Article article(long i) {
        long story = i / ARTICLES_PER_STORY;
        int copy = (int) (i % ARTICLES_PER_STORY);
        String subject = "Company" + story + " unveils product" + story + " in city" + (story % 97);
        String domain = "news" + copy + ".example.com";
        String url = "https://" + domain + "/" + story + "/" + i;
        Instant now = Instant.now();
        return new Article(domain + "/" + story + "/" + i, subject + " (report " + copy + ")",
                "Company" + story + " said on Tuesday that product" + story + " ships next month.", now, url, null,
                null, null, "article", "news", 3, 10, true, new Provider("News " + copy, domain, List.of()),
                List.of("Company" + story), List.of(), List.of(), null, Map.of(), "e2e", "hash-" + i, now);
    }

    private static void watchTopic(String bootstrapServers, Map<String, Long> sentAt, Map<String, Long> seen,
            AtomicBoolean running) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "storywire-e2e-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // What downstream readers of an exactly-once pipeline see: only committed output.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.STORIES_ARTICLES.name()));
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (sentAt.containsKey(record.key())) {
                        seen.putIfAbsent(record.key(), System.currentTimeMillis());
                    }
                }
            }
        }
    }

    private static void watchDatabase(String db, Map<String, Long> sentAt, Map<String, Long> seen,
            AtomicBoolean running) {
        long lastRow = 0;
        while (running.get()) {
            try (Connection connection = DriverManager.getConnection(db);
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT rowid, article_id FROM story_articles WHERE rowid > ? ORDER BY rowid")) {
                while (running.get()) {
                    query.setLong(1, lastRow);
                    try (ResultSet rows = query.executeQuery()) {
                        long now = System.currentTimeMillis();
                        while (rows.next()) {
                            lastRow = Math.max(lastRow, rows.getLong(1));
                            String id = rows.getString(2);
                            if (sentAt.containsKey(id)) {
                                seen.putIfAbsent(id, now);
                            }
                        }
                    }
                    Thread.sleep(DB_POLL.toMillis());
                }
            } catch (SQLException e) {
                // The sink creates the table on its first write, and SQLite may be busy: try again.
                sleepQuietly(DB_POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long awaitDrained(Map<String, Long> sentAt, Map<String, Long> toTopic,
            Map<String, Long> toDatabase) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (toTopic.size() >= sentAt.size() && toDatabase.size() >= sentAt.size()) {
                return System.nanoTime();
            }
            sleepQuietly(DB_POLL);
        }
        LOG.warn("Not drained {} s after the load stopped: {} of {} on stories.articles, {} in the database",
                DRAIN_LIMIT.toSeconds(), toTopic.size(), sentAt.size(), toDatabase.size());
        return -1;
    }

    private static ObjectNode percentiles(Map<String, Long> sentAt, Map<String, Long> arrived) {
        List<Long> latencies = new ArrayList<>();
        arrived.forEach((id, at) -> latencies.add(at - sentAt.get(id)));
        latencies.sort(Long::compare);
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("count", latencies.size());
        json.put("missing", sentAt.size() - latencies.size());
        if (!latencies.isEmpty()) {
            json.put("p50", at(latencies, 0.50));
            json.put("p99", at(latencies, 0.99));
            json.put("p999", at(latencies, 0.999));
            json.put("max", latencies.get(latencies.size() - 1));
        }
        return json;
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
