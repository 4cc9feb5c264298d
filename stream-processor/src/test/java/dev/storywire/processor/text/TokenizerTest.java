package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
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

    @Test
    void shouldFindExactlyTheCharactersTheInvisiblePatternRemoves() {
        Pattern invisible = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "b";
            assertThat(Tokenizer.hasInvisible(text)).as("U+%04X", (int) c).isEqualTo(invisible.matcher(text).find());
        }
    }
}
