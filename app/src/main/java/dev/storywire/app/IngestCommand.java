package dev.storywire.app;

import dev.storywire.app.ingest.IngestProgressBar;
import dev.storywire.app.ingest.IngestProgressLog;
import dev.storywire.app.ingest.IngestSummary;
import dev.storywire.ingest.DirectoryFollower;
import dev.storywire.ingest.FeedDocumentParser;
import dev.storywire.ingest.FeedIngestor;
import dev.storywire.ingest.FeedPublisher;
import dev.storywire.ingest.FollowCheckpoint;
import dev.storywire.ingest.IngestProgress;
import dev.storywire.ingest.IngestReport;
import dev.storywire.ingest.InputFormat;
import dev.storywire.ingest.ParserLimits;
import dev.storywire.ingest.ProducerSettings;
import dev.storywire.ingest.PublishException;
import dev.storywire.ingest.PublisherConfig;
import dev.storywire.model.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storywire ingest}: the feed producer on its own, against any Kafka cluster. */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Publish feed documents to Kafka: valid ones to the articles topic (key: canonical id), rejected ones to "
                + "the dead-letter topic with the reason and position in their headers.",
            "Inputs are files, directories (read recursively for .md, .txt, .yaml, .yml and .jsonl files) and - for "
                + "standard input. With --watch the command keeps running and publishes new and changed files of the "
                + "directories until Ctrl-C; a checkpoint file (content hash per path) keeps a restart from "
                + "publishing anything again.",
            "Missing topics are created with the pipeline's settings; if the cluster does not allow that, the command "
                + "fails at once naming the topic and the kafka-topics.sh command that creates it.",
            "",
            "Exit codes:",
            "  0  every document was published",
            "  2  bad usage (unknown option, missing input)",
            "  3  some documents were rejected (they are on the dead-letter topic and in --report)",
            "  4  Kafka could not be reached, refused a write, or a missing topic could not be created (nothing after "
                + "the failure was sent)",
            "  1  any other failure"})
public final class IngestCommand implements Callable<Integer> {

