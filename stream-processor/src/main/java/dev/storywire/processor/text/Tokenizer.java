package dev.storywire.processor.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Terms of a title or excerpt, from Lucene's {@link EnglishAnalyzer}: Unicode word segmentation (UAX #29),
 * English possessives removed, lower case, Lucene's English stop words dropped, Porter stemming. One-character
 * terms are dropped too (stray initials and list letters carry no event). Thread-safe.
 */
public final class Tokenizer {

    /** Lucene analyzers reuse their token streams per thread, so one shared instance serves every caller. */
    private static final Analyzer ANALYZER = new EnglishAnalyzer();
    private static final String FIELD = "text";

    private Tokenizer() {
    }

    /** The terms of {@code text} in order, repeated as often as they occur; empty for {@code null}. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String cleaned = InvisibleCharacters.removeFrom(text);
        try (TokenStream stream = ANALYZER.tokenStream(FIELD, cleaned)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String never does I/O; this would be a Lucene bug.
            throw new UncheckedIOException("Cannot analyse text starting '" + preview(text) + "'", e);
        }
        return terms;
    }

    private static String preview(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40);
    }
}
