package dev.storywire.processor.text;

import java.util.regex.Pattern;

/**
 * Characters that hide inside words in real feeds and are removed, not split on: the soft hyphen, the zero-width
 * space and joiners, the word joiner and the byte-order mark. The tokenizer and the content fingerprints remove the
 * same set.
 */
final class InvisibleCharacters {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

    private InvisibleCharacters() {
    }

    /**
     * {@code text} without its invisible characters; {@code text} itself when it has none. Few texts have any, and a
     * scan of the characters costs a fraction of the regular expression's replacement, which copies every text.
     */
    static String removeFrom(String text) {
        return isIn(text) ? INVISIBLE.matcher(text).replaceAll("") : text;
    }

    /** Whether {@code text} holds one of the characters {@link #removeFrom} removes. */
    static boolean isIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00AD' || c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF') {
                return true;
            }
        }
        return false;
    }
}
