package dev.storywire.processor.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The keys with the highest counts, ties by key: only the keys at the cut-off count are sorted, the rest are in or
 * out by count alone. Both the bound on a story's term vector and the choice of term-index candidates take a few
 * dozen keys out of hundreds for every article, so a full sort of the counts was a visible cost.
 */
public final class TopCounts {

    private TopCounts() {
    }

    /** The {@code limit} keys of {@code counts} with the highest counts, ties by key, in no particular order. */
    public static List<String> keys(Map<String, Integer> counts, int limit) {
        if (counts.size() <= limit) {
            return new ArrayList<>(counts.keySet());
        }
        int cutoff = cutoffCount(counts, limit);
        List<String> chosen = new ArrayList<>(limit);
        List<String> tied = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count > cutoff) {
                chosen.add(key);
            } else if (count == cutoff) {
                tied.add(key);
            }
        });
        Collections.sort(tied);
        chosen.addAll(tied.subList(0, limit - chosen.size()));
        return chosen;
    }

    /** The lowest count among the {@code limit} highest of {@code counts} (more than {@code limit} of them). */
    private static int cutoffCount(Map<String, Integer> counts, int limit) {
        int[] sorted = new int[counts.size()];
        int i = 0;
        for (int count : counts.values()) {
            sorted[i++] = count;
        }
        Arrays.sort(sorted);
        return sorted[sorted.length - limit];
    }
}
