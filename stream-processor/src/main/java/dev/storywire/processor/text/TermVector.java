package dev.storywire.processor.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Raw term counts of a text; TF-IDF weights are applied at scoring time with the current frequencies. */
public final class TermVector {

    private TermVector() {
    }

    /** Counts of title and excerpt terms, title terms counted {@code titleWeight} times. */
    public static Map<String, Integer> of(String title, String excerpt, int titleWeight) {
        return of(Tokenizer.terms(title), Tokenizer.terms(excerpt), titleWeight);
    }

    /** Counts of already analysed title and excerpt terms, title terms counted {@code titleWeight} times. */
    public static Map<String, Integer> of(List<String> titleTerms, List<String> excerptTerms, int titleWeight) {
        // A hash map: vectors are looked up term by term far more often than they are iterated.
        Map<String, Integer> counts = new HashMap<>();
        for (String term : titleTerms) {
            counts.merge(term, titleWeight, Integer::sum);
        }
        for (String term : excerptTerms) {
            counts.merge(term, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The first term of a headline: in news and press-release headlines the actor or subject comes first
     * ("XAPP AI achieves ...", "Amazon extends ..."). {@code null} when the title has no term.
     *
     * @param titleTerms the title's terms in order ({@link Tokenizer#terms})
     */
    public static String leadTerm(List<String> titleTerms) {
        return titleTerms.isEmpty() ? null : titleTerms.get(0);
    }

    /** {@code base} plus {@code added}, keeping at most {@code maxTerms} terms: the most frequent, ties by term. */
    public static Map<String, Integer> plus(Map<String, Integer> base, Map<String, Integer> added, int maxTerms) {
        Map<String, Integer> sum = new HashMap<>(base);
        added.forEach((term, count) -> sum.merge(term, count, Integer::sum));
        if (sum.size() <= maxTerms) {
            return sum;
        }
        int cutoff = cutoffCount(sum.values(), maxTerms);
        Map<String, Integer> bounded = new HashMap<>();
        List<String> tied = new ArrayList<>();
        sum.forEach((term, count) -> {
            if (count > cutoff) {
                bounded.put(term, count);
            } else if (count == cutoff) {
                tied.add(term);
            }
        });
        // Only the terms at the cut-off count need an order (by term); the rest are in or out by count alone.
        Collections.sort(tied);
        for (String term : tied.subList(0, Math.min(tied.size(), maxTerms - bounded.size()))) {
            bounded.put(term, cutoff);
        }
        return bounded;
    }

    /** The lowest count among the {@code maxTerms} most frequent of {@code counts} (more than {@code maxTerms}). */
    private static int cutoffCount(Collection<Integer> counts, int maxTerms) {
        int[] sorted = counts.stream().mapToInt(Integer::intValue).sorted().toArray();
        return sorted[sorted.length - maxTerms];
    }
}
