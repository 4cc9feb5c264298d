package dev.storywire.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.ops.lag.GroupLag;
import dev.storywire.ops.lag.LagReport;
import dev.storywire.ops.lag.LagStatus;
import dev.storywire.ops.lag.PartitionLag;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LagMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final LagMetrics metrics = new LagMetrics(registry, "local");

    @AfterEach
    void closeRegistry() {
        registry.close();
    }

    private static LagReport report(PartitionLag... partitions) {
        return new LagReport(T0, List.of(GroupLag.of("g", 1, List.of(partitions))));
    }

    @Test
    void shouldExposeKafkaLagExporterGaugesPerPartitionAndGroup() {
        metrics.update(report(
                new PartitionLag("t", 0, 10, 15, 5, 2.5, LagStatus.OK),
                new PartitionLag("t", 1, 3, 10, 7, 4.0, LagStatus.STOP)));

        String text = registry.scrape();

        assertThat(text)
                .contains("kafka_consumergroup_group_lag{cluster_name=\"local\",group=\"g\",partition=\"0\",topic=\"t\"} 5")
                .contains("kafka_consumergroup_group_lag_seconds{cluster_name=\"local\",group=\"g\",partition=\"1\",topic=\"t\"} 4")
                .contains("kafka_consumergroup_group_offset{cluster_name=\"local\",group=\"g\",partition=\"0\",topic=\"t\"} 10")
                .contains("kafka_consumergroup_group_max_lag{cluster_name=\"local\",group=\"g\"} 7")
                .contains("kafka_consumergroup_group_max_lag_seconds{cluster_name=\"local\",group=\"g\"} 4")
                .contains("kafka_consumergroup_group_sum_lag{cluster_name=\"local\",group=\"g\"} 12")
                .contains("kafka_consumergroup_group_topic_sum_lag{cluster_name=\"local\",group=\"g\",topic=\"t\"} 12")
                .contains("kafka_partition_latest_offset{cluster_name=\"local\",partition=\"1\",topic=\"t\"} 10")
                .contains("storywire_consumergroup_status{cluster_name=\"local\",group=\"g\",status=\"STOP\"} 1")
                .contains("storywire_consumergroup_status{cluster_name=\"local\",group=\"g\",status=\"OK\"} 0")
                .contains("storywire_consumergroup_status_code{cluster_name=\"local\",group=\"g\"} 4")
                .contains("storywire_consumergroup_partition_status{cluster_name=\"local\",group=\"g\",partition=\"1\",topic=\"t\"} 4");
    }

    @Test
    void shouldDropPartitionsThatLeaveTheReport() {
        metrics.update(report(new PartitionLag("t", 0, 10, 15, 5, 2.5, LagStatus.OK),
                new PartitionLag("t", 1, 3, 10, 7, 4.0, LagStatus.OK)));
        metrics.update(report(new PartitionLag("t", 0, 15, 15, 0, 0, LagStatus.OK)));

        String text = registry.scrape();

        assertThat(text)
                .contains("kafka_consumergroup_group_lag{cluster_name=\"local\",group=\"g\",partition=\"0\",topic=\"t\"} 0")
                .doesNotContain("partition=\"1\"");
    }
}
