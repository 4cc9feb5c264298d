package dev.storywire.processor.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
        String[] keys = new String[counts.size()];
        int[] values = new int[counts.size()];
        int i = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return keys(keys, values, counts.size(), limit);
    }

    /**
     * The same choice over parallel arrays, as an open-addressing table keeps them: {@code keys[i]} counted
     * {@code counts[i]} times, {@code null} keys are empty slots, {@code size} keys are not {@code null}.
     */
    public static List<String> keys(String[] keys, int[] counts, int size, int limit) {
        List<String> chosen = new ArrayList<>(Math.min(size, limit));
        if (size <= limit) {
            for (String key : keys) {
                if (key != null) {
                    chosen.add(key);
                }
            }
            return chosen;
        }
        int cutoff = cutoffCount(keys, counts, size, limit);
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                continue;
            }
            if (counts[i] > cutoff) {
                chosen.add(keys[i]);
            } else if (counts[i] == cutoff) {
                tied.add(keys[i]);
            }
        }
        chosen.addAll(smallest(tied, limit - chosen.size()));
        return chosen;
    }

    /**
     * The same choice as a mask over the first {@code size} keys of parallel arrays without empty slots:
     * {@code chosen[i]} when {@code keys[i]} is among the {@code limit} highest counts, ties by key.
     */
    public static boolean[] chosen(String[] keys, int[] counts, int size, int limit) {
        boolean[] chosen = new boolean[size];
        if (size <= limit) {
            Arrays.fill(chosen, true);
            return chosen;
        }
        int cutoff = cutoffCount(keys, counts, size, limit);
        List<String> tied = new ArrayList<>();
        int above = 0;
        for (int i = 0; i < size; i++) {
            if (counts[i] > cutoff) {
                chosen[i] = true;
                above++;
            } else if (counts[i] == cutoff) {
                tied.add(keys[i]);
            }
        }
        List<String> keptTies = smallest(tied, limit - above);
        if (!keptTies.isEmpty()) {
            String lastKept = keptTies.get(keptTies.size() - 1);
            for (int i = 0; i < size; i++) {
                chosen[i] |= counts[i] == cutoff && keys[i].compareTo(lastKept) <= 0;
            }
        }
        return chosen;
    }

    /**
     * The {@code count} smallest of {@code keys} (fewer than them), ascending. A bounded max-heap keeps them: most
     * keys are tied at the cut-off (candidates that share one query term), and sorting them all compared each key
     * about log2(n) times where most now take one comparison with the heap's largest.
     */
    public static List<String> smallest(List<String> keys, int count) {
        if (count <= 0) {
            return List.of();
        }
        PriorityQueue<String> largestFirst = new PriorityQueue<>(count, Comparator.reverseOrder());
        for (String key : keys) {
            if (largestFirst.size() < count) {
                largestFirst.add(key);
            } else if (key.compareTo(largestFirst.peek()) < 0) {
                largestFirst.poll();
                largestFirst.add(key);
            }
        }
        List<String> result = new ArrayList<>(largestFirst);
        Collections.sort(result);
        return result;
    }

    /** The lowest count among the {@code limit} highest (more than {@code limit} keys). */
    private static int cutoffCount(String[] keys, int[] counts, int size, int limit) {
        int[] sorted = new int[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                sorted[n++] = counts[i];
            }
        }
        Arrays.sort(sorted);
        return sorted[size - limit];
    }
}
