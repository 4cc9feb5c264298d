package dev.storywire.processor.bench;

import dev.storywire.embedded.Directories;
import dev.storywire.embedded.EmbeddedKafkaBroker;
import dev.storywire.model.Article;
import dev.storywire.model.Json;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.StoryTopology;
import dev.storywire.processor.StreamProcessorApp;
import dev.storywire.processor.bench.FeedLoader.LoadedFeed;
import dev.storywire.processor.bench.ProcessingProgress.Measurement;
import dev.storywire.processor.bench.ProcessingProgress.Part;
import dev.storywire.processor.cluster.ClusterOutput;
import dev.storywire.processor.ClusteringProcessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.storywire.processor.quality.ClusteringScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clustering throughput benchmark (not a test): the story topology and the same topology with the clustering step
 * replaced by {@link IdentityClustering}, run one after the other by {@link KafkaStreams} against an in-process
 * KRaft broker over the same pre-loaded {@link SyntheticFeed} input, with the production settings
 * ({@code exactly_once_v2}, RocksDB stores with changelogs). Writes {@code bench/results/cluster.json}.
 *
 * <p>Loading the input is not measured. What is measured, for each topology, is the time from the first to the
 * latest {@code process()} call of its clustering step ({@link CountingClustering}); the run is over when the step
 * has processed every record the dedupe step passes on.
 *
 * <p>Each run also reports clustering quality, so that a speed-up can be shown not to cost quality at scale: B-cubed
 * and pairwise precision, recall and F1 ({@link ClusteringScores}, computed by {@link ContingencyScores}) of the
 * latest story each article was sent to {@code stories.articles} with, against the truth, the story
 * {@link SyntheticFeed} generated the article for. The identity variant's figures are those of the trivial
 * baseline, every article a story of its own.
 *
 * <pre>
 * ClusterBenchmark [output json] [sizes...]     defaults: ../bench/results/cluster.json 10000 1000000
 *   -Dbench.warmup=N       articles of another seed run through both topologies first, figures discarded
 *                          (default 10000; 0 turns the warm-up off)
 *   -Dbench.repeats=N      runs of both variants per size, the median reported (default 3 up to 100,000
 *                          articles, else 1)
 *   -Dbench.guarantee=G    another processing.guarantee, e.g. at_least_once, to see what exactly-once costs
 *   -Dbench.in-memory-stores=true   the stores (dedupe, clustering) in memory, changelogged, to see what RocksDB
 *                          costs
 *   -Dbench.stream-threads=N   N stream threads per topology instead of one
 *   -Dbench.input-partitions=N partitions of the input topic (default 1: every run reaches the clustering in
 *                          publish order; 3, as production, gives the order of a restart over a backlog, different
 *                          in every run, and lets dedupe spread over several stream threads)
 * </pre>
 */
