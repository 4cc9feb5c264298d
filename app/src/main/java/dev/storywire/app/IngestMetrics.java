package dev.storywire.app;

import dev.storywire.ingest.IngestReport;
import dev.storywire.ops.metrics.MeterRegistries;
import dev.storywire.ops.metrics.MetricsServer;
import dev.storywire.ops.metrics.PipelineMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The producer's Prometheus endpoint: documents published, and rejected by reason, plus JVM-level defaults. */
final class IngestMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry;
    private final PipelineMetrics metrics;
    private final MetricsServer server;

    IngestMetrics(int port) {
        this.registry = MeterRegistries.prometheus("storywire-ingest");
        this.metrics = new PipelineMetrics(registry);
        this.server = MetricsServer.start(registry, port);
    }

    int port() {
        return server.port();
    }

    /** Counts what one ingest run or one watched batch did. */
    void record(IngestReport report) {
        metrics.documentsPublished(report.published());
        report.rejections().forEach(rejection -> metrics.documentRejected(rejection.reasonCode()));
    }

    @Override
    public void close() {
        server.close();
        metrics.close();
        MeterRegistries.release(registry);
    }
}
