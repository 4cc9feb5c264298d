package dev.storywire.processor.cluster;

import dev.storywire.processor.text.DocumentFrequencies;
import dev.storywire.processor.text.TfIdf;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@link TfIdf#idf} of each term, computed once while the live counts stay the same: scoring an article against
 * its candidate stories weighs the same terms over and over. Any document added to the live counts changes every
 * IDF (the document count is in all of them), so the memo empties itself then; the values are exactly those
 * {@link TfIdf#idf} returns.
 */
final class IdfMemo implements ToDoubleFunction<String> {

    private final DocumentFrequencies weights;
    private final StoreDocumentFrequencies live;
    private final Map<String, Double> idf = new HashMap<>();
    private long seenChanges = -1;

    IdfMemo(DocumentFrequencies weights, StoreDocumentFrequencies live) {
        this.weights = weights;
        this.live = live;
    }

    @Override
    public double applyAsDouble(String term) {
        if (seenChanges != live.changes()) {
            idf.clear();
            seenChanges = live.changes();
        }
        Double known = idf.get(term);
        if (known != null) {
            return known;
        }
        double computed = TfIdf.idf(term, weights);
        idf.put(term, computed);
        return computed;
    }
}
