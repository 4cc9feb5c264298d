package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.embedded.Directories;
import dev.storywire.model.Json;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.sink.JdbcUrls;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bench/e2e} (issue 23; not a test): end-to-end freshness and footprint of the pipeline as {@code run} starts
 * it, in this one JVM: embedded broker, processor, Connect worker with the sink into SQLite (or a PostgreSQL URL).
 *
 * <pre>
 * EndToEndBenchmark latency RESULT_JSON RATE WARMUP_S MEASURE_S [JDBC_URL]
 *     {@link SteadyLoad} sends {@code SyntheticFeed} articles at RATE per second for WARMUP_S + MEASURE_S; for each
 *     article sent after the warm-up, the time from send() to (a) its record on stories.articles
 *     ({@link TopicArrivals}, read_committed) and (b) its row in the database ({@link DatabaseArrivals}); p50, p99,
 *     p99.9, max; the seconds after the load stopped until every measured article had arrived everywhere, and the
 *     records still unconsumed by the processor and by the sink 10 s after the load stopped. The entry for
 *     (database, RATE) in RESULT_JSON is replaced; other entries are kept.
 * EndToEndBenchmark footprint RESULT_JSON ARTICLES
 *     sends ARTICLES as fast as the producer takes them, with a retention window longer than the feed spans (every
 *     article stays held); at each quarter of the articles on stories.articles and after all of them,
 *     {@link PipelineFootprint}; the rate the pipeline drained them at.
 * </pre>
 */
