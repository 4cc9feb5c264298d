package dev.storywire.app;

import dev.storywire.embedded.Directories;
import dev.storywire.ingest.PublishException;
import dev.storywire.sink.JdbcUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storywire run}: the whole pipeline over a set of feed files, then a summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run the whole pipeline locally: an embedded Kafka broker (unless --bootstrap-servers), the producer over "
                + "the input files, the Streams processor and a Kafka Connect worker writing stories to a database. "
                + "Waits until everything is consumed, prints a summary and exits 0.",
            "Exit codes: 0 done (rejected documents are reported, not an error); 1 the pipeline failed; 2 bad usage; "
                    + "4 Kafka could not be reached or refused a write while publishing (as for ingest)."})
public final class RunCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);
    static final String SAMPLES = "samples/feed";
    /** How long Ctrl-C waits for the pipeline to stop cleanly (commit, close the broker) before the JVM exits. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** Counted down once everything the run started is closed; the Ctrl-C hook waits for it. */
    private final CountDownLatch closed = new CountDownLatch(1);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "PATH",
            description = "Feed file or directory (repeatable; directories are read recursively). Default: the bundled "
                    + SAMPLES + ".")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Where the sink writes stories. Default: jdbc:sqlite:storywire.db in the working directory.")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:STORYWIRE_DB_PASSWORD}",
            description = "Database password (PostgreSQL); default from the environment variable STORYWIRE_DB_PASSWORD, "
                    + "which keeps it out of the process list.")
    String dbPassword;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Use this Kafka cluster instead of starting an embedded broker.")
    String bootstrapServers;

    @Option(names = "--follow",
            description = "After the first pass keep running: publish new and changed files in the input directories "
                    + "as they appear, until Ctrl-C.")
    boolean follow;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "After the run keep the pipeline up and serve the stories at http://localhost:PORT/ "
                    + "(storywire serve) until Ctrl-C.")
    Integer servePort;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up when the pipeline has not consumed everything after this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        List<Path> resolvedInputs = resolveInputs();
        String db = jdbcUrl != null ? jdbcUrl : defaultDatabaseUrl();
        Path workDir = Files.createTempDirectory("storywire-run-");
        PipelineSettings settings = new PipelineSettings(bootstrapServers, resolvedInputs, db, workDir,
                Duration.ofSeconds(timeoutSeconds), dbUser, dbPassword);
        if (settings.embeddedBroker()) {
            resetDatabase(db);
        }
        long startNanos = System.nanoTime();
        try (LocalPipeline pipeline = LocalPipeline.start(settings)) {
            Console.out("Pipeline up (Kafka at %s). Publishing %s ...", pipeline.bootstrapServers(), resolvedInputs);
            FeedIngest ingest = new FeedIngest(pipeline.bootstrapServers());
            var report = ingest.publish(resolvedInputs);
            pipeline.awaitCaughtUp();
            RunSummary summary = RunSummary.of(report, new StoryDatabase(db, settings.dbCredentials(), "").read(5), db,
                    Duration.ofNanos(System.nanoTime() - startNanos));
            summary.print();
            try (AutoCloseable server = servePort == null ? null : ServeCommand.startForRun(pipeline, servePort)) {
                if (follow) {
                    followUntilStopped(ingest, resolvedInputs, workDir);
                } else if (server != null) {
                    ServeCommand.awaitCtrlC(closed);
                }
            }
            return 0;
        } catch (PublishException e) {
            // Kafka's failure, not a bug: one line, as ingest reports it; the stack trace only at DEBUG.
            String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            log.debug("Publishing failed", e);
            Console.out("storywire run failed: Kafka at %s could not be reached or refused a write: %s",
                    bootstrapServers == null ? "the embedded broker" : bootstrapServers, why);
            return IngestCommand.EXIT_KAFKA_FAILED;
        } catch (IllegalStateException e) {
            log.error("storywire run failed: {}", e.getMessage(), e);
            Console.out("storywire run failed: %s", e.getMessage());
            return 1;
        } finally {
            Directories.deleteQuietly(workDir);
            closed.countDown();
        }
    }

    /**
     * An embedded broker starts empty, so results of an earlier run would mix with this one's: an SQLite file is
     * replaced; any other database is left alone with a warning.
     */
    private static void resetDatabase(String db) {
        if (!SqliteFiles.resetForFreshBroker(db)) {
            Console.out("Note: %s keeps the rows of earlier runs; with a fresh embedded broker they mix with this "
                    + "run's. Use an empty database to see this run alone.", JdbcUrls.mask(db));
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void followUntilStopped(FeedIngest ingest, List<Path> inputs, Path workDir) {
        List<Path> directories = inputs.stream().filter(Files::isDirectory).toList();
        if (directories.isEmpty()) {
            Console.out("--follow: no input directory to watch; stopping.");
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            awaitQuietly(closed, SHUTDOWN_GRACE);
        }, "storywire-run-stop"));
        Console.out("Following %s for new files. Ctrl-C stops.", directories);
        ingest.follow(directories, workDir.resolve("follow-checkpoint.json"), () -> stop.getCount() > 0,
                batch -> Console.out("Published %d new document(s), rejected %d.", batch.published(),
                        batch.rejected()));
    }

    private List<Path> resolveInputs() {
        List<Path> given = inputs.isEmpty() ? List.of(samplesDirectory()) : inputs;
        for (Path path : given) {
            if (!Files.exists(path)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--input: no such file or directory: " + path.toAbsolutePath());
            }
        }
        return given.stream().map(Path::toAbsolutePath).map(Path::normalize).toList();
    }

    /** The bundled samples: next to the launcher ({@code storywire.home}) or in the working directory. */
    private static Path samplesDirectory() {
        String home = System.getProperty("storywire.home");
        return home == null ? Path.of(SAMPLES) : Path.of(home).resolve(SAMPLES);
    }

    private static String defaultDatabaseUrl() {
        return "jdbc:sqlite:" + Path.of("storywire.db").toAbsolutePath();
    }
}
