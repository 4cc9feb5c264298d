package dev.storywire.ops.metrics;

import dev.storywire.ops.lag.GroupLag;
import dev.storywire.ops.lag.LagReport;
import dev.storywire.ops.lag.LagStatus;
import dev.storywire.ops.lag.PartitionLag;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes {@link LagReport}s as gauges named after kafka-lag-exporter's, so its dashboards and alerts work
 * unchanged, plus the Burrow-style status that kafka-lag-exporter does not have. Every gauge carries
 * {@code cluster_name}; partition gauges add {@code group}, {@code topic}, {@code partition}.
 * Partitions and groups that disappear from a report disappear from the gauges.
 */
public final class LagMetrics {

    /** Committed offset of a group on a partition. */
    public static final String GROUP_OFFSET = "kafka_consumergroup_group_offset";
    /** Records behind on a partition. */
    public static final String GROUP_LAG = "kafka_consumergroup_group_lag";
    /** Age of the oldest unconsumed record on a partition, in seconds. */
    public static final String GROUP_LAG_SECONDS = "kafka_consumergroup_group_lag_seconds";
    /** Largest partition lag of a group, in records. */
    public static final String GROUP_MAX_LAG = "kafka_consumergroup_group_max_lag";
    /** Largest partition lag of a group, in seconds. */
    public static final String GROUP_MAX_LAG_SECONDS = "kafka_consumergroup_group_max_lag_seconds";
    /** Total lag of a group over all its partitions, in records. */
    public static final String GROUP_SUM_LAG = "kafka_consumergroup_group_sum_lag";
    /** Total lag of a group per topic, in records. */
    public static final String GROUP_TOPIC_SUM_LAG = "kafka_consumergroup_group_topic_sum_lag";
    /** Log-end offset of a partition a group reads. */
    public static final String PARTITION_LATEST_OFFSET = "kafka_partition_latest_offset";
    /** 1 for a group's current status (label {@code status}), 0 for the others. */
    public static final String GROUP_STATUS = "storywire_consumergroup_status";
    /** Severity of a group's status: 0 OK, 1 WARN, 2 REWIND, 3 STALL, 4 STOP, 5 ERR. */
    public static final String GROUP_STATUS_CODE = "storywire_consumergroup_status_code";
    /** Severity of a partition's status: 0 OK, 1 WARN, 2 REWIND, 3 STALL, 4 STOP, 5 ERR. */
    public static final String PARTITION_STATUS = "storywire_consumergroup_partition_status";
    /** Active members of a group. */
    public static final String GROUP_MEMBERS = "storywire_consumergroup_members";

    private final String clusterName;
    private final MultiGauge offset;
    private final MultiGauge lag;
    private final MultiGauge lagSeconds;
    private final MultiGauge maxLag;
    private final MultiGauge maxLagSeconds;
    private final MultiGauge sumLag;
    private final MultiGauge topicSumLag;
    private final MultiGauge latestOffset;
    private final MultiGauge status;
    private final MultiGauge statusCode;
    private final MultiGauge partitionStatus;
    private final MultiGauge members;

