package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContentFingerprintsTest {

    private static final String EXCERPT = "Amazon said on Tuesday it is extending until further notice a moratorium it "
            + "imposed last year on police use of its facial recognition software, Rekognition, citing ...";

    @Test
    void shouldIgnoreCasePunctuationAndTruncation() {
        assertThat(ContentFingerprints.of("Amazon Extends Moratorium on Police Use of Facial Recognition", EXCERPT))
                .isEqualTo(ContentFingerprints.of("amazon extends moratorium on police use of facial-recognition!",
                        EXCERPT.replace(", citing ...", ", citing pressure from")));
    }

    @Test
    void shouldGiveShortTextsNoFingerprint() {
        assertThat(ContentFingerprints.of("Amazon extends ban", "Short excerpt.")).isEmpty();
    }

    @Test
    void shouldTellDifferentTitlesApart() {
        assertThat(ContentFingerprints.of("XAPP AI Achieves AWS Machine Learning Competency Status", null))
                .doesNotContainAnyElementsOf(
                        ContentFingerprints.of("ElectrifAi Achieves AWS Machine Learning Competency Status", null));
    }

    @Test
    void shouldSplitWordsAsTheRegularExpressionsDid() {
        String[] pieces = {"a", "Z", "7", " ", ",", "...", "\u2026", "-", "\u00AD", "\u200B", "\u200D", "\u2060",
            "\uFEFF", "\u00C9", "\u0130", "\u03A3", "\u00B2", "\u2167", "\u0301", "\uD835\uDFD8", "\uD83D\uDE00",
            "\u4E2D", "\t", "\n", "'", "\u00A0"};
        Random random = new Random(3);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(ContentFingerprints.words(text.toString())).as("'%s'", text).isEqualTo(regexWords(text.toString()));
        }
    }

    /** The words as the first version found them, with regular expressions. */
    private static List<String> regexWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String cleaned = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]").matcher(text).replaceAll("")
                .toLowerCase(Locale.ROOT).strip();
        if (cleaned.endsWith("...") || cleaned.endsWith("\u2026")) {
            cleaned = cleaned.replaceAll("(\\.\\.\\.|\u2026)$", "");
        }
        return Arrays.stream(Pattern.compile("[^\\p{L}\\p{N}]+").split(cleaned)).filter(w -> !w.isEmpty()).toList();
    }
}
