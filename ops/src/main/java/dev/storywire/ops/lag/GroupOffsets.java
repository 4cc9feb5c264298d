package dev.storywire.ops.lag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One reading of a consumer group's offsets.
 *
 * @param group the group id
 * @param time when the reading started
 * @param exists whether the group has committed offsets or members at all
 * @param members active members (0 for an empty or dead group)
 * @param partitions per partition the group has committed (or was asked about)
 */
public record GroupOffsets(String group, Instant time, boolean exists, int members, List<PartitionOffsets> partitions) {

    public GroupOffsets {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(time, "time");
        partitions = List.copyOf(partitions);
    }

    public boolean alive() {
        return members > 0;
    }

    /** Data records not consumed yet, over all partitions. */
    public long totalLag() {
        return partitions.stream().mapToLong(PartitionOffsets::lag).sum();
    }
}
