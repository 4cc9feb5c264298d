package dev.storywire.faults;

import dev.storywire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario in progress: its feed, its pipeline, its notes, the moment the fault struck; and the common ending
 * (wait for the pipeline to catch up, run the checks, make the result).
 */
final class ScenarioRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScenarioRun.class);
    private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(5);
    private static final int INGEST_ATTEMPTS = 3;
    /** storywire ingest: Kafka could not be reached or refused a write. */
    private static final int EXIT_KAFKA_FAILED = 4;

    private final ScenarioContext context;
    private final String name;
    private final SyntheticArticles.Feed feed;
    private final FaultPipeline pipeline;
    private final List<String> notes = new ArrayList<>();
    private long faultNanos;

    private ScenarioRun(ScenarioContext context, String name, SyntheticArticles.Feed feed, FaultPipeline pipeline) {
        this.context = context;
        this.name = name;
        this.feed = feed;
        this.pipeline = pipeline;
    }

    /** Writes the feed and starts the brokers (one, or three when {@code threeBrokers}). */
    static ScenarioRun start(ScenarioContext context, String name, boolean threeBrokers) {
        context.resetWorkDir(name);
        SyntheticArticles.Feed feed = context.writeFeed(name);
        FaultPipeline pipeline = threeBrokers
                ? FaultPipeline.threeBrokers(context.classpath(), context.workDir(name))
                : FaultPipeline.singleBroker(context.classpath(), context.workDir(name));
        log.info("Scenario {}: {} articles in {} documents, Kafka at {}", name, feed.articles().size(), feed.files(),
                pipeline.bootstrapServers());
        return new ScenarioRun(context, name, feed, pipeline);
    }

    FaultPipeline pipeline() {
        return pipeline;
    }

    SyntheticArticles.Feed feed() {
        return feed;
    }

    void note(String note) {
        log.info("Scenario {}: {}", name, note);
        notes.add(note);
    }

    /** One processor with default settings and the Connect worker on SQLite, topics created. */
    void startStandardPipeline() {
        pipeline.startProcessor("processor-1", Map.of());
        pipeline.awaitTopics();
        pipeline.startConnect(ScenarioContext.sqliteUrl(pipeline.workDir()));
    }

    /**
     * Publishes the whole feed with {@code storywire ingest DIR} and notes the exit code. When Kafka could not be
     * reached (exit 4) it runs again, as an operator would, up to {@value #INGEST_ATTEMPTS} times; each attempt is
     * noted, and dedupe makes a repeated publication harmless.
     */
    void ingestAll() {
        for (int attempt = 1; attempt <= INGEST_ATTEMPTS; attempt++) {
            ChildProcess ingest = pipeline.startIngest("ingest-" + attempt, List.of("--report",
                    pipeline.workDir().resolve("ingest-report.json").toString(), feed.directory().toString()));
            if (!ingest.awaitExit(INGEST_TIMEOUT)) {
                ingest.killHard();
                throw new IllegalStateException("ingest did not finish within " + INGEST_TIMEOUT);
            }
            note("ingest of " + feed.files() + " documents exited " + ingest.exitCode()
                    + (ingest.exitCode() == 0 ? "" : ": " + ingest.tail(1)));
            if (ingest.exitCode() != EXIT_KAFKA_FAILED) {
                return;
            }
        }
    }

    /** Waits until the processor has committed {@code share} of the feed documents on feed.articles. */
    void awaitProcessorShare(double share) {
        long target = (long) (share * feed.files());
        boolean reached = Waits.until(context.timeout(), () -> pipeline.processorProgress()
                .map(p -> p.committed().entrySet().stream()
                        .filter(e -> e.getKey().startsWith(Topics.FEED_ARTICLES.name() + "-"))
                        .mapToLong(Map.Entry::getValue).sum() >= target).orElse(false)).isPresent();
        note(reached ? "the processor had committed " + target + "+ input records when the fault struck"
                : "the processor never reached " + target + " input records; fault injected anyway");
    }

    /** Waits until the database holds {@code share} of the articles. */
    void awaitDatabaseShare(double share) {
        long target = (long) (share * feed.articles().size());
        boolean reached = Waits.until(context.timeout(),
                () -> DatabaseReader.ownDocumentRows(pipeline.jdbcUrl()) >= target).isPresent();
        note(reached ? "the database held " + target + "+ articles when the fault struck"
                : "the database never reached " + target + " articles; fault injected anyway");
    }

    /** The fault strikes now: recovery and catch-up times count from here. */
    void markFault() {
        faultNanos = System.nanoTime();
    }

    Duration sinceFault() {
        return Duration.ofNanos(System.nanoTime() - faultNanos);
    }

    /**
     * Waits until {@code progress} shows every partition waiting in {@code watch} moved; the time since the fault,
     * or empty.
     */
    Optional<Duration> awaitRecovery(ProgressWatch watch, Supplier<Optional<GroupProgress>> progress) {
        if (watch.waitingAtFault().isEmpty()) {
            note("nothing was waiting on the affected partitions at the fault; recovery time not measured");
            return Optional.empty();
        }
        Optional<Duration> waited = Waits.until(context.timeout(),
                () -> progress.get().map(p -> watch.recovered(p.committed())).orElse(false));
        return waited.map(w -> sinceFault());
    }

    /** The progress of a group, waiting a little for a broker to answer. */
    static GroupProgress read(Supplier<Optional<GroupProgress>> progress) {
        for (int attempt = 0; attempt < 40; attempt++) {
            Optional<GroupProgress> read = progress.get();
            if (read.isPresent()) {
                return read.get();
            }
            Waits.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("cannot read the group's offsets");
    }

    /** Waits for the pipeline to catch up, runs the checks and makes the result. */
    ScenarioResult finish(String fault, Optional<Duration> recovery) {
        Optional<Duration> caughtUp = pipeline.awaitCaughtUp(context.timeout()).map(w -> sinceFault());
        if (caughtUp.isEmpty()) {
            note("the pipeline did not catch up within " + context.timeout() + " (processor "
                    + pipeline.processorProgress().map(GroupProgress::totalLag).orElse(-1L) + " records waiting, sink "
                    + pipeline.sinkProgress().map(GroupProgress::totalLag).orElse(-1L) + ")");
        }
        noteDeadProcesses();
        CheckResult check = ConsistencyCheck.check(ScenarioContext.expectedIds(feed), pipeline.databaseContents(),
                pipeline.topicContents());
        note("checks: " + check);
        return new ScenarioResult(name, fault, feed.articles().size(), feed.files(), check.lost(), check.duplicated(),
                recovery.map(Waits::seconds).orElse(null), caughtUp.map(Waits::seconds).orElse(null), check, notes,
                null);
    }

    /** A result for a scenario that could not complete. */
    ScenarioResult failed(String fault, Exception e) {
        noteDeadProcesses();
        return new ScenarioResult(name, fault, feed.articles().size(), feed.files(), -1, -1, null, null, null, notes,
                e.toString());
    }

    private void noteDeadProcesses() {
        for (ChildProcess process : pipeline.currentProcesses()) {
            if (process != null && !process.isAlive() && !process.stoppedByHarness()) {
                note(process.name() + " exited by itself with " + process.exitCode() + ": " + process.tail(3));
            }
        }
    }

    String name() {
        return name;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
