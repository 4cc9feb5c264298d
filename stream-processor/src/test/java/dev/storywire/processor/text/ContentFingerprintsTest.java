package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

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
}
