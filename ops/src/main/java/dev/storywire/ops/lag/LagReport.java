package dev.storywire.ops.lag;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Lag of several consumer groups, sampled together.
 *
 * @param time when the sample was taken
 * @param groups in the order they were asked for
 */
public record LagReport(Instant time, List<GroupLag> groups) {

    public LagReport {
        Objects.requireNonNull(time, "time");
        groups = List.copyOf(groups);
    }

    /** The worst status over all groups, {@link LagStatus#OK} when there are none. */
    public LagStatus status() {
        return groups.stream().map(GroupLag::status).reduce(LagStatus.OK, LagStatus::worst);
    }
}
