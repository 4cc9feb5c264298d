package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void shouldLowerCaseSplitDropStopWordsAndFoldPlurals() {
        assertThat(Tokenizer.terms("Amazon bans the police's use of Face-Recognition, 4K TVs"))
                .containsExactly("amazon", "ban", "police", "use", "face", "recognition", "4k", "tvs");
    }

    @Test
    void shouldKeepWordsEndingInSsUsOrIs() {
        assertThat(Tokenizer.terms("class status analysis")).containsExactly("class", "status", "analysis");
    }

    @Test
    void shouldJoinWordsAroundASoftHyphen() {
        assertThat(Tokenizer.terms("Laun\u00ADches")).containsExactly("launche");
    }
}
