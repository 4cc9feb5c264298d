package dev.storywire.processor.text;

/**
 * Background frequencies plus live counts: a term's document frequency is the sum of both, and so is the
 * document count. Early on the background dominates (ten articles on one topic cannot make that topic's words
 * worthless); as the live counts grow they take over.
 */
public record BlendedFrequencies(DocumentFrequencies background, DocumentFrequencies live)
        implements DocumentFrequencies {

    @Override
    public long documentFrequency(String term) {
        return background.documentFrequency(term) + live.documentFrequency(term);
    }

    @Override
    public long documentCount() {
        return background.documentCount() + live.documentCount();
    }
}
