package dev.storywire.processor.text;

import dev.storywire.model.Hashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fingerprints that recognise copies of one wire story or press release under different URLs: the normalised
 * title, and the normalised opening of the excerpt. Normalising lower-cases, drops everything but letters and
 * digits, and drops the feed's trailing ellipsis, so that punctuation, case and truncation differences between
 * outlets do not matter. Short texts get no fingerprint: a five-word headline is not specific enough to call two
 * documents copies.
 */
public final class ContentFingerprints {

    /** A title needs this many words to identify a document on its own. */
    static final int MIN_TITLE_WORDS = 6;
    /** The excerpt fingerprint covers this many opening words; shorter excerpts get none. */
    static final int EXCERPT_WORDS = 20;

    private ContentFingerprints() {
    }

    /** The fingerprints of a document with this title and excerpt; empty when both are too short. */
    public static List<String> of(String title, String excerpt) {
        List<String> fingerprints = new ArrayList<>(2);
        List<String> titleWords = words(title);
        if (titleWords.size() >= MIN_TITLE_WORDS) {
            fingerprints.add("t:" + hash(titleWords));
        }
        List<String> excerptWords = words(excerpt);
        if (excerptWords.size() > EXCERPT_WORDS) {
            // More than EXCERPT_WORDS: the last word of a truncated excerpt may be cut, so it never counts.
            fingerprints.add("e:" + hash(excerptWords.subList(0, EXCERPT_WORDS)));
        }
        return fingerprints;
    }

    /**
     * The text's words: lower-cased runs of letters and digits ({@code \\p{L}}, {@code \\p{N}}), invisible characters
     * (soft hyphen, zero-width space and joiners, word joiner, BOM) removed first, so that they do not split a word.
     * A plain scan of the characters (it runs for every article).
     */
    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = InvisibleCharacters.removeFrom(text);
        String lower = cleaned.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int codePoint = lower.codePointAt(i);
            if (isWordCharacter(codePoint)) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(lower.substring(start));
        }
        return words;
    }

    /** A letter or a number, as {@code [\\p{L}\\p{N}]} matches them. */
    private static boolean isWordCharacter(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static String hash(List<String> words) {
        return Hashing.sha256Hex(String.join(" ", words)).substring(0, 24);
    }
}
