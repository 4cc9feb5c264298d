package dev.storywire.faults;

import dev.storywire.model.Topics;
import dev.storywire.testsupport.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The fault scenarios, each over real OS processes. */
public final class FaultScenarios {

    public static final List<String> ALL = List.of("processor-kill", "connect-kill", "broker-kill-restart",
            "ingest-kill-rerun", "postgres-outage", "postgres-outage-long-retries", "standby-failover",
            "three-broker-leader-loss");
    private static final Logger log = LoggerFactory.getLogger(FaultScenarios.class);
    private static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(30);
    private static final Duration BROKER_DOWN = Duration.ofSeconds(5);

    private final ScenarioContext context;

    public FaultScenarios(ScenarioContext context) {
        this.context = context;
    }

    public ScenarioResult run(String scenario) {
        log.info("=== Scenario {} ===", scenario);
        return switch (scenario) {
            case "processor-kill" -> processorKill();
            case "connect-kill" -> connectKill();
            case "broker-kill-restart" -> brokerKillRestart();
            case "ingest-kill-rerun" -> ingestKillRerun();
            case "postgres-outage" -> postgresOutage("postgres-outage", Map.of());
            // Retries sized for the outage: 40 x 3 s outlasts 30 s down plus the server's restart.
            case "postgres-outage-long-retries" -> postgresOutage("postgres-outage-long-retries",
                    Map.of("max.retries", "40"));
            case "standby-failover" -> standbyFailover();
            case "three-broker-leader-loss" -> threeBrokerLeaderLoss();
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
        };
    }

