package dev.storywire.processor.cluster;

import dev.storywire.processor.text.DocumentFrequencies;
import dev.storywire.processor.text.TfIdf;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@link TfIdf#idf} of each term, memoised: scoring weighs the same terms over and over. The IDF is
 * {@code 1 + ln(N + k) - ln(df + k)}: the first logarithm changes with every counted document and is recomputed
 * once per change of the document count; the second changes only when that term is counted, so it is kept per term
 * and dropped for the terms of each counted document ({@link #counted}). The values are those {@link TfIdf#idf}
 * returns, up to floating-point rounding.
 */
final class IdfMemo implements ToDoubleFunction<String> {

    /** Terms whose logarithm stays memoised; beyond it the memo starts over (a few tens of megabytes). */
    static final int MAX_TERMS = 500_000;

    private final DocumentFrequencies weights;
    private final Map<String, Double> logFrequency = new HashMap<>();
    private long seenCount = -1;
    private double logCount;

    IdfMemo(DocumentFrequencies weights) {
        this.weights = weights;
    }

    @Override
    public double applyAsDouble(String term) {
        long count = weights.documentCount();
        if (count != seenCount) {
            seenCount = count;
            logCount = TfIdf.logSmoothed(count);
        }
        Double known = logFrequency.get(term);
        if (known == null) {
            if (logFrequency.size() >= MAX_TERMS) {
                logFrequency.clear();
            }
            known = TfIdf.logSmoothed(weights.documentFrequency(term));
            logFrequency.put(term, known);
        }
        return 1.0 + logCount - known;
    }

    /** Forgets the memoised values of terms whose document frequency just changed. */
    void counted(Collection<String> terms) {
        terms.forEach(logFrequency::remove);
    }
}
