package dev.storywire.processor.text;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Raw term counts of a text; TF-IDF weights are applied at scoring time with the current frequencies. */
public final class TermVector {

    private TermVector() {
    }

    /** Counts of title and excerpt terms, title terms counted {@code titleWeight} times. Sorted by term. */
    public static Map<String, Integer> of(String title, String excerpt, int titleWeight) {
        return of(Tokenizer.terms(title), Tokenizer.terms(excerpt), titleWeight);
    }

    /** Counts of already analysed title and excerpt terms, title terms counted {@code titleWeight} times. */
    public static Map<String, Integer> of(List<String> titleTerms, List<String> excerptTerms, int titleWeight) {
        Map<String, Integer> counts = new TreeMap<>();
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
        Map<String, Integer> bounded = new TreeMap<>();
        sum.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(maxTerms)
                .forEach(e -> bounded.put(e.getKey(), e.getValue()));
        return bounded;
    }
}
