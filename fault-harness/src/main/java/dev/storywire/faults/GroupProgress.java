package dev.storywire.faults;

import java.util.HashMap;
import java.util.Map;

/**
 * A consumer group's committed offsets and waiting records per partition ({@code topic-partition} keys), read at
 * one moment.
 */
public record GroupProgress(Map<String, Long> committed, Map<String, Long> lag) {

    public GroupProgress {
        committed = Map.copyOf(committed);
        lag = Map.copyOf(lag);
    }

    static GroupProgress of(dev.storywire.ops.lag.GroupOffsets offsets) {
        Map<String, Long> committed = new HashMap<>();
        Map<String, Long> lag = new HashMap<>();
        offsets.partitions().forEach(p -> {
            committed.put(p.partition().toString(), p.committed());
            lag.put(p.partition().toString(), p.lag());
        });
        return new GroupProgress(committed, lag);
    }

    public long totalLag() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalCommitted() {
        return committed.values().stream().mapToLong(Long::longValue).sum();
    }

    public ProgressWatch watch() {
        return ProgressWatch.at(committed, lag);
    }
}
