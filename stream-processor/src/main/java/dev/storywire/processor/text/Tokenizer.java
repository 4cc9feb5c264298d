package dev.storywire.processor.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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

    // Soft hyphens and zero-width characters hide inside words in real feeds; remove them, do not split on them.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
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
        String cleaned = hasInvisible(text) ? INVISIBLE.matcher(text).replaceAll("") : text;
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

    /**
     * Whether {@code text} holds a character {@link #INVISIBLE} removes. Few texts do, and a scan of the characters
     * costs a fraction of the regular expression's replacement, which copies the text every time.
     */
    static boolean hasInvisible(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00AD' || c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }

    private static String preview(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40);
    }
}
