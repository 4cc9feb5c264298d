package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class InvisibleCharactersTest {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");

    @Test
    void shouldFindExactlyTheCharactersTheInvisiblePatternRemoves() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "b";
            assertThat(InvisibleCharacters.isIn(text)).as("U+%04X", (int) c).isEqualTo(INVISIBLE.matcher(text).find());
        }
    }

    @Test
    void shouldRemoveThemAndLeaveOtherTextAsItIs() {
        String clean = "Pfizer vaccine";

        assertThat(InvisibleCharacters.removeFrom("Pf\u00ADizer\u200B vac\uFEFFcine")).isEqualTo(clean);
        assertThat(InvisibleCharacters.removeFrom(clean)).isSameAs(clean);
    }
}