    public LagMetrics(MeterRegistry registry, String clusterName) {
        this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
        offset = gauge(registry, GROUP_OFFSET, "Committed offset of the consumer group on the partition");
        lag = gauge(registry, GROUP_LAG, "Records the consumer group has not consumed on the partition");
        lagSeconds = gauge(registry, GROUP_LAG_SECONDS, "Age in seconds of the oldest record not consumed on the partition");
        maxLag = gauge(registry, GROUP_MAX_LAG, "Largest partition lag of the consumer group, in records");
        maxLagSeconds = gauge(registry, GROUP_MAX_LAG_SECONDS, "Largest partition lag of the consumer group, in seconds");
        sumLag = gauge(registry, GROUP_SUM_LAG, "Records the consumer group has not consumed, over all partitions");
        topicSumLag = gauge(registry, GROUP_TOPIC_SUM_LAG, "Records the consumer group has not consumed, per topic");
        latestOffset = gauge(registry, PARTITION_LATEST_OFFSET, "Log-end offset of the partition");
        status = gauge(registry, GROUP_STATUS, "1 for the consumer group's current Burrow-style status, 0 otherwise");
        statusCode = gauge(registry, GROUP_STATUS_CODE,
                "Burrow-style group status: 0 OK, 1 WARN, 2 REWIND, 3 STALL, 4 STOP, 5 ERR");
        partitionStatus = gauge(registry, PARTITION_STATUS,
                "Burrow-style partition status: 0 OK, 1 WARN, 2 REWIND, 3 STALL, 4 STOP, 5 ERR");
        members = gauge(registry, GROUP_MEMBERS, "Active members of the consumer group");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** Replaces every gauge's rows with the figures of {@code report}. */
    public void update(LagReport report) {
        List<MultiGauge.Row<?>> offsetRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> lagSecondsRows = new ArrayList<>();
        List<MultiGauge.Row<?>> latestRows = new ArrayList<>();
        List<MultiGauge.Row<?>> partitionStatusRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxLagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> maxLagSecondsRows = new ArrayList<>();
        List<MultiGauge.Row<?>> sumLagRows = new ArrayList<>();
        List<MultiGauge.Row<?>> topicSumRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        List<MultiGauge.Row<?>> memberRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusCodeRows = new ArrayList<>();
        Map<String, Boolean> latestSeen = new LinkedHashMap<>();
        for (GroupLag group : report.groups()) {
            Tags groupTags = Tags.of("cluster_name", clusterName, "group", group.group());
            Map<String, Long> perTopic = new LinkedHashMap<>();
            for (PartitionLag p : group.partitions()) {
                Tags tags = groupTags.and("topic", p.topic(), "partition", Integer.toString(p.partition()));
                offsetRows.add(MultiGauge.Row.of(tags, p.committed()));
                lagRows.add(MultiGauge.Row.of(tags, p.lag()));
                lagSecondsRows.add(MultiGauge.Row.of(tags, p.lagSeconds()));
                partitionStatusRows.add(MultiGauge.Row.of(tags, p.status().ordinal()));
                perTopic.merge(p.topic(), p.lag(), Long::sum);
                // Two groups reading one partition: one latest-offset series for it.
                if (latestSeen.putIfAbsent(p.topic() + "/" + p.partition(), true) == null) {
                    latestRows.add(MultiGauge.Row.of(Tags.of("cluster_name", clusterName, "topic", p.topic(),
                            "partition", Integer.toString(p.partition())), p.end()));
                }
            }
            perTopic.forEach((topic, sum) -> topicSumRows.add(MultiGauge.Row.of(groupTags.and("topic", topic), sum)));
            maxLagRows.add(MultiGauge.Row.of(groupTags, group.maxLag()));
            maxLagSecondsRows.add(MultiGauge.Row.of(groupTags, group.lagSeconds()));
            sumLagRows.add(MultiGauge.Row.of(groupTags, group.lag()));
            memberRows.add(MultiGauge.Row.of(groupTags, group.members()));
            statusCodeRows.add(MultiGauge.Row.of(groupTags, group.status().ordinal()));
            for (LagStatus s : LagStatus.values()) {
                statusRows.add(MultiGauge.Row.of(groupTags.and("status", s.name()), s == group.status() ? 1 : 0));
            }
        }
        // overwrite = true: a row whose tags come again gets the new value, rows not given are removed.
        offset.register(offsetRows, true);
        lag.register(lagRows, true);
        lagSeconds.register(lagSecondsRows, true);
        latestOffset.register(latestRows, true);
        partitionStatus.register(partitionStatusRows, true);
        maxLag.register(maxLagRows, true);
        maxLagSeconds.register(maxLagSecondsRows, true);
        sumLag.register(sumLagRows, true);
        topicSumLag.register(topicSumRows, true);
        status.register(statusRows, true);
        statusCode.register(statusCodeRows, true);
        members.register(memberRows, true);
    }
}
