package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void shouldLowerCaseSplitDropStopWordsAndStem() {
        assertThat(Tokenizer.terms("Amazon bans the police's use of Face-Recognition, 4K TVs"))
                .containsExactly("amazon", "ban", "polic", "us", "face", "recognit", "4k", "tv");
    }

    @Test
    void shouldStemInflectionsToOneTerm() {
        assertThat(Tokenizer.terms("Amazon extends moratorium; Amazon's ban extended"))
                .containsExactly("amazon", "extend", "moratorium", "amazon", "ban", "extend");
    }

    @Test
    void shouldJoinWordsAroundASoftHyphen() {
        assertThat(Tokenizer.terms("Laun\u00ADches")).containsExactly("launch");
    }

    @Test
    void shouldReturnNoTermsForNullOrBlank() {
        assertThat(Tokenizer.terms(null)).isEmpty();
        assertThat(Tokenizer.terms("  ")).isEmpty();
    }
}
