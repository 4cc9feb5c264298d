package dev.storywire.ops.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each group partition's offset history for one evaluation window and turns each new reading into a
 * {@link GroupLag}. Not thread-safe.
 */
public final class GroupLagTracker {

    private static final Logger log = LoggerFactory.getLogger(GroupLagTracker.class);

    private final LagEvaluator evaluator;
    private final Map<String, Map<TopicPartition, PartitionHistory>> histories = new HashMap<>();

    public GroupLagTracker(LagEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** Adds one reading to the group's histories and evaluates them. */
    public GroupLag record(GroupOffsets offsets) {
        if (!offsets.exists()) {
            histories.remove(offsets.group());
            return GroupLag.failed(offsets.group(), "group not found: no committed offsets and no members");
        }
        Map<TopicPartition, PartitionHistory> previous = histories.getOrDefault(offsets.group(), Map.of());
        Map<TopicPartition, PartitionHistory> current = new HashMap<>();
        List<PartitionLag> partitions = new ArrayList<>();
        for (PartitionOffsets p : offsets.partitions()) {
            double lagSeconds = p.lagSeconds(offsets.time());
            OffsetSample sample = new OffsetSample(offsets.time(), p.committed(), p.end(), p.lag(), offsets.alive(),
                    Duration.ofMillis(Math.round(lagSeconds * 1000)));
            PartitionHistory history = previous.getOrDefault(p.partition(), PartitionHistory.empty())
                    .append(sample, evaluator.window());
            current.put(p.partition(), history);
            LagStatus status = evaluator.evaluate(history);
            if (status == LagStatus.ERR) {
                log.warn("Group {} has committed offset {} on {} beyond its end offset {}", offsets.group(),
                        p.committed(), p.partition(), p.end());
            }
            partitions.add(new PartitionLag(p.partition().topic(), p.partition().partition(), p.committed(), p.end(),
                    p.lag(), lagSeconds, status));
        }
        // Partitions the group no longer commits are forgotten with their history.
        histories.put(offsets.group(), current);
        return GroupLag.of(offsets.group(), offsets.members(), partitions);
    }

    /** Forgets a group's history, e.g. after it could not be read. */
    public void forget(String group) {
        histories.remove(group);
    }
}
