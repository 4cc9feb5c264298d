package dev.storywire.faults;

import dev.storywire.model.Topics;
import dev.storywire.ops.lag.LagCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storywire pipeline as separate OS processes: broker(s), {@code storywire process} instances, a Connect worker
 * with the sink, and {@code storywire ingest}; with the reads a scenario needs (progress of the processor and the
 * sink, topic end offsets, contents). Closing it stops every process it started.
 */
public final class FaultPipeline implements AutoCloseable {

    public static final String PROCESSOR_GROUP = "storywire-processor";
    public static final String SINK_GROUP = "connect-" + ConnectWorkerMain.CONNECTOR;
    private static final Logger log = LoggerFactory.getLogger(FaultPipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final ProcessLauncher launcher;
    private final Path workDir;
    private final Brokers brokers;
    private final Map<String, ChildProcess> processors = new LinkedHashMap<>();
    private final Map<String, Path> processorConfigs = new LinkedHashMap<>();
    private ChildProcess connect;
    private String jdbcUrl;
    private Map<String, String> sinkOverrides = Map.of();
    private Admin admin;
    private LagCollector lagCollector;

    private FaultPipeline(ProcessLauncher launcher, Path workDir, Brokers brokers) {
        this.launcher = launcher;
        this.workDir = workDir;
        this.brokers = brokers;
    }

    /** A pipeline on one {@code storywire broker} process with its data in {@code workDir/broker}. */
    public static FaultPipeline singleBroker(String classpath, Path workDir) {
        ProcessLauncher launcher = new ProcessLauncher(classpath, workDir.resolve("logs"));
        return start(launcher, workDir, Brokers.single(launcher, workDir));
    }

    /** A pipeline on a three-node KRaft cluster ({@link ClusterNodeMain}), replication factor 3, min ISR 2. */
    public static FaultPipeline threeBrokers(String classpath, Path workDir) {
        ProcessLauncher launcher = new ProcessLauncher(classpath, workDir.resolve("logs"));
        return start(launcher, workDir, Brokers.cluster(launcher, workDir, 3));
    }

    private static FaultPipeline start(ProcessLauncher launcher, Path workDir, Brokers brokers) {
        FaultPipeline pipeline = new FaultPipeline(launcher, workDir, brokers);
        try {
            brokers.startAll();
            pipeline.connectAdmin();
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public String bootstrapServers() {
        return brokers.bootstrapServers();
    }

    public Brokers brokers() {
        return brokers;
    }

    public Path workDir() {
        return workDir;
    }

    private void connectAdmin() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        lagCollector = LagCollector.using(admin, bootstrapServers());
        requireWithin(START_TIMEOUT, "the cluster answers", this::clusterAnswers);
    }

    /** True when the cluster answers a metadata request with all its brokers. */
    public boolean clusterAnswers() {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() >= brokers.size();
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Starts {@code storywire process} named {@code name}, with Kafka Streams settings from {@code config} (empty
     * for the defaults), its state in {@code workDir/state-NAME}.
     */
    public ChildProcess startProcessor(String name, Map<String, String> config) {
        Path configFile = workDir.resolve(name + ".properties");
        writeProperties(configFile, config);
        processorConfigs.put(name, configFile);
        return restartProcessor(name);
    }

    /** Starts the processor {@code name} again, with its earlier settings and state directory. */
    public ChildProcess restartProcessor(String name) {
        ChildProcess processor = launcher.storywire(name, "768m", List.of("process",
                "--bootstrap-servers", bootstrapServers(),
                "--state-dir", workDir.resolve("state-" + name).toString(),
                "--metrics-port", "-1",
                "--config", processorConfigs.get(name).toString()));
        processors.put(name, processor);
        return processor;
    }

    public ChildProcess processor(String name) {
        return processors.get(name);
    }

    /** Waits until the processor created the pipeline topics. */
    public void awaitTopics() {
        requireWithin(START_TIMEOUT, "the pipeline topics exist", () -> {
            try {
                return admin.listTopics().names().get().containsAll(List.of(Topics.FEED_ARTICLES.name(),
                        Topics.FEED_DLQ.name(), Topics.STORIES.name(), Topics.STORIES_ARTICLES.name()));
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Starts the Connect worker with the sink writing to {@code jdbcUrl}. */
    public ChildProcess startConnect(String jdbcUrl) {
        return startConnect(jdbcUrl, Map.of());
    }

    /** Starts the Connect worker with the sink writing to {@code jdbcUrl}, with sink settings {@code overrides}. */
    public ChildProcess startConnect(String jdbcUrl, Map<String, String> overrides) {
        this.jdbcUrl = jdbcUrl;
        this.sinkOverrides = Map.copyOf(overrides);
        return restartConnect();
    }

    public ChildProcess restartConnect() {
        List<String> args = new ArrayList<>(List.of(bootstrapServers(), workDir.resolve("connect").toString(), jdbcUrl,
                String.valueOf(brokers.size())));
        sinkOverrides.forEach((key, value) -> args.add(key + "=" + value));
        connect = launcher.java("connect", "768m", ConnectWorkerMain.class.getName(), args);
        return connect;
    }

    public ChildProcess connect() {
        return connect;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** {@code storywire ingest ARGS} against the cluster, as a running process. */
    public ChildProcess startIngest(String name, List<String> args) {
        List<String> all = new ArrayList<>(List.of("ingest", "--bootstrap-servers", bootstrapServers(),
                "--progress", "NONE"));
        all.addAll(args);
        return launcher.storywire(name, "768m", all);
    }

    /** Runs {@code storywire ingest ARGS} to its end; its exit code. */
    public int runIngest(String name, List<String> args, Duration timeout) {
        ChildProcess ingest = startIngest(name, args);
        if (!ingest.awaitExit(timeout)) {
            ingest.killHard();
            throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + ingest.tail(20));
        }
        return ingest.exitCode();
    }

    /** The processes running each component now (the latest start of each). */
    public List<ChildProcess> currentProcesses() {
        List<ChildProcess> current = new ArrayList<>();
        brokers.nodes().stream().map(Brokers.Node::process).forEach(current::add);
        current.addAll(processors.values());
        if (connect != null) {
            current.add(connect);
        }
        return current;
    }

    /** The processor group's progress over its input topics (feed.articles and its repartition topics). */
    public Optional<GroupProgress> processorProgress() {
        return progress(PROCESSOR_GROUP, processorInputTopics());
    }

    /** The sink group's progress over stories and stories.articles. */
    public Optional<GroupProgress> sinkProgress() {
        return progress(SINK_GROUP, Set.of(Topics.STORIES.name(), Topics.STORIES_ARTICLES.name()));
    }

    private Optional<GroupProgress> progress(String group, Set<String> topics) {
        try {
            return Optional.of(GroupProgress.of(lagCollector.collect(group, topics)));
        } catch (RuntimeException e) {
            log.debug("Cannot read the progress of {}: {}", group, e.toString());
            return Optional.empty();
        }
    }

    private Set<String> processorInputTopics() {
        Set<String> topics = new HashSet<>();
        try {
            topics.addAll(lagCollector.topicsMatching(PROCESSOR_GROUP + "-", "-repartition"));
        } catch (RuntimeException e) {
            log.debug("Cannot list the repartition topics: {}", e.toString());
        }
        topics.add(Topics.FEED_ARTICLES.name());
        return topics;
    }

    /** Sum of the end offsets of {@code topic}'s partitions (records plus transaction markers), -1 when unknown. */
    public long endOffsets(String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> request = description.partitions().stream().collect(Collectors.toMap(
                    p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * Waits until the processor has committed every input record and then the sink every output record; how long
     * it took, or empty after {@code timeout}.
     */
    public Optional<Duration> awaitCaughtUp(Duration timeout) {
        return Waits.until(timeout, this::caughtUp);
    }

    /** The processor has committed all its input and then the sink all of the output. */
    public boolean caughtUp() {
        Optional<GroupProgress> processor = processorProgress();
        if (processor.isEmpty() || processor.get().totalLag() > 0 || processor.get().committed().isEmpty()) {
            return false;
        }
        Optional<GroupProgress> sink = sinkProgress();
        return sink.isPresent() && !sink.get().committed().isEmpty() && sink.get().totalLag() == 0;
    }

    /** The database and the output topics now. */
    public PipelineContents databaseContents() {
        return DatabaseReader.read(jdbcUrl);
    }

    public PipelineContents topicContents() {
        return TopicReader.read(bootstrapServers());
    }

    private static void requireWithin(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        if (Waits.until(timeout, condition).isEmpty()) {
            throw new IllegalStateException("timed out after " + timeout + " waiting until " + what);
        }
    }

    private static void writeProperties(Path file, Map<String, String> config) {
        StringBuilder text = new StringBuilder();
        config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public void close() {
        if (lagCollector != null) {
            lagCollector.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        launcher.close();
    }
}
