package dev.storywire.processor.cluster;

import dev.storywire.processor.text.TermVector;
import dev.storywire.processor.text.Tokenizer;
import java.util.List;
import java.util.Map;

/**
 * The text evidence of an article or related item, computed once per record.
 *
 * @param vector title-and-excerpt term counts, title terms weighted
 * @param titleVector title term counts
 * @param lead the headline's first term ({@link TermVector#leadTerm}), or {@code null}
 */
record ArticleText(Map<String, Integer> vector, Map<String, Integer> titleVector, String lead) {

    static ArticleText of(String title, String excerpt, int titleWeight) {
        // The title is analysed once for all three.
        List<String> titleTerms = Tokenizer.terms(title);
        return new ArticleText(TermVector.of(titleTerms, Tokenizer.terms(excerpt), titleWeight),
                TermVector.of(titleTerms, List.of(), 1), TermVector.leadTerm(titleTerms));
    }
}