    static final int EXIT_OK = 0;
    static final int EXIT_REJECTED = 3;
    static final int EXIT_KAFKA_FAILED = 4;
    static final String STDIN = "-";

    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);
    /** How long Ctrl-C waits for the follower to finish its batch and save the checkpoint before the JVM exits. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Feed files or directories to publish once; - reads standard input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--watch", paramLabel = "DIR",
            description = "Keep running and publish new and changed feed files under DIR as they appear "
                    + "(repeatable). Files already published (per --checkpoint) are skipped.")
    List<Path> watchDirectories = new ArrayList<>();

    @Option(names = "--once",
            description = "With --watch: publish what is new or changed since the checkpoint, then exit "
                    + "(for cron jobs) instead of running until Ctrl-C.")
    boolean once;

    @Option(names = "--checkpoint", paramLabel = "FILE", defaultValue = ".storywire/ingest-checkpoint.json",
            description = "Local JSON file recording the content hash of every published watched file "
                    + "(default: ${DEFAULT-VALUE}).")
    Path checkpointFile;

    @Option(names = "--poll-interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "With --watch: seconds between rescans of the directories (default: ${DEFAULT-VALUE}).")
    long pollSeconds;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "127.0.0.1:9092",
            description = "The Kafka cluster (default: ${DEFAULT-VALUE}, what 'storywire broker' listens on).")
    String bootstrapServers;

    @Option(names = "--producer-config", paramLabel = "FILE",
            description = "Kafka producer properties that override the defaults: security.protocol, sasl.*, ssl.*, "
                    + "tuning. Secret values are never logged.")
    Path producerConfigFile;

    @Option(names = "--articles-topic", paramLabel = "TOPIC", description = "Default: feed.articles.")
    String articlesTopic = Topics.FEED_ARTICLES.name();

    @Option(names = "--dlq-topic", paramLabel = "TOPIC", description = "Default: feed.dlq.")
    String dlqTopic = Topics.FEED_DLQ.name();

    @Option(names = "--stdin-format", paramLabel = "FORMAT", defaultValue = "FRONT_MATTER",
            description = "How standard input is cut into documents: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    InputFormat stdinFormat;

    @Option(names = "--max-document-bytes", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Reject documents larger than this (default: ${DEFAULT-VALUE}, 1 MiB).")
    int maxDocumentBytes;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Serve Prometheus metrics (documents published, rejected by reason) on "
                    + "http://HOST:PORT/metrics while running; -1 (default) turns it off.")
    int metricsPort;

    /** Set while {@link #call()} runs with {@code --metrics-port}. */
    private IngestMetrics metrics;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write {\"read\", \"published\", \"rejected\", \"rejections\": [{\"source\", \"reason\"}]} "
                    + "as JSON to FILE at the end.")
    Path reportFile;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "AUTO",
            description = "AUTO (a bar on a terminal, log lines otherwise), BAR, LOG or NONE (default: ${DEFAULT-VALUE}).")
    ProgressMode progressMode;

    /** How progress is shown. */
    enum ProgressMode { AUTO, BAR, LOG, NONE }

    @Override
    public Integer call() {
        checkUsage();
        FeedDocumentParser parser = new FeedDocumentParser(ParserLimits.defaults()
                .withMaxDocumentBytes(maxDocumentBytes));
        PublisherConfig config = new PublisherConfig(bootstrapServers, producerOverrides(), articlesTopic, dlqTopic);
        long startNanos = System.nanoTime();
        IngestReport report = IngestReport.EMPTY;
        metrics = metricsPort < 0 ? null : new IngestMetrics(metricsPort);
        try {
            IngestTopics.ensure(bootstrapServers, config.producerConfig(), IngestTopics.wanted(articlesTopic, dlqTopic));
            if (!inputs.isEmpty()) {
                report = ingestInputs(parser, config);
                recordMetrics(report);
            }
            if (!watchDirectories.isEmpty()) {
                report = report.plus(watch(parser, config));
            }
        } catch (PublishException e) {
            log.error("Publishing failed: {}", e.getMessage(), e);
            finish(e.partialReport(), startNanos);
            Console.out("Kafka at %s could not be reached or refused a write: %s", bootstrapServers,
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            return EXIT_KAFKA_FAILED;
        } catch (IngestTopics.MissingTopicException e) {
            log.error("{}", e.getMessage());
            finish(report, startNanos);
            Console.out("%s", e.getMessage());
            return EXIT_KAFKA_FAILED;
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
        finish(report, startNanos);
        return report.rejected() > 0 ? EXIT_REJECTED : EXIT_OK;
    }

    private IngestReport ingestInputs(FeedDocumentParser parser, PublisherConfig config) {
        List<Path> paths = inputs.stream().filter(input -> !STDIN.equals(input)).map(Path::of).toList();
        IngestProgress progress = progress();
        try (FeedIngestor ingestor = new FeedIngestor(parser, new FeedPublisher(config))) {
            IngestReport report = paths.isEmpty() ? IngestReport.EMPTY : ingestor.ingest(paths, progress);
            if (inputs.contains(STDIN)) {
                InputStream stdin = System.in;
                report = report.plus(ingestor.ingest(stdin, FeedDocumentParser.STDIN_SOURCE, stdinFormat,
                        IngestProgress.NONE));
            }
            return report;
        }
    }

    private IngestReport watch(FeedDocumentParser parser, PublisherConfig config) {
        FollowCheckpoint checkpoint = FollowCheckpoint.load(checkpointFile);
        DirectoryFollower.Options options = DirectoryFollower.Options.defaults()
                .withPollInterval(Duration.ofSeconds(pollSeconds));
        try (FeedPublisher publisher = new FeedPublisher(config)) {
            DirectoryFollower follower = new DirectoryFollower(watchDirectories, parser, publisher, checkpoint,
                    once ? options.withQuietPeriod(Duration.ZERO) : options,
                    batch -> {
                        recordMetrics(batch);
                        Console.out("Published %d new document(s), rejected %d%s.", batch.published(),
                                batch.rejected(), batch.skipped().isEmpty() ? ""
                                        : ", skipped " + batch.skipped().size() + " link(s) leaving " + watchDirectories);
                    });
            if (once) {
                return follower.pollOnce();
            }
            return followUntilStopped(follower);
        }
    }

    private void recordMetrics(IngestReport report) {
        if (metrics != null) {
            metrics.record(report);
        }
    }

    private IngestReport followUntilStopped(DirectoryFollower follower) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            awaitQuietly(stopped);
        }, "storywire-ingest-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Console.out("Watching %s for new and changed feed files (checkpoint %s). Ctrl-C stops.", watchDirectories,
                checkpointFile.toAbsolutePath());
        try {
            return follower.run(() -> stop.getCount() > 0);
        } finally {
            stopped.countDown();
        }
    }

    private void finish(IngestReport report, long startNanos) {
        new IngestSummary(report, articlesTopic, dlqTopic, Duration.ofNanos(System.nanoTime() - startNanos)).lines()
                .forEach(line -> Console.out("%s", line));
        if (reportFile != null) {
            writeReport(report);
        }
    }

    private void writeReport(IngestReport report) {
        try {
            Path parent = reportFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(reportFile, report.toJson());
            Console.out("Report written to %s", reportFile.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ingest report to " + reportFile, e);
        }
    }

    private IngestProgress progress() {
        return switch (progressMode) {
            case NONE -> IngestProgress.NONE;
            case BAR -> new IngestProgressBar(System.err);
            case LOG -> IngestProgressLog.everyTenSeconds();
            case AUTO -> System.console() != null ? new IngestProgressBar(System.err)
                    : IngestProgressLog.everyTenSeconds();
        };
    }

    private Map<String, Object> producerOverrides() {
        if (producerConfigFile == null) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(producerConfigFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--producer-config: cannot read " + producerConfigFile.toAbsolutePath() + ": " + e);
        }
        Map<String, Object> overrides = ProducerSettings.fromProperties(properties);
        log.info("Producer settings from {}: {}", producerConfigFile, ProducerSettings.masked(overrides));
        return overrides;
    }

    private void checkUsage() {
        if (inputs.isEmpty() && watchDirectories.isEmpty()) {
            throw usage("give at least one INPUT (file, directory or -) or --watch DIR");
        }
        if (once && watchDirectories.isEmpty()) {
            throw usage("--once only applies with --watch DIR");
        }
        if (maxDocumentBytes <= 0) {
            throw usage("--max-document-bytes must be positive, not " + maxDocumentBytes);
        }
        if (pollSeconds <= 0) {
            throw usage("--poll-interval must be positive, not " + pollSeconds);
        }
        for (String input : inputs) {
            if (!STDIN.equals(input) && !Files.exists(Path.of(input))) {
                throw usage("no such file or directory: " + Path.of(input).toAbsolutePath());
            }
        }
        for (Path directory : watchDirectories) {
            if (!Files.isDirectory(directory)) {
                throw usage("--watch: not a directory: " + directory.toAbsolutePath());
            }
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
