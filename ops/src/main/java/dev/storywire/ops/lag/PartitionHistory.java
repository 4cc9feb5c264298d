package dev.storywire.ops.lag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded samples of one partition, oldest first, kept for a retention period (the evaluation window
 * plus one sample before it, so that a rule can tell that a value held for the whole window).
 *
 * @param samples observations in time order
 */
public record PartitionHistory(List<OffsetSample> samples) {

    public PartitionHistory {
        samples = List.copyOf(samples);
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).time().isBefore(samples.get(i - 1).time())) {
                throw new IllegalArgumentException("Samples out of order: " + samples.get(i - 1).time()
                        + " before " + samples.get(i).time());
            }
        }
    }

    public static PartitionHistory empty() {
        return new PartitionHistory(List.of());
    }

    public static PartitionHistory of(OffsetSample... samples) {
        return new PartitionHistory(List.of(samples));
    }

    /**
     * This history with {@code sample} appended, dropping samples older than {@code window} before the new one,
     * except the newest of those (it tells what held when the window started).
     */
    public PartitionHistory append(OffsetSample sample, Duration window) {
        List<OffsetSample> kept = new ArrayList<>(samples);
        kept.add(sample);
        var windowStart = sample.time().minus(window);
        int firstKept = 0;
        for (int i = 0; i < kept.size() - 1; i++) {
            if (!kept.get(i + 1).time().isAfter(windowStart)) {
                firstKept = i + 1;
            }
        }
        return new PartitionHistory(kept.subList(firstKept, kept.size()));
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public OffsetSample latest() {
        if (samples.isEmpty()) {
            throw new IllegalStateException("No samples recorded");
        }
        return samples.get(samples.size() - 1);
    }

    /**
     * The samples of the window ending at the latest sample, starting with the last sample taken at or before
     * the window start; empty when the history does not reach back a whole window yet.
     */
    public List<OffsetSample> fullWindow(Duration window) {
        if (samples.isEmpty()) {
            return List.of();
        }
        var windowStart = latest().time().minus(window);
        for (int i = samples.size() - 1; i >= 0; i--) {
            if (!samples.get(i).time().isAfter(windowStart)) {
                return samples.subList(i, samples.size());
            }
        }
        return List.of();
    }

    /** The samples taken within {@code window} before the latest one, the latest included. */
    public List<OffsetSample> recent(Duration window) {
        if (samples.isEmpty()) {
            return List.of();
        }
        var windowStart = latest().time().minus(window);
        return samples.stream().filter(s -> !s.time().isBefore(windowStart)).toList();
    }
}
