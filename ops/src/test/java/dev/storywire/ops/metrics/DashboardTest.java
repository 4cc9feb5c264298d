package dev.storywire.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storywire.ops.lag.GroupLag;
import dev.storywire.ops.lag.LagReport;
import dev.storywire.ops.lag.LagStatus;
import dev.storywire.ops.lag.PartitionLag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Grafana dashboard queries only metrics this module exports, under their exported names. */
class DashboardTest {

    private static final Path DASHBOARD = Path.of("grafana", "dashboards", "storywire.json");
    /** Our own metrics and kafka-lag-exporter's; Kafka client, JVM and process metrics come from Micrometer binders. */
    private static final Pattern OWN_METRIC =
            Pattern.compile("\\b((?:storywire|kafka_consumergroup|kafka_partition)_[a-z_]+)");

    @Test
    void shouldQueryOnlyExportedMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Set<String> queried = new HashSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique panel id %s", panel.get("id")).isTrue();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = OWN_METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }

        String exported = exportedMetrics();

        assertThat(queried).isNotEmpty().allSatisfy(
                name -> assertThat(exported).as("exported metrics").containsPattern("(?m)^" + name + "[{ ]"));
    }

    private static String exportedMetrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (PipelineMetrics pipeline = new PipelineMetrics(registry)) {
            new LagMetrics(registry, "c").update(new LagReport(Instant.EPOCH, List.of(GroupLag.of("g", 1, List.of(
                    new PartitionLag("t", 0, 1, 2, 1, 1.0, LagStatus.OK))))));
            pipeline.documentPublished();
            pipeline.documentRejected("r");
            pipeline.sinkRowsWritten("stories", 1);
            pipeline.endToEndLatency(Instant.EPOCH, Instant.EPOCH.plusSeconds(1));
            return registry.scrape();
        } finally {
            registry.close();
        }
    }
}