public final class EndToEndBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndBenchmark.class);
    /** How long to wait, after the load stops, for the last measured article to arrive everywhere. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    /** The target: nothing left unconsumed this long after the load stops. */
    private static final Duration UNCONSUMED_CHECK = Duration.ofSeconds(10);
    private static final long SEED = 20210318L;

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: latency RESULT RATE WARMUP_S MEASURE_S [JDBC_URL] "
                    + "| footprint RESULT ARTICLES");
        }
        Path result = Path.of(args[1]);
        double loadAtStart = loadAverage();
        ObjectNode entry;
        if (args[0].equals("latency")) {
            entry = latency(Integer.parseInt(args[2]), Duration.ofSeconds(Long.parseLong(args[3])),
                    Duration.ofSeconds(Long.parseLong(args[4])), args.length > 5 ? args[5] : null);
        } else if (args[0].equals("footprint")) {
            entry = footprint(Integer.parseInt(args[2]));
        } else {
            throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        entry.put("measuredAt", Instant.now().toString());
        entry.put("cores", Runtime.getRuntime().availableProcessors());
        entry.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        entry.put("loadAverageAtStart", loadAtStart);
        entry.put("loadAverageAtEnd", loadAverage());
        E2eResultFile.merge(result, args[0].equals("latency") ? "rates" : "footprint", entry);
        LOG.warn("{}: {}", result.toAbsolutePath(), entry);
    }

    private static ObjectNode latency(int rate, Duration warmup, Duration measure, String jdbcUrl) throws Exception {
        Path work = Files.createTempDirectory("storywire-e2e-");
        String db = jdbcUrl != null ? jdbcUrl : "jdbc:sqlite:" + work.resolve("stories.db");
        PipelineSettings settings = new PipelineSettings(null, List.of(), db, work, Duration.ofMinutes(5));
        ArrivalTimes times = new ArrivalTimes();
        AtomicBoolean running = new AtomicBoolean(true);
        try (LocalPipeline pipeline = LocalPipeline.start(settings)) {
            Thread topic = start(new TopicArrivals(pipeline.bootstrapServers(), times, running), "e2e-topic");
            Thread database = start(new DatabaseArrivals(db, times, running), "e2e-db");
            SteadyLoad load = new SteadyLoad(pipeline.bootstrapServers(), SEED);
            RunStats[] stats = new RunStats[1];
            Thread statsStart = start(() -> {
                sleepUntil(System.nanoTime() + warmup.toNanos());
                stats[0] = new RunStats();
            }, "e2e-stats");
            long stop = load.send(rate, rate * (warmup.toSeconds() + measure.toSeconds()),
                    rate * warmup.toSeconds(), times);
            statsStart.join();
            ObjectNode measured = stats[0].finish();
            long drained = awaitArrived(times, stop);
            sleepUntil(stop + UNCONSUMED_CHECK.toNanos());
            LocalPipeline.Unconsumed unconsumed = pipeline.unconsumed();
            running.set(false);
            topic.join(10_000);
            database.join(10_000);
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("articlesPerSecond", rate);
            json.put("database", db.startsWith("jdbc:sqlite:") ? "sqlite" : JdbcUrls.mask(db).split(":")[1]);
            json.put("warmupSeconds", warmup.toSeconds());
            json.put("measureSeconds", measure.toSeconds());
            json.put("articlesMeasured", times.sentCount());
            json.set("toStoriesArticlesMs", times.toTopicPercentiles());
            json.set("toDatabaseMs", times.toDatabasePercentiles());
            json.put("databasePollMs", DatabaseArrivals.POLL.toMillis());
            json.put("drainedSecondsAfterStop", drained < 0 ? -1 : Math.round((drained - stop) / 1e7) / 100.0);
            json.put("unconsumedByProcessor10sAfterStop", unconsumed.processor());
            json.put("unconsumedBySink10sAfterStop", unconsumed.sink());
            json.put("senderMaxBehindScheduleMs", load.maxBehindMillis());
            json.set("whileMeasured", measured);
            ArrayNode series = json.putArray("toStoriesArticlesP99By10sMs");
            for (long p99 : times.topicP99ByInterval(10)) {
                series.add(p99);
            }
            json.set("settings", E2eSettings.describe());
            return json;
        } finally {
            running.set(false);
            Directories.deleteQuietly(work);
        }
    }

    private static ObjectNode footprint(int articles) throws Exception {
        Path work = Files.createTempDirectory("storywire-e2e-footprint-");
        Path dbFile = work.resolve("stories.db");
        PipelineSettings settings = new PipelineSettings(null, List.of(), "jdbc:sqlite:" + dbFile, work,
                Duration.ofMinutes(5));
        // SyntheticFeed publishes 5,000 articles a day of event time: a window longer than the whole feed keeps
        // every article in the dedupe store and every story in the candidate indexes, so bytes / articles is the
        // cost per article held.
        Duration window = Duration.ofDays(articles / 5_000 + 30);
        ProcessorConfig config = ProcessorConfig.defaults()
                .with(ProcessorConfig.DEDUPE_RETENTION, window.toString())
                // State retention first: each step checks it is at least the story retention.
                .withStoryStateRetention(window)
                .withStoryRetention(window);
        ArrivalTimes times = new ArrivalTimes();
        AtomicBoolean running = new AtomicBoolean(true);
        try (LocalPipeline pipeline = LocalPipeline.start(settings, config)) {
            TopicArrivals arrivals = new TopicArrivals(pipeline.bootstrapServers(), times, running);
            Thread topic = start(arrivals, "e2e-topic");
            long begin = System.nanoTime();
            long beginMillis = System.currentTimeMillis();
            Thread sender = start(() -> new SteadyLoad(pipeline.bootstrapServers(), SEED)
                    .send(0, articles, Long.MAX_VALUE, times), "e2e-sender");
            ObjectNode json = Json.mapper().createObjectNode();
            json.put("articles", articles);
            json.put("retentionWindow", window.toString());
            ArrayNode checkpoints = json.putArray("checkpoints");
            Path stateDir = work.resolve("streams-state");
            for (int quarter = 1; quarter <= 4; quarter++) {
                long target = (long) articles * quarter / 4;
                while (arrivals.distinctKeys() < target) {
                    if (System.nanoTime() - begin > Duration.ofMinutes(12).toNanos()) {
                        throw new IllegalStateException("footprint run too slow: " + arrivals.distinctKeys());
                    }
                    Thread.sleep(200);
                }
                ObjectNode point = PipelineFootprint.measure(pipeline.admin(), stateDir, dbFile, quarter == 4);
                point.put("articlesOnStoriesArticles", arrivals.distinctKeys());
                point.put("seconds", Math.round((System.nanoTime() - begin) / 1e7) / 100.0);
                checkpoints.add(point);
                LOG.warn("footprint at {} articles: {}", arrivals.distinctKeys(), point);
            }
            sender.join();
            pipeline.awaitCaughtUp();
            double seconds = (arrivals.lastArrivalMillis() - beginMillis) / 1000.0;
            json.put("secondsToStoriesArticles", seconds);
            json.put("articlesPerSecond", Math.round(articles / seconds));
            json.set("atEnd", PipelineFootprint.measure(pipeline.admin(), stateDir, dbFile, true));
            running.set(false);
            topic.join(10_000);
            json.set("settings", E2eSettings.describe());
            return json;
        } finally {
            running.set(false);
            Directories.deleteQuietly(work);
        }
    }

    private static long awaitArrived(ArrivalTimes times, long stop) {
        while (System.nanoTime() - stop < DRAIN_LIMIT.toNanos()) {
            if (times.allArrived()) {
                return System.nanoTime();
            }
            sleepUntil(System.nanoTime() + 10_000_000L);
        }
        LOG.warn("Not everything arrived {} s after the load stopped: {}", DRAIN_LIMIT.toSeconds(), times.progress());
        return -1;
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
