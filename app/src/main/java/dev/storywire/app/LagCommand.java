package dev.storywire.app;

import dev.storywire.app.lag.LagTable;
import dev.storywire.app.lag.WatchScreen;
import dev.storywire.embedded.EmbeddedConnectWorker;
import dev.storywire.ops.lag.LagCollector;
import dev.storywire.ops.lag.LagEvaluator;
import dev.storywire.ops.lag.LagMonitor;
import dev.storywire.ops.lag.LagReport;
import dev.storywire.ops.lag.LagReportJson;
import dev.storywire.ops.lag.LagStatus;
import dev.storywire.ops.metrics.LagMetrics;
import dev.storywire.ops.metrics.MeterRegistries;
import dev.storywire.ops.metrics.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storywire lag}: consumer lag in records and seconds with a Burrow-style status, once or continuously. */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = {
            "Show consumer lag per group, topic and partition: committed offset, log-end offset, lag in records, "
                + "lag in seconds (how long the oldest unconsumed record has waited in Kafka) and a health status "
                + "(OK, WARN, REWIND, STALL, STOP, ERR). See docs/ops.md.",
            "Exit codes: 0 every group OK (always 0 with --watch or --serve); 1 some group is not OK; 2 bad usage."})
public final class LagCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(LagCommand.class);
    /** How long Ctrl-C waits for the sampling loop to close its clients and the metrics server. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", defaultValue = "localhost:9092",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Consumer group (repeatable). Default: the processor's and the sink's groups.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON (documented in docs/ops.md); one document per line with --watch.")
    boolean json;

    @Option(names = "--watch", description = "Sample every --interval and redraw a compact table until Ctrl-C.")
    boolean watch;

    @Option(names = "--serve", paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://0.0.0.0:PORT/metrics, sampling every --interval until Ctrl-C.")
    Integer servePort;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Time between samples with --watch or --serve (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Option(names = "--window", paramLabel = "SECONDS", defaultValue = "300",
            description = "Evaluation window of the status rules (default: ${DEFAULT-VALUE}).")
    long windowSeconds;

    @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "15",
            description = "An alive group whose oldest unconsumed record waited longer than this without a commit is "
                    + "STALL (a crashed member not timed out yet); keep it above the slowest group's commit "
                    + "interval (default: ${DEFAULT-VALUE}).")
    long maxWaitSeconds;

    @Option(names = "--probe", paramLabel = "SECONDS", defaultValue = "6",
            description = "One-shot only: a group that looks stalled is read again this much later and reported "
                    + "STALL only if it still has not committed; below --max-wait (default: ${DEFAULT-VALUE}).")
    long probeSeconds;

    @Option(names = "--count", paramLabel = "N",
            description = "With --watch or --serve: stop after N samples (default: until Ctrl-C).")
    Long count;

    @Option(names = "--cluster-name", paramLabel = "NAME", defaultValue = "storywire",
            description = "Value of the cluster_name label on the lag metrics (default: ${DEFAULT-VALUE}).")
    String clusterName;

    /** The processor's group (its Streams application id) and the sink connector's group. */
    static List<String> defaultGroups() {
        return List.of(PipelineSettings.PROCESSOR_APPLICATION_ID,
                EmbeddedConnectWorker.sinkGroupId(PipelineSettings.SINK_CONNECTOR_NAME));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (intervalSeconds <= 0 || windowSeconds <= 0 || maxWaitSeconds <= 0 || probeSeconds <= 0
                || (count != null && count <= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--interval, --window, --max-wait, --probe and --count must be positive");
        }
        if (probeSeconds >= maxWaitSeconds) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--probe must be below --max-wait");
        }
        List<String> selected = groups.isEmpty() ? defaultGroups() : List.copyOf(groups);
        PrintWriter out = spec.commandLine().getOut();
        if (!watch && servePort == null) {
            try (LagCollector collector = LagCollector.create(bootstrapServers)) {
                LagReport report = new LagMonitor(collector, evaluator()).sampleOnce(selected,
                        Duration.ofSeconds(probeSeconds));
                out.print(json ? LagReportJson.write(report) + System.lineSeparator() : LagTable.describe(report));
                out.flush();
                return report.status() == LagStatus.OK ? 0 : 1;
            }
        }
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            awaitQuietly(stopped);
        }, "storywire-lag-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LagCollector collector = LagCollector.create(bootstrapServers)) {
            repeat(collector, selected, out, stopRequested);
            return 0;
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
    }

    /** Samples until {@code --count} samples were taken or Ctrl-C; serves and prints each as asked. */
    private void repeat(LagCollector collector, List<String> selected, PrintWriter out, CountDownLatch stopRequested)
            throws InterruptedException {
        LagMonitor monitor = new LagMonitor(collector, evaluator());
        PrometheusMeterRegistry registry = servePort == null ? null : MeterRegistries.prometheus("storywire-lag");
        try (MetricsServer server = registry == null ? null : MetricsServer.start(registry, servePort)) {
            LagMetrics metrics = null;
            if (registry != null) {
                collector.bindMetrics(registry);
                metrics = new LagMetrics(registry, clusterName);
                if (!watch && !json) {
                    out.printf("Serving lag metrics of %s at http://0.0.0.0:%d/metrics, sampling every %d s. "
                            + "Ctrl-C stops.%n", selected, server.port(), intervalSeconds);
                    out.flush();
                }
            }
            WatchScreen screen = new WatchScreen(out, System.console() != null);
            String footer = String.format("every %d s, window %d s; Ctrl-C stops", intervalSeconds, windowSeconds);
            for (long n = 0; count == null || n < count; n++) {
                if (n > 0 && stopRequested.await(intervalSeconds, TimeUnit.SECONDS)) {
                    break;
                }
                LagReport report = monitor.sample(selected);
                if (metrics != null) {
                    metrics.update(report);
                }
                if (json) {
                    out.println(LagReportJson.write(report, false));
                    out.flush();
                } else if (watch) {
                    screen.show(report, footer);
                }
                log.debug("Sampled lag of {}: {}", selected, report.status());
            }
        } finally {
            if (registry != null) {
                MeterRegistries.release(registry);
            }
        }
    }

    private LagEvaluator evaluator() {
        return new LagEvaluator(Duration.ofSeconds(windowSeconds), Duration.ofSeconds(maxWaitSeconds));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and waits for this loop, which has finished now.
        }
    }
}
