package dev.storywire.processor.text;

import dev.storywire.model.Hashing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

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

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

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

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = INVISIBLE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT).strip();
        if (cleaned.endsWith("...") || cleaned.endsWith("\u2026")) {
            cleaned = cleaned.replaceAll("(\\.\\.\\.|\u2026)$", "");
        }
        return Arrays.stream(NON_WORD.split(cleaned)).filter(w -> !w.isEmpty()).toList();
    }

    private static String hash(List<String> words) {
        return Hashing.sha256Hex(String.join(" ", words)).substring(0, 24);
    }
}
