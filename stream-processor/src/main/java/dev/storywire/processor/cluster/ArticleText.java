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
 * @param lead the headline's first term when it names the subject ({@link #subject}), or {@code null}
 * @param passages the runs of consecutive terms of title and excerpt ({@link Passages})
 */
record ArticleText(TermCounts vector, TermCounts titleVector, String lead, Passages passages) {

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
        List<String> excerptTerms = canonical(Tokenizer.terms(excerpt), canonical);
        return new ArticleText(
                TermCounts.of(TermVector.of(titleTerms, excerptTerms, titleWeight)),
                TermCounts.of(TermVector.of(titleTerms, List.of(), 1)), subject(titleTerms, excerptTerms),
                Passages.ofTerms(titleTerms, excerptTerms));
    }

    /**
     * The headline's lead term when it names the text's subject: a subject named first in the headline is named
     * again in the body ("XAPP AI achieves ..." / "XAPP AI announced today ..."), while a headline that opens with
     * a generic word ("Worldwide ...", "Insights on ...", "Exclusive - ...") does not repeat it. Without an excerpt
     * to tell, the lead term counts.
     */
    static String subject(List<String> titleTerms, List<String> excerptTerms) {
        String lead = TermVector.leadTerm(titleTerms);
        return lead == null || excerptTerms.isEmpty() || excerptTerms.contains(lead) ? lead : null;
    }

    private static List<String> canonical(List<String> terms, UnaryOperator<String> canonical) {
        terms.replaceAll(canonical);
        return terms;
    }
}