public final class ClusterBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBenchmark.class);
    private static final long SEED = 20210318L;
    /**
     * Articles run through both topologies (another seed, figures discarded) before anything is measured, so that
     * the small runs measure compiled code, not the JIT's first minute; {@code -Dbench.warmup=0} turns it off.
     */
    private static final int WARMUP_ARTICLES = Integer.getInteger("bench.warmup", 10_000);
    private static final String GUARANTEE =
            System.getProperty("bench.guarantee", StreamsConfig.EXACTLY_ONCE_V2);
    /**
     * Stream threads per topology: 1 as in production by default; 2 lets the dedupe tasks run beside the clustering
     * task on a second core (the stream-thread CPU figures are then those of the thread that runs the clustering).
     */
    private static final int STREAM_THREADS = Integer.getInteger("bench.stream-threads", 1);
    /** Whether the dedupe and clustering stores are in memory instead of RocksDB (a diagnosis, not the production setting). */
    private static final boolean IN_MEMORY_STORES = Boolean.getBoolean("bench.in-memory-stores");
    /** Prefix of system properties that override a Streams setting of the measured runs. */
    private static final String STREAMS_OVERRIDE = "bench.streams.";
    /** Sizes up to this run three times by default (see {@link #repeats}). */
    private static final int REPEAT_UP_TO = 100_000;
    /** Below this the last tenth is too few records to time. */
    private static final int MIN_SIZE = 100;

    /** How often the waiting thread looks at the progress. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(30);
    /**
     * A run fails when no record reaches the clustering step for this long: at start-up (topic creation, the
     * consumer group forming) or later (the client stuck, or fewer records coming than expected).
     */
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Only when the feed repeats article ids (SyntheticFeed does not): dedupe may then pass a copy on as an update,
     * so the run counts as over once every distinct id arrived and nothing more came for this long.
     */
    private static final Duration SETTLE_TIME = Duration.ofSeconds(5);
    /**
     * A run fails after this long plus {@link #RUN_TIMEOUT_PER_ARTICLE} per article, that is when it runs below about
     * 50 articles/s (1,000,000 articles: 5.7 hours); a hung client is caught sooner by {@link #STALL_TIMEOUT}.
     */
    private static final Duration RUN_TIMEOUT_BASE = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT_PER_ARTICLE = Duration.ofMillis(20);

    private ClusterBenchmark() {
    }

    /** The two clustering steps compared; the real one is what {@code StoryTopology.buildTopology(config)} uses. */
    private enum Variant {
        IDENTITY("identity", config -> IdentityClustering.supplier()),
        CLUSTERING("clustering", config -> ClusteringProcessor.supplier(config, new SimpleMeterRegistry()));

        private final String label;
        private final Function<ProcessorConfig, ProcessorSupplier<String, Article, String, ClusterOutput>> step;

        Variant(String label,
                Function<ProcessorConfig, ProcessorSupplier<String, Article, String, ClusterOutput>> step) {
            this.label = label;
            this.step = step;
        }
    }

    /**
     * One variant over one input: its speed, its clustering against the feed's truth, and the share of the machine's
     * CPU time the hypervisor stole while it ran (from start to finish of the client).
     */
    private record Run(Measurement measurement, ClusteringScores quality, double hostStealPercent,
            ArrivalLag arrivals) {
    }

    /**
     * Both variants over the same input, {@code repeats} times each: the figures are those of the median run of each
     * variant (by articles/s), the other runs' throughputs are listed beside them.
     */
    private record Comparison(LoadedFeed feed, List<Run> identityRuns, List<Run> clusteringRuns) {

        Run identity() {
            return median(identityRuns);
        }

        Run clustering() {
            return median(clusteringRuns);
        }

        private static Run median(List<Run> runs) {
            List<Run> sorted = new ArrayList<>(runs);
            sorted.sort(Comparator.comparingDouble(run -> run.measurement().perSecond()));
            return sorted.get(sorted.size() / 2);
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path output = Path.of(args.length > 0 ? args[0] : "../bench/results/cluster.json");
        List<Integer> sizes = sizes(args);
        Map<String, Object> results = describeSetup();
        Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("cluster-bench-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).build().start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.bootstrapServers()))) {
            if (WARMUP_ARTICLES > 0) {
                compare(broker.bootstrapServers(), admin, work, "bench-warmup-", WARMUP_ARTICLES, SEED + 1, 1);
                LOG.info("Warm-up done, figures discarded");
            }
            for (int size : sizes) {
                Comparison comparison = compare(broker.bootstrapServers(), admin, work, "bench-" + size + "-", size,
                        SEED, repeats(size));
                Map<String, Object> figures = figures(comparison);
                runs.put(String.valueOf(size), figures);
                LOG.info("{} articles: {}", size, figures);
            }
        } finally {
            Directories.deleteQuietly(work);
        }
        results.put("runs", runs);
        putLargeToSmall(results, runs);
        writeResults(output, results);
    }

    private static List<Integer> sizes(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            int size = Integer.parseInt(args[i]);
            if (size < MIN_SIZE) {
                throw new IllegalArgumentException("sizes must be at least " + MIN_SIZE + ", got " + size);
            }
            sizes.add(size);
        }
        return sizes.isEmpty() ? List.of(10_000, 1_000_000) : sizes;
    }

    private static Map<String, Object> describeSetup() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("measuredAt", Instant.now().toString());
        results.put("driver", "KafkaStreams against an in-process single-node KRaft broker (EmbeddedKafkaBroker, same"
                + " JVM), settings of StreamProcessorApp.streamsProperties (processing.guarantee=" + GUARANTEE
                + ", commit.interval.ms=200, num.stream.threads=" + STREAM_THREADS + "), "
                + (IN_MEMORY_STORES ? "the stores (dedupe and clustering) IN MEMORY (bench.in-memory-stores, not the production"
                        + " setting; with changelogs" : "production state stores (RocksDB with changelogs")
                + "; the clustering's stores behind Kafka Streams' record cache);"
                + " the feed is first loaded into a " + BenchTopics.INPUT_PARTITIONS + "-partition input topic (not"
                + " measured), then each topology runs over it with its own application.id and output topics;"
                + " measured: from the first to the latest process() call of the clustering step, until it has"
                + " processed every article the dedupe step passes on");
        results.put("cpu", "ArticlesPerCpuSecond figures divide by the whole JVM's CPU time over the measured"
                + " interval (OperatingSystemMXBean.getProcessCpuTime): the stream thread, but also the in-process"
                + " broker, the clients' network threads, the log cleaner, GC and JIT; ArticlesPerStreamThreadCpuSecond"
                + " figures by the CPU time of the one stream thread that runs the whole topology (dedupe, clustering,"
                + " serialisation, handing records to the producer), which other processes on the machine distort"
                + " less; HostCpuStealPercent figures are the share of the machine's CPU time (/proc/stat) the"
                + " hypervisor gave to other guests while the client ran, which slows every figure of that run");
        results.put("byTenth", "ByTenth figures time each tenth of the articles separately, in order: whether the cost"
                + " per article grows as the run holds more stories. The stream thread also runs dedupe, which works"
                + " through the whole input backlog well ahead of clustering, so the first tenths of a large run carry"
                + " most of dedupe's work and the later ones almost none");
        results.put("quality", "per run, of the clustering variant: B-cubed and pairwise precision, recall and F1"
                + " of the latest story each article was sent to stories.articles with, against the truth, the story"
                + " SyntheticFeed generated the article for, over the articles that have both (ClusteringScores,"
                + " computed from the contingency table); singletons* the same figures of the identity variant, that"
                + " is of the trivial baseline where every article is a story of its own");
        results.put("arrivalLag", "clusteringArrivalLag per run, of the clustering variant's median run: how far"
                + " from publish order the articles reached the clustering step; 0 with one input partition; with"
                + " several, the interleaving of the input partitions through dedupe and the repartition topic decides"
                + " it, and it changes from run to run;"
                + " an article's lag is how much older its publish time is than the latest that arrived before it;"
                + " online clustering decides with what it has seen, so its quality figures move with this order");
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + System.getProperty("java.version"));
        Map<String, Object> feed = new LinkedHashMap<>();
        feed.put("seed", SEED);
        feed.put("maxStorySize", SyntheticFeed.MAX_STORY_SIZE);
        feed.put("singletonShare", SyntheticFeed.SINGLETON_SHARE);
        feed.put("articlesPerDay", SyntheticFeed.ARTICLES_PER_DAY);
        feed.put("related", "0-4 per article, each an earlier member of the same story or a random recent article");
        feed.put("inputPartitions", BenchTopics.INPUT_PARTITIONS);
        results.put("feed", feed);
        results.put("warmup", WARMUP_ARTICLES == 0 ? "none" : WARMUP_ARTICLES + " articles (seed " + (SEED + 1)
                + ") through both topologies on the same broker before the measured runs, figures discarded");
        return results;
    }

    /** Loads {@code size} articles into a new input topic and runs both variants over it; deletes its topics after. */
    private static Comparison compare(String bootstrapServers, Admin admin, Path work, String prefix, int size,
            long seed, int repeats) throws IOException, InterruptedException {
        String inputTopic = prefix + "feed.articles";
        BenchTopics.createInput(admin, inputTopic);
        LoadedFeed feed = FeedLoader.load(bootstrapServers, inputTopic, size, seed);
        try {
            List<Run> identity = new ArrayList<>();
            List<Run> clustering = new ArrayList<>();
            for (int i = 1; i <= repeats; i++) {
                String runPrefix = repeats == 1 ? prefix : prefix + "r" + i + "-";
                identity.add(run(bootstrapServers, admin, work, runPrefix, feed, Variant.IDENTITY));
                clustering.add(run(bootstrapServers, admin, work, runPrefix, feed, Variant.CLUSTERING));
            }
            return new Comparison(feed, identity, clustering);
        } finally {
            BenchTopics.deleteAllQuietly(admin, prefix);
        }
    }

    /**
     * How often both variants run over one input: {@code -Dbench.repeats}, else 3 up to
     * {@value #REPEAT_UP_TO} articles (a 10,000-article run lasts seconds, and its figure moved by a quarter from one
     * run to the next) and once above.
     */
    private static int repeats(int size) {
        return Integer.getInteger("bench.repeats", size <= REPEAT_UP_TO ? 3 : 1);
    }

    private static Run run(String bootstrapServers, Admin admin, Path work, String prefix, LoadedFeed feed,
            Variant variant) throws IOException, InterruptedException {
        String applicationId = prefix + variant.label;
        ProcessorConfig config = ProcessorConfig.defaults().withTopics(feed.topic(),
                applicationId + "-stories.articles", applicationId + "-stories").withInMemoryStores(IN_MEMORY_STORES);
        BenchTopics.createOutputs(admin, config);
        ProcessingProgress progress = new ProcessingProgress(feed.distinctIds());
        StoryAssignments assignments = new StoryAssignments(feed.distinctIds());
        ArrivalLag arrivals = new ArrivalLag();
        CountingClustering step = new CountingClustering(variant.step.apply(config), progress, assignments, arrivals);
        Path stateDir = Files.createDirectories(work.resolve("state").resolve(applicationId));
        LOG.info("{}: {} articles from {}", applicationId, feed.articles(), feed.topic());
        HostCpu.Sample cpuBefore = HostCpu.sample();
        try (StreamProcessorApp app = StreamProcessorApp.start(StoryTopology.buildTopology(config, step),
                streamsProperties(bootstrapServers, applicationId, stateDir))) {
            awaitCompletion(applicationId, app, progress, feed);
        } finally {
            Directories.deleteQuietly(stateDir);
        }
        double stealPercent = HostCpu.stealPercent(cpuBefore, HostCpu.sample());
        Measurement measurement = progress.measurement();
        ClusteringScores quality = ContingencyScores.of(assignments.storyOfArticle(), feed.truth());
        LOG.info("{}: {} articles/s (last tenth {}/s), {} per process CPU second, {} per stream thread CPU second,"
                + " {} story records, host CPU steal {} %; quality against the feed's truth: {}", applicationId,
                format(measurement.perSecond()), format(measurement.tailPerSecond()),
                format(measurement.perCpuSecond()), format(measurement.perStreamThreadCpuSecond()),
                measurement.storyRecords(), format(stealPercent), quality.describe());
        return new Run(measurement, quality, stealPercent, arrivals);
    }

    private static Properties streamsProperties(String bootstrapServers, String applicationId, Path stateDir) {
        Properties properties = StreamProcessorApp.streamsProperties(bootstrapServers, applicationId, stateDir);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, GUARANTEE);
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, STREAM_THREADS);
        // -Dbench.streams.<key>=<value> overrides one Streams setting, to measure what it changes.
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(STREAMS_OVERRIDE))
                .forEach(key -> properties.put(key.substring(STREAMS_OVERRIDE.length()), System.getProperty(key)));
        return properties;
    }

    /**
     * Waits until the clustering step has processed every record the dedupe step passes on: one per distinct article
     * id, which for SyntheticFeed (no repeated ids) is every article loaded. Fails on a stopped client, a stall or
     * the run timeout.
     */
    private static void awaitCompletion(String name, StreamProcessorApp app, ProcessingProgress progress,
            LoadedFeed feed) throws InterruptedException {
        long start = System.nanoTime();
        Duration timeout = RUN_TIMEOUT_BASE.plus(RUN_TIMEOUT_PER_ARTICLE.multipliedBy(feed.articles()));
        long nextLog = start + PROGRESS_LOG_INTERVAL.toNanos();
        while (!isComplete(progress, feed)) {
            long now = System.nanoTime();
            failIfStopped(name, app, progress);
            failIfStalled(name, progress, start, now);
            if (now - start > timeout.toNanos()) {
                throw new IllegalStateException(name + " did not finish within " + timeout + ": "
                        + describe(progress));
            }
            if (now >= nextLog) {
                LOG.info("{}: {}, {} articles/s so far", name, describe(progress),
                        format(progress.perSecondSoFar()));
                nextLog = now + PROGRESS_LOG_INTERVAL.toNanos();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
        if (progress.count() != progress.expected()) {
            LOG.warn("{}: {}", name, describe(progress));
        }
    }

    private static boolean isComplete(ProcessingProgress progress, LoadedFeed feed) {
        if (!progress.reachedExpected()) {
            return false;
        }
        return !feed.hasRepeatedIds() || System.nanoTime() - progress.latestNanos() >= SETTLE_TIME.toNanos();
    }

    private static void failIfStopped(String name, StreamProcessorApp app, ProcessingProgress progress) {
        KafkaStreams.State state = app.state();
        if (Set.of(KafkaStreams.State.PENDING_ERROR, KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN,
                KafkaStreams.State.NOT_RUNNING).contains(state)) {
            throw new IllegalStateException(name + " stopped (state " + state + ") before it finished: "
                    + describe(progress) + "; see the stream thread's error above");
        }
    }

    private static void failIfStalled(String name, ProcessingProgress progress, long start, long now) {
        long latest = progress.latestNanos();
        long quietSince = latest == 0 ? start : latest;
        if (now - quietSince > STALL_TIMEOUT.toNanos()) {
            throw new IllegalStateException(name + ": no record reached the clustering step for " + STALL_TIMEOUT
                    + ": " + describe(progress));
        }
    }

    private static String describe(ProcessingProgress progress) {
        return progress.count() + " of " + progress.expected() + " expected records processed";
    }

    private static Map<String, Object> figures(Comparison comparison) {
        Measurement identity = comparison.identity().measurement();
        Measurement clustering = comparison.clustering().measurement();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("articles", comparison.feed().articles());
        figures.put("identityArticlesPerSecond", round(identity.perSecond()));
        figures.put("clusteringArticlesPerSecond", round(clustering.perSecond()));
        figures.put("identityLastTenPercentArticlesPerSecond", round(identity.tailPerSecond()));
        figures.put("clusteringLastTenPercentArticlesPerSecond", round(clustering.tailPerSecond()));
        figures.put("clusteringToIdentity", round(clustering.perSecond() / identity.perSecond()));
        figures.put("identitySeconds", round(identity.seconds()));
        figures.put("clusteringSeconds", round(clustering.seconds()));
        figures.put("identityArticlesPerCpuSecond", round(identity.perCpuSecond()));
        figures.put("clusteringArticlesPerCpuSecond", round(clustering.perCpuSecond()));
        figures.put("clusteringToIdentityCpu", round(clustering.perCpuSecond() / identity.perCpuSecond()));
        figures.put("identityArticlesPerStreamThreadCpuSecond", round(identity.perStreamThreadCpuSecond()));
        figures.put("clusteringArticlesPerStreamThreadCpuSecond", round(clustering.perStreamThreadCpuSecond()));
        figures.put("clusteringToIdentityStreamThreadCpu",
                round(clustering.perStreamThreadCpuSecond() / identity.perStreamThreadCpuSecond()));
        figures.put("identityArticlesPerStreamThreadCpuSecondByTenth", byTenth(identity, Part::perStreamThreadCpuSecond));
        figures.put("clusteringArticlesPerSecondByTenth", byTenth(clustering, Part::perSecond));
        figures.put("clusteringArticlesPerStreamThreadCpuSecondByTenth",
                byTenth(clustering, Part::perStreamThreadCpuSecond));
        figures.put("storiesEmitted", clustering.storyRecords());
        figures.put("identityHostCpuStealPercent", roundOrNull(comparison.identity().hostStealPercent()));
        figures.put("clusteringHostCpuStealPercent", roundOrNull(comparison.clustering().hostStealPercent()));
        figures.put("repeats", comparison.clusteringRuns().size());
        figures.put("identityArticlesPerSecondOfEachRun", perSecondOfEach(comparison.identityRuns()));
        figures.put("clusteringArticlesPerSecondOfEachRun", perSecondOfEach(comparison.clusteringRuns()));
        figures.put("quality", quality(comparison.clustering().quality(), comparison.identity().quality()));
        figures.put("clusteringArrivalLag", comparison.clustering().arrivals().figures());
        return figures;
    }

    /** A figure of each tenth of the run, in order. */
    private static List<Double> byTenth(Measurement measurement, ToDoubleFunction<Part> figure) {
        return measurement.tenths().stream().map(part -> round(figure.applyAsDouble(part))).toList();
    }

    private static List<Double> perSecondOfEach(List<Run> runs) {
        return runs.stream().map(run -> round(run.measurement().perSecond())).toList();
    }

    /** The clustering variant's figures, and the identity variant's as the every-article-alone baseline. */
    private static Map<String, Object> quality(ClusteringScores clustering, ClusteringScores singletons) {
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("articles", clustering.items());
        putScores(quality, "", clustering);
        quality.put("singletonsArticles", singletons.items());
        putScores(quality, "singletons", singletons);
        return quality;
    }

    private static void putScores(Map<String, Object> figures, String prefix, ClusteringScores scores) {
        figures.put(name(prefix, "bcubedPrecision"), roundQuality(scores.bcubedPrecision()));
        figures.put(name(prefix, "bcubedRecall"), roundQuality(scores.bcubedRecall()));
        figures.put(name(prefix, "bcubedF1"), roundQuality(scores.bcubedF1()));
        figures.put(name(prefix, "pairwisePrecision"), roundQuality(scores.pairPrecision()));
        figures.put(name(prefix, "pairwiseRecall"), roundQuality(scores.pairRecall()));
        figures.put(name(prefix, "pairwiseF1"), roundQuality(scores.pairF1()));
    }

    /** {@code name} after an optional prefix, in camel case: ("singletons", "bcubedF1") is singletonsBcubedF1. */
    private static String name(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The last size against the first, when there are two or more. */
    private static void putLargeToSmall(Map<String, Object> results, Map<String, Map<String, Object>> runs) {
        if (runs.size() < 2) {
            return;
        }
        List<Map<String, Object>> ordered = new ArrayList<>(runs.values());
        Map<String, Object> small = ordered.get(0);
        Map<String, Object> large = ordered.get(ordered.size() - 1);
        results.put("largeToSmallClustering", ratio(large, small, "clusteringArticlesPerSecond"));
        results.put("largeToSmallClusteringCpu", ratio(large, small, "clusteringArticlesPerCpuSecond"));
        results.put("largeToSmallClusteringStreamThreadCpu",
                ratio(large, small, "clusteringArticlesPerStreamThreadCpuSecond"));
    }

    private static double ratio(Map<String, Object> large, Map<String, Object> small, String key) {
        return round((double) large.get(key) / (double) small.get(key));
    }

    private static void writeResults(Path output, Map<String, Object> results) throws IOException {
        Path parent = output.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(output.toFile(), results);
        LOG.info("Wrote {}", output.toAbsolutePath());
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    /** As {@link #round}; {@code null} when the figure is unknown (no /proc/stat). */
    private static Double roundOrNull(double value) {
        return Double.isNaN(value) ? null : round(value);
    }

    /** Quality figures to four places: differences between versions are often in the third. */
    private static double roundQuality(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
