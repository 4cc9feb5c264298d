package dev.storywire.processor.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Raw term counts of a text; TF-IDF weights are applied at scoring time with the current frequencies. */
public final class TermVector {

    /**
     * The class of the unmodifiable views {@link #plus} hands out. {@link #frozen} adopts such a view as it is, so
     * whoever passes one must not keep a modifiable alias of the map behind it ({@link #plus} does not).
     */
    private static final Class<?> FROZEN = Collections.unmodifiableMap(new HashMap<>()).getClass();

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

    /**
     * The counts as an unmodifiable hash map: {@code counts} itself when it is already one, as {@link #plus} returns,
     * else a copy. Term vectors are looked up term by term in the clustering's inner loop; {@code Map.copyOf}'s
     * open-addressing table probes far longer on term strings than a {@link HashMap} does (it was the single largest
     * cost of scoring).
     */
    public static Map<String, Integer> frozen(Map<String, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return Map.of();
        }
        return counts.getClass() == FROZEN ? counts : Collections.unmodifiableMap(new HashMap<>(counts));
    }

    /**
     * {@code base} plus {@code added}, keeping at most {@code maxTerms} terms: the most frequent, ties by term. The
     * result is {@link #frozen}.
     */
    public static Map<String, Integer> plus(Map<String, Integer> base, Map<String, Integer> added, int maxTerms) {
        Map<String, Integer> sum = new HashMap<>(base);
        added.forEach((term, count) -> sum.merge(term, count, Integer::sum));
        if (sum.size() <= maxTerms) {
            return Collections.unmodifiableMap(sum);
        }
        Map<String, Integer> bounded = new HashMap<>();
        for (String term : TopCounts.keys(sum, maxTerms)) {
            bounded.put(term, sum.get(term));
        }
        return Collections.unmodifiableMap(bounded);
    }
}
