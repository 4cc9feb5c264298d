package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TfIdfTest {

    private static final DocumentFrequencies COMMON_AMAZON = new DocumentFrequencies() {
        @Override
        public long documentFrequency(String term) {
            return term.equals("amazon") ? 90 : 1;
        }

        @Override
        public long documentCount() {
            return 100;
        }
    };

    @Test
    void shouldScoreIdenticalVectorsOne() {
        Map<String, Integer> v = TermVector.of("Amazon extends moratorium", "police", 2);

        assertThat(TfIdf.cosine(v, v, COMMON_AMAZON)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void shouldWeighRareSharedTermsAboveCommonOnes() {
        Map<String, Integer> article = TermVector.of("amazon moratorium chip", null, 1);
        Map<String, Integer> sharesRare = TermVector.of("moratorium", null, 1);
        Map<String, Integer> sharesCommon = TermVector.of("amazon", null, 1);

        assertThat(TfIdf.cosine(article, sharesRare, COMMON_AMAZON))
                .isGreaterThan(TfIdf.cosine(article, sharesCommon, COMMON_AMAZON));
    }

    @Test
    void shouldScoreTheSameWithGivenIdfAsWithFrequencies() {
        Map<String, Integer> article = TermVector.of("Amazon extends moratorium", "police facial recognition", 2);
        Map<String, Integer> story = TermVector.of("Amazon moratorium on police use", "amazon chip", 2);

        assertThat(TfIdf.cosine(article, story, term -> TfIdf.idf(term, COMMON_AMAZON)))
                .isEqualTo(TfIdf.cosine(article, story, COMMON_AMAZON));
    }

    @Test
    void shouldWeighAsTheLogarithmDoes() {
        for (int count = 1; count < 5_000; count++) {
            assertThat(TfIdf.weight(count, 2.5)).isEqualTo((1.0 + Math.log(count)) * 2.5);
        }
    }
}
