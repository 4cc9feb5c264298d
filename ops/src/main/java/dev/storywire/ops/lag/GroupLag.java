package dev.storywire.ops.lag;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lag of one consumer group over all partitions it has committed offsets for.
 *
 * @param group the group id
 * @param status the worst partition status; {@link LagStatus#ERR} when the group is unknown or unreadable
 * @param lag total records behind, over all partitions
 * @param lagSeconds the largest partition lag in seconds
 * @param members active members when sampled
 * @param partitions per partition, ordered by topic and partition
 * @param problem why the status is {@code ERR} when no partition explains it (e.g. "group not found")
 */
public record GroupLag(String group, LagStatus status, long lag, double lagSeconds, int members,
                       List<PartitionLag> partitions, Optional<String> problem) {

    private static final Comparator<PartitionLag> ORDER =
            Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition);

    public GroupLag {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(status, "status");
        partitions = partitions.stream().sorted(ORDER).toList();
        Objects.requireNonNull(problem, "problem");
    }

    /** A group summarised from its partitions: total lag, largest lag in seconds, worst status. */
    public static GroupLag of(String group, int members, List<PartitionLag> partitions) {
        LagStatus status = partitions.stream().map(PartitionLag::status).reduce(LagStatus.OK, LagStatus::worst);
        long lag = partitions.stream().mapToLong(PartitionLag::lag).sum();
        double lagSeconds = partitions.stream().mapToDouble(PartitionLag::lagSeconds).max().orElse(0);
        return new GroupLag(group, status, lag, lagSeconds, members, partitions, Optional.empty());
    }

    /** A group that could not be evaluated. */
    public static GroupLag failed(String group, String problem) {
        return new GroupLag(group, LagStatus.ERR, 0, 0, 0, List.of(), Optional.of(problem));
    }

    /** The largest lag in records of a single partition. */
    public long maxLag() {
        return partitions.stream().mapToLong(PartitionLag::lag).max().orElse(0);
    }
}
