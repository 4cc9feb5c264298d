package dev.storywire.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

    private static final Instant INGESTED = Instant.parse("2026-03-01T10:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final PipelineMetrics metrics = new PipelineMetrics(registry);

    @AfterEach
    void close() {
        metrics.close();
        registry.close();
    }

    @Test
    void shouldCountPipelineEventsUnderTheirPrometheusNames() {
        metrics.documentPublished();
        metrics.documentPublished();
        metrics.documentRejected("missing-title");
        metrics.articleDeduplicated();
        metrics.storyCreated();
        metrics.storiesMerged(2);
        metrics.sinkRowsWritten("story_members", 5);

        String text = registry.scrape();

        assertThat(text)
                .contains("storywire_documents_published_total 2")
                .contains("storywire_documents_rejected_total{reason=\"missing-title\"} 1")
                .contains("storywire_articles_deduplicated_total 1")
                .contains("storywire_new_stories_total 1")
                .contains("storywire_stories_merged_total 2")
                .contains("storywire_sink_rows_written_total{table=\"story_members\"} 5");
    }

    @Test
    void shouldRecordEndToEndLatencyAsAHistogram() {
        metrics.endToEndLatency(INGESTED, INGESTED.plusMillis(300));
        metrics.endToEndLatency(INGESTED, INGESTED.plusSeconds(20));
        metrics.endToEndLatency(INGESTED, INGESTED.minusSeconds(1));

        String text = registry.scrape();

        assertThat(text)
                .contains("storywire_end_to_end_latency_seconds_bucket{le=\"0.05\"} 1")
                .contains("storywire_end_to_end_latency_seconds_bucket{le=\"0.5\"} 2")
                .contains("storywire_end_to_end_latency_seconds_bucket{le=\"30.0\"} 3")
                .contains("storywire_end_to_end_latency_seconds_count 3");
    }
}
