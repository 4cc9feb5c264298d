package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TermHashesTest {

    @Test
    void shouldAdmitEveryTermOfTheSet() {
        List<String> terms = randomTerms(200, new Random(7));
        TermHashes hashes = TermHashes.of(terms);

        assertThat(terms).allMatch(term -> hashes.mayContain(term.hashCode()));
    }

    @Test
    void shouldRuleOutTermsNotInTheSet() {
        TermHashes hashes = TermHashes.of(Set.of("xapp", "achiev", "aws"));

        assertThat(hashes.mayContain("electrifai".hashCode())).isFalse();
        assertThat(hashes.mayContain("compet".hashCode())).isFalse();
    }

    @Test
    void shouldKeepTheZeroHashApart() {
        assertThat(TermHashes.of(Set.of("", "aws")).mayContain(0)).isTrue();
        assertThat(TermHashes.of(Set.of("aws")).mayContain(0)).isFalse();
    }

    @Test
    void shouldHandleAnEmptySet() {
        assertThat(TermHashes.of(Set.of()).mayContain("aws".hashCode())).isFalse();
    }

    private static List<String> randomTerms(int count, Random random) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder term = new StringBuilder();
            for (int c = 0; c < 3 + random.nextInt(8); c++) {
                term.append((char) ('a' + random.nextInt(26)));
            }
            terms.add(term.toString());
        }
        return terms;
    }
}
