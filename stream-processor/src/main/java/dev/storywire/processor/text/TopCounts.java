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
 * out by count alone. The bound on a story's term vector ({@link TermCounts#plus}) takes a couple of hundred terms
 * out of a few hundred for every article, so a full sort of the counts is avoided. (The term index chooses its
 * candidates the same way over story handles, with its own tie-break on packed ids.)
 */
public final class TopCounts {

    private TopCounts() {
    }

    /** The {@code limit} keys of {@code counts} with the highest counts, ties by key, in no particular order. */
    public static List<String> keys(Map<String, Integer> counts, int limit) {
        String[] keys = counts.keySet().toArray(new String[0]);
        int[] values = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            values[i] = counts.get(keys[i]);
        }
        boolean[] chosen = chosen(keys, values, keys.length, limit);
        List<String> result = new ArrayList<>(Math.min(keys.length, limit));
        for (int i = 0; i < keys.length; i++) {
            if (chosen[i]) {
                result.add(keys[i]);
            }
        }
        return result;
    }

    /**
     * The same choice as a mask over the first {@code size} keys of parallel arrays (no {@code null} key among
     * them): {@code chosen[i]} when {@code keys[i]} is among the {@code limit} highest counts, ties by key.
     */
    public static boolean[] chosen(String[] keys, int[] counts, int size, int limit) {
        boolean[] chosen = new boolean[size];
        if (size <= limit) {
            Arrays.fill(chosen, true);
            return chosen;
        }
        int cutoff = cutoffCount(counts, size, limit);
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
    private static List<String> smallest(List<String> keys, int count) {
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

    /** The lowest count among the {@code limit} highest of the first {@code size} (more than {@code limit}). */
    private static int cutoffCount(int[] counts, int size, int limit) {
        int[] sorted = Arrays.copyOf(counts, size);
        Arrays.sort(sorted);
        return sorted[size - limit];
    }
}
