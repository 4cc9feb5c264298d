package dev.storywire.faults;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a consumer group has recovered from a fault: every partition that had records waiting when the fault
 * struck has since moved its committed offset past where it stood then (or is caught up). Partitions are plain
 * string keys ({@code topic-partition}).
 */
public final class ProgressWatch {

    private final Map<String, Long> committedAtFault;
    private final Set<String> waitingAtFault;

    private ProgressWatch(Map<String, Long> committedAtFault, Set<String> waitingAtFault) {
        this.committedAtFault = Map.copyOf(committedAtFault);
        this.waitingAtFault = Set.copyOf(waitingAtFault);
    }

    /**
     * @param committed the group's committed offsets when the fault struck (missing: nothing committed yet)
     * @param lag the data records waiting after the committed offset on each partition then
     */
    public static ProgressWatch at(Map<String, Long> committed, Map<String, Long> lag) {
        Set<String> waiting = lag.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        return new ProgressWatch(committed, waiting);
    }

    /** The partitions that had records waiting at the fault. */
    public Set<String> waitingAtFault() {
        return waitingAtFault;
    }

    /** True when every partition waiting at the fault has committed past its offset then. */
    public boolean recovered(Map<String, Long> committedNow) {
        return waitingAtFault.stream().allMatch(partition ->
                committedNow.getOrDefault(partition, 0L) > committedAtFault.getOrDefault(partition, 0L));
    }
}
