package dev.storywire.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * A test double of the worker's context: records timeouts and errant records, or has no reporter; has plugin
 * metrics only when given some (like a worker before Kafka 4.1 otherwise).
 */
final class RecordingSinkTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final boolean withReporter;
    private final PluginMetrics pluginMetrics;
    final List<Long> timeouts = new ArrayList<>();
    final List<ReportedRecord> reported = new ArrayList<>();

    private RecordingSinkTaskContext(Map<String, String> configs, boolean withReporter, PluginMetrics pluginMetrics) {
        this.configs = configs;
        this.withReporter = withReporter;
        this.pluginMetrics = pluginMetrics;
    }

    static RecordingSinkTaskContext withErrantReporter(Map<String, String> configs) {
        return new RecordingSinkTaskContext(configs, true, null);
    }

    static RecordingSinkTaskContext withoutErrantReporter(Map<String, String> configs) {
        return new RecordingSinkTaskContext(configs, false, null);
    }

    /** With an errant record reporter and {@code pluginMetrics}, as a Kafka 4.1+ worker. */
    static RecordingSinkTaskContext withPluginMetrics(Map<String, String> configs, PluginMetrics pluginMetrics) {
        return new RecordingSinkTaskContext(configs, true, pluginMetrics);
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withReporter) {
            return null;
        }
        return this::report;
    }

    private Future<Void> report(SinkRecord record, Throwable error) {
        reported.add(new ReportedRecord(record, error));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public PluginMetrics pluginMetrics() {
        if (pluginMetrics == null) {
            throw new UnsupportedOperationException("this test context has no plugin metrics");
        }
        return pluginMetrics;
    }

    record ReportedRecord(SinkRecord record, Throwable error) {
    }
}
