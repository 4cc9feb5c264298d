package dev.storywire.processor.bench;

import dev.storywire.model.Article;
import dev.storywire.model.Json;
import dev.storywire.model.Topics;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.StoryTopology;
import dev.storywire.processor.StreamProcessorApp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustering throughput benchmark (not a test): the story topology and the same topology with the clustering
 * step replaced by {@link IdentityClustering}, over {@link SyntheticFeed} articles, on a
 * {@link TopologyTestDriver} with in-memory stores (record caches on, as in production; no broker, so the figures
 * are processing cost, not Kafka I/O). Writes {@code bench/results/cluster.json}.
 *
 * <pre>
 * ClusterBenchmark [output json] [sizes...]     defaults: ../bench/results/cluster.json 10000 1000000
 * </pre>
 */
public final class ClusterBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBenchmark.class);
    private static final long SEED = 20210318L;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** Outputs are drained this often so the driver's output queues stay small. */
    private static final int DRAIN_EVERY = 1_000;
    /**
     * Articles run through both topologies (another seed, figures discarded) before anything is measured, so that
     * the small runs measure compiled code, not the JIT's first minute; {@code -Dbench.warmup=0} turns it off.
     */
    private static final int WARMUP_ARTICLES = Integer.getInteger("bench.warmup", 10_000);

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "../bench/results/cluster.json");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 1_000_000);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("measuredAt", Instant.now().toString());
        results.put("driver", "TopologyTestDriver (no broker), in-memory key-value stores (state.in-memory=true: "
                + "the driver commits after every record, which would flush RocksDB per record), record caches on, "
                + "exactly_once_v2 settings");
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        results.put("feed", Map.of("singletonShare", SyntheticFeed.SINGLETON_SHARE, "maxStorySize",
                SyntheticFeed.MAX_STORY_SIZE, "articlesPerDay", SyntheticFeed.ARTICLES_PER_DAY, "seed", SEED,
                "related", "0-4 per article, each an earlier member of the same story or a random recent article"));
        results.put("warmup", WARMUP_ARTICLES + " articles (seed " + (SEED + 1) + ") through both topologies before "
                + "the measured runs, figures discarded: without it the 10,000-article figures are mostly JIT warm-up");
        if (WARMUP_ARTICLES > 0) {
            ProcessorConfig config = ProcessorConfig.defaults().withInMemoryStores(true);
            run("warm-up identity", WARMUP_ARTICLES, SEED + 1,
                    StoryTopology.buildTopology(config, IdentityClustering.supplier()));
            run("warm-up clustering", WARMUP_ARTICLES, SEED + 1, StoryTopology.buildTopology(config));
        }
        Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
        for (int size : sizes) {
            ProcessorConfig config = ProcessorConfig.defaults().withInMemoryStores(true);
            Run identity = run("identity", size, SEED, StoryTopology.buildTopology(config, IdentityClustering.supplier()));
            Run clustering = run("clustering", size, SEED, StoryTopology.buildTopology(config));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("articles", size);
            figures.put("identityArticlesPerSecond", round(identity.perSecond()));
            figures.put("clusteringArticlesPerSecond", round(clustering.perSecond()));
            figures.put("clusteringLastTenPercentArticlesPerSecond", round(clustering.tailPerSecond()));
            figures.put("clusteringToIdentity", round(clustering.perSecond() / identity.perSecond()));
            figures.put("identityArticlesPerCpuSecond", round(identity.perCpuSecond()));
            figures.put("clusteringArticlesPerCpuSecond", round(clustering.perCpuSecond()));
            figures.put("clusteringToIdentityCpu", round(clustering.perCpuSecond() / identity.perCpuSecond()));
            figures.put("storiesEmitted", clustering.stories());
            runs.put(String.valueOf(size), figures);
            LOG.info("{} articles: {}", size, figures);
        }
        results.put("runs", runs);
        if (runs.size() >= 2) {
            List<Map<String, Object>> ordered = new ArrayList<>(runs.values());
            double small = (double) ordered.get(0).get("clusteringArticlesPerSecond");
            double large = (double) ordered.get(ordered.size() - 1).get("clusteringArticlesPerSecond");
            results.put("largeToSmallClustering", round(large / small));
            double smallCpu = (double) ordered.get(0).get("clusteringArticlesPerCpuSecond");
            double largeCpu = (double) ordered.get(ordered.size() - 1).get("clusteringArticlesPerCpuSecond");
            results.put("largeToSmallClusteringCpu", round(largeCpu / smallCpu));
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), results);
        LOG.info("Wrote {}", output.toAbsolutePath());
    }

    /**
     * One measured run.
     *
     * @param cpuSeconds CPU time of the thread driving the topology: unlike wall-clock time, not inflated when other
     *     processes share the machine (it leaves out GC and JIT threads)
     */
    private record Run(int articles, double seconds, double cpuSeconds, double tailSeconds, int tailArticles,
            long stories) {
        double perSecond() {
            return articles / seconds;
        }

        double perCpuSecond() {
            return articles / cpuSeconds;
        }

        double tailPerSecond() {
            return tailArticles / tailSeconds;
        }
    }

    private static Run run(String name, int size, long seed, Topology topology) throws IOException {
        Path stateDir = Files.createTempDirectory("cluster-bench-");
        Properties properties = StreamProcessorApp.streamsProperties("unused:9092", "cluster-bench", stateDir);
        if (System.getProperty("bench.guarantee") != null) {
            properties.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                    System.getProperty("bench.guarantee"));
        }
        SyntheticFeed feed = new SyntheticFeed(size, seed);
        long stories = 0;
        int tailStart = size - size / 10;
        long tailStartNanos = 0;
        long start;
        long end;
        long startCpu;
        long endCpu;
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, properties)) {
            TestInputTopic<String, Article> input = driver.createInputTopic(Topics.FEED_ARTICLES.name(),
                    new StringSerializer(), Topics.ARTICLE_SERDE.serializer());
            TestOutputTopic<String, ?> articles = driver.createOutputTopic(Topics.STORIES_ARTICLES.name(),
                    Topics.KEY_SERDE.deserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            TestOutputTopic<String, ?> storyTopic = driver.createOutputTopic(Topics.STORIES.name(),
                    Topics.KEY_SERDE.deserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            Map<String, TestOutputTopic<byte[], byte[]>> drained = new HashMap<>();
            start = System.nanoTime();
            startCpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < size; i++) {
                if (i == tailStart) {
                    tailStartNanos = System.nanoTime();
                }
                Article article = feed.next();
                input.pipeInput(article.id(), article, article.publishedDateTime());
                if (i % DRAIN_EVERY == 0) {
                    articles.readRecordsToList();
                    stories += storyTopic.readRecordsToList().size();
                    drainChangelogs(driver, drained);
                }
                if (i > 0 && i % 100_000 == 0) {
                    LOG.info("{} {}: {} articles, {} articles/s so far", name, size, i,
                            String.format(Locale.ROOT, "%.0f", i / ((System.nanoTime() - start) / 1e9)));
                }
            }
            end = System.nanoTime();
            endCpu = THREADS.getCurrentThreadCpuTime();
            articles.readRecordsToList();
            stories += storyTopic.readRecordsToList().size();
        } finally {
            deleteQuietly(stateDir);
        }
        Run run = new Run(size, (end - start) / 1e9, (endCpu - startCpu) / 1e9, (end - tailStartNanos) / 1e9, size - tailStart, stories);
        LOG.info("{} {}: {} articles/s ({} per CPU second)", name, size,
                String.format(Locale.ROOT, "%.0f", run.perSecond()), String.format(Locale.ROOT, "%.0f", run.perCpuSecond()));
        return run;
    }

    /**
     * Reads away what went to the changelog and repartition topics: the driver keeps every produced record until
     * it is read, so over a long run they would fill the heap (a broker ships them off).
     */
    private static void drainChangelogs(TopologyTestDriver driver, Map<String, TestOutputTopic<byte[], byte[]>> drained) {
        for (String topic : driver.producedTopicNames()) {
            if (topic.equals(Topics.STORIES_ARTICLES.name()) || topic.equals(Topics.STORIES.name())) {
                continue;
            }
            drained.computeIfAbsent(topic, name -> driver.createOutputTopic(name,
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())).readRecordsToList();
        }
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }
}
