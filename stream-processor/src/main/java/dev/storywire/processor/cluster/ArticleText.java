package dev.storywire.processor.cluster;

import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TermVector;
import dev.storywire.processor.text.Tokenizer;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The text evidence of an article or related item, computed once per record.
 *
 * @param vector title-and-excerpt term counts, title terms weighted
 * @param titleVector title term counts
 * @param lead the headline's first term ({@link TermVector#leadTerm}), or {@code null}
 */
record ArticleText(TermCounts vector, TermCounts titleVector, String lead) {

    static ArticleText of(String title, String excerpt, int titleWeight) {
        return of(title, excerpt, titleWeight, UnaryOperator.identity());
    }

    /**
     * The text evidence with every term replaced by {@code canonical}'s instance of it. The clustering passes the
     * {@link TermStatistics#canonical one instance per term} its statistics hold: the text's terms are then looked up
     * in story vectors, postings and the statistics, and equal keys that are the same object compare at once, where
     * a fresh string from the analyser is compared character by character.
     */
    static ArticleText of(String title, String excerpt, int titleWeight, UnaryOperator<String> canonical) {
        // The title is analysed once for all three.
        List<String> titleTerms = canonical(Tokenizer.terms(title), canonical);
        return new ArticleText(
                TermCounts.of(TermVector.of(titleTerms, canonical(Tokenizer.terms(excerpt), canonical), titleWeight)),
                TermCounts.of(TermVector.of(titleTerms, List.of(), 1)), TermVector.leadTerm(titleTerms));
    }

    private static List<String> canonical(List<String> terms, UnaryOperator<String> canonical) {
        terms.replaceAll(canonical);
        return terms;
    }
}
