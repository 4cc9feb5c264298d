package dev.storywire.processor.text;

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
}