    /** kill -9 of {@code storywire process} mid-stream, restarted at once on its state directory. */
    public ScenarioResult processorKill() {
        String fault = "kill -9 of the processor at 30 % of its input, restarted at once on the same state directory";
        try (ScenarioRun run = ScenarioRun.start(context, "processor-kill", false)) {
            try {
                run.startStandardPipeline();
                run.ingestAll();
                run.awaitProcessorShare(ScenarioContext.FAULT_AT);
                FaultPipeline pipeline = run.pipeline();
                run.markFault();
                pipeline.processor("processor-1").killHard();
                // Read after the kill: a dead process commits nothing more, so any later progress is the restart's.
                ProgressWatch watch = ScenarioRun.read(pipeline::processorProgress).watch();
                pipeline.restartProcessor("processor-1");
                return run.finish(fault, run.awaitRecovery(watch, pipeline::processorProgress));
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /** kill -9 of the Connect worker mid-stream, restarted at once. */
    public ScenarioResult connectKill() {
        String fault = "kill -9 of the Connect worker at 30 % of the articles in the database, restarted at once";
        try (ScenarioRun run = ScenarioRun.start(context, "connect-kill", false)) {
            try {
                run.startStandardPipeline();
                run.ingestAll();
                run.awaitDatabaseShare(ScenarioContext.FAULT_AT);
                FaultPipeline pipeline = run.pipeline();
                run.markFault();
                pipeline.connect().killHard();
                ProgressWatch watch = ScenarioRun.read(pipeline::sinkProgress).watch();
                pipeline.restartConnect();
                return run.finish(fault, run.awaitRecovery(watch, pipeline::sinkProgress));
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /** kill -9 of the broker mid-stream, restarted on its data directory after a few seconds. */
    public ScenarioResult brokerKillRestart() {
        String fault = "kill -9 of the broker at 30 % of the processor's input, restarted on its data directory after "
                + BROKER_DOWN.toSeconds() + " s";
        try (ScenarioRun run = ScenarioRun.start(context, "broker-kill-restart", false)) {
            try {
                run.startStandardPipeline();
                run.ingestAll();
                run.awaitProcessorShare(ScenarioContext.FAULT_AT);
                FaultPipeline pipeline = run.pipeline();
                Brokers.Node broker = pipeline.brokers().node(1);
                run.markFault();
                broker.process().killHard();
                Waits.sleep(BROKER_DOWN);
                ChildProcess restarted = pipeline.brokers().start(broker);
                Waits.until(context.timeout(), () -> pipeline.clusterAnswers() || !restarted.isAlive());
                if (!pipeline.clusterAnswers()) {
                    String why = restarted.isAlive() ? "not answering after " + context.timeout()
                            : "exited " + restarted.exitCode() + ": " + firstErrorLine(restarted);
                    return run.failed(fault, new IllegalStateException(
                            "the broker did not come back on its data directory (" + why + ")"));
                }
                run.note("broker answered again " + Waits.seconds(run.sinceFault()) + " s after the kill");
                // Read once the broker answers; the clients have not committed through the new broker yet.
                ProgressWatch watch = ScenarioRun.read(pipeline::processorProgress).watch();
                return run.finish(fault, run.awaitRecovery(watch, pipeline::processorProgress));
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /** kill -9 of {@code ingest --watch DIR --once} mid-batch, then the same command again on its checkpoint. */
    public ScenarioResult ingestKillRerun() {
        String fault = "kill -9 of ingest --watch --once mid-batch, rerun with the same checkpoint";
        try (ScenarioRun run = ScenarioRun.start(context, "ingest-kill-rerun", false)) {
            try {
                run.startStandardPipeline();
                FaultPipeline pipeline = run.pipeline();
                List<String> args = List.of("--watch", run.feed().directory().toString(), "--once", "--checkpoint",
                        pipeline.workDir().resolve("ingest-checkpoint.json").toString());
                ChildProcess ingest = pipeline.startIngest("ingest-1", args);
                long target = (long) (ScenarioContext.FAULT_AT * run.feed().files());
                Waits.until(context.timeout(), () -> !ingest.isAlive()
                        || pipeline.endOffsets(Topics.FEED_ARTICLES.name()) >= target);
                long before = pipeline.endOffsets(Topics.FEED_ARTICLES.name());
                run.markFault();
                if (!ingest.isAlive()) {
                    run.note("ingest had finished (exit " + ingest.exitCode() + ") before it could be killed");
                } else {
                    ingest.killHard();
                    run.note("ingest killed with " + before + " of " + run.feed().files()
                            + " documents' records on feed.articles");
                }
                int code = pipeline.runIngest("ingest-2", args, Duration.ofMinutes(5));
                Duration rerun = run.sinceFault();
                long after = pipeline.endOffsets(Topics.FEED_ARTICLES.name());
                run.note("rerun exited " + code + "; feed.articles end offsets " + after + " for " + run.feed().files()
                        + " documents (" + (after - run.feed().files()) + " republished or markers)");
                return run.finish(fault, Optional.of(rerun));
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /**
     * The sink's PostgreSQL stopped for 30 s mid-stream, then started again; the sink with its default settings plus
     * {@code sinkSettings}.
     */
    public ScenarioResult postgresOutage(String name, Map<String, String> sinkSettings) {
        String fault = "PostgreSQL stopped (fast shutdown) for " + POSTGRES_OUTAGE.toSeconds()
                + " s at 30 % of the articles in the database; sink settings "
                + (sinkSettings.isEmpty() ? "default" : sinkSettings.toString());
        // A private server of its own, fsync off as for any throwaway cluster: the scenario stops and starts it.
        Optional<PostgresServer> found = PostgresServer.find(List.of("fsync=off")).filter(PostgresServer::canRestart);
        if (found.isEmpty()) {
            return new ScenarioResult(name, fault, context.articles(), 0, -1, -1, null, null, null,
                    List.of(), PostgresServer.unavailableReason());
        }
        try (PostgresServer postgres = found.get();
                ScenarioRun run = ScenarioRun.start(context, name, false)) {
            try {
                FaultPipeline pipeline = run.pipeline();
                pipeline.startProcessor("processor-1", Map.of());
                pipeline.awaitTopics();
                pipeline.startConnect(postgres.url(), sinkSettings);
                run.ingestAll();
                run.awaitDatabaseShare(ScenarioContext.FAULT_AT);
                run.markFault();
                postgres.stop();
                Waits.sleep(POSTGRES_OUTAGE);
                postgres.start();
                run.note("PostgreSQL back after " + Waits.seconds(run.sinceFault()) + " s");
                // Read once the database is back: offsets of writes made before the outage are committed by now, so
                // a later commit means the sink wrote again.
                ProgressWatch watch = ScenarioRun.read(pipeline::sinkProgress).watch();
                ScenarioResult result = run.finish(fault, run.awaitRecovery(watch, pipeline::sinkProgress));
                return result.catchUpSeconds() == null ? result.withNote(afterWorkerRestart(run)) : result;
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /** Two processors with one standby replica each; one killed for good: failover to the other. */
    public ScenarioResult standbyFailover() {
        String fault = "two processors with num.standby.replicas=1; kill -9 of one at 30 % of the input, not restarted";
        try (ScenarioRun run = ScenarioRun.start(context, "standby-failover", false)) {
            try {
                FaultPipeline pipeline = run.pipeline();
                Map<String, String> standby = Map.of("num.standby.replicas", "1");
                pipeline.startProcessor("processor-1", standby);
                pipeline.startProcessor("processor-2", standby);
                pipeline.awaitTopics();
                pipeline.startConnect(ScenarioContext.sqliteUrl(pipeline.workDir()));
                run.ingestAll();
                run.awaitProcessorShare(ScenarioContext.FAULT_AT);
                run.markFault();
                pipeline.processor("processor-1").killHard();
                ProgressWatch watch = ScenarioRun.read(pipeline::processorProgress).watch();
                run.note("processor-1 killed; processor-2 takes over");
                return run.finish(fault, run.awaitRecovery(watch, pipeline::processorProgress));
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /** Three brokers (RF 3, min ISR 2); the leader of feed.articles partition 0 killed mid-stream. */
    public ScenarioResult threeBrokerLeaderLoss() {
        String fault = "three brokers (replication factor 3, min.insync.replicas 2): kill -9 of the leader of "
                + "feed.articles partition 0 while ingest publishes, not restarted";
        try (ScenarioRun run = ScenarioRun.start(context, "three-broker-leader-loss", true)) {
            try {
                FaultPipeline pipeline = run.pipeline();
                run.startStandardPipeline();
                ChildProcess ingest = pipeline.startIngest("ingest", List.of("--report",
                        pipeline.workDir().resolve("ingest-report.json").toString(),
                        run.feed().directory().toString()));
                long target = (long) (ScenarioContext.FAULT_AT * run.feed().files());
                Waits.until(context.timeout(), () -> !ingest.isAlive()
                        || pipeline.endOffsets(Topics.FEED_ARTICLES.name()) >= target);
                int leader = leaderOfFeedArticles(pipeline);
                run.markFault();
                run.note((ingest.isAlive() ? "ingest still publishing" : "ingest had finished")
                        + " when broker " + leader + " (leader of feed.articles-0) was killed");
                pipeline.brokers().node(leader).process().killHard();
                ProgressWatch watch = ScenarioRun.read(pipeline::processorProgress).watch();
                if (!ingest.awaitExit(context.timeout())) {
                    run.note("ingest did not finish within " + context.timeout());
                } else {
                    run.note("ingest exited " + ingest.exitCode());
                }
                int newLeader = leaderOfFeedArticles(pipeline);
                run.note("feed.articles-0 led by broker " + newLeader + " after the kill");
                return run.finish(fault, run.awaitRecovery(watch, pipeline::processorProgress));
            } catch (RuntimeException e) {
                return run.failed(fault, e);
            }
        }
    }

    /**
     * What an operator does when the sink task has failed: restart the worker. Its outcome goes into the notes only;
     * the scenario's figures stay those of the unattended run.
     */
    private String afterWorkerRestart(ScenarioRun run) {
        FaultPipeline pipeline = run.pipeline();
        pipeline.connect().stop(Duration.ofSeconds(20));
        pipeline.restartConnect();
        Optional<Duration> caughtUp = pipeline.awaitCaughtUp(context.timeout());
        CheckResult check = ConsistencyCheck.check(ScenarioContext.expectedIds(run.feed()),
                pipeline.databaseContents(), pipeline.topicContents());
        return "after restarting the Connect worker by hand: " + (caughtUp.isPresent()
                ? "caught up in " + Waits.seconds(caughtUp.get()) + " s" : "still not caught up") + "; " + check;
    }

    /** The first line of a process's output that names an exception, else its last line. */
    private static String firstErrorLine(ChildProcess process) {
        String tail = process.tail(200);
        return tail.lines().filter(line -> line.contains("Exception") || line.contains("ERROR")).findFirst()
                .orElse(tail.lines().reduce((first, second) -> second).orElse(""));
    }

    private static int leaderOfFeedArticles(FaultPipeline pipeline) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                pipeline.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of(Topics.FEED_ARTICLES.name()))
                    .allTopicNames().get().get(Topics.FEED_ARTICLES.name());
            return description.partitions().stream().filter(p -> p.partition() == 0).findFirst()
                    .orElseThrow().leader().id();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the leader of feed.articles-0: " + e.getMessage(), e);
        }
    }
}
