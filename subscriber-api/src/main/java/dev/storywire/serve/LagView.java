package dev.storywire.serve;

import dev.storywire.ops.lag.LagCollector;
import dev.storywire.ops.lag.LagMonitor;
import dev.storywire.ops.lag.LagReportJson;
import java.time.Duration;
import java.util.List;

/** The lag panel's data: {@code storywire lag --json} of the configured groups, sampled at most every few seconds. */
final class LagView implements AutoCloseable {

    /** Many pages polling must not turn into many admin round trips. */
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(3);

    private final List<String> groups;
    private final LagCollector collector;
    private final LagMonitor monitor;
    private String latest;
    private long sampledAtNanos;

    LagView(String bootstrapServers, List<String> groups) {
        this.groups = List.copyOf(groups);
        this.collector = LagCollector.create(bootstrapServers);
        this.monitor = new LagMonitor(collector, LagMonitor.DEFAULT_WINDOW);
    }

    /** The latest report as JSON (the documented form of docs/ops.md). */
    synchronized String json() {
        if (groups.isEmpty()) {
            return "{\"groups\":[]}";
        }
        if (latest == null || System.nanoTime() - sampledAtNanos >= MIN_INTERVAL.toNanos()) {
            latest = LagReportJson.write(monitor.sample(groups), false);
            sampledAtNanos = System.nanoTime();
        }
        return latest;
    }

    @Override
    public void close() {
        collector.close();
    }
}
