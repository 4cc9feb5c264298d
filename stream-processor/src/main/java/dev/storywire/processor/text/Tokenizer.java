package dev.storywire.processor.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First-version tokenizer: lower-case, split on anything that is not a letter or digit, drop one-letter tokens
 * and a small English stop-word list, and fold a plural {@code s} ({@code bans -> ban}, not {@code class},
 * {@code status}, {@code analysis}). A later version switches to Lucene analyzers.
 */
public final class Tokenizer {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    // Soft hyphens and zero-width characters hide inside words in real feeds; remove them, do not split on them.
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
            "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how",
            "if", "in", "into", "is", "it", "its", "it's", "just", "last", "more", "most", "new", "no", "not", "now",
            "of", "on", "one", "or", "our", "out", "over", "said", "says", "she", "so", "some", "than", "that",
            "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was",
            "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "year", "years", "you",
            "your");

    private Tokenizer() {
    }

    /** The terms of {@code text} in order, repeated as often as they occur; empty for {@code null}. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String cleaned = INVISIBLE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        for (String token : SEPARATORS.split(cleaned)) {
            if (token.length() < 2 || STOP_WORDS.contains(token)) {
                continue;
            }
            terms.add(foldPlural(token));
        }
        return terms;
    }

    private static String foldPlural(String token) {
        if (token.length() > 3 && token.endsWith("s") && !token.endsWith("ss") && !token.endsWith("us")
                && !token.endsWith("is") && Character.isLetter(token.charAt(token.length() - 2))) {
            return token.substring(0, token.length() - 1);
        }
        return token;
    }
}
