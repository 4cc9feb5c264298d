package dev.storywire.processor.cluster;

import dev.storywire.processor.text.TermVector;
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
        return new ArticleText(TermVector.of(title, excerpt, titleWeight), TermVector.of(title, null, 1),
                TermVector.leadTerm(title));
    }
}
