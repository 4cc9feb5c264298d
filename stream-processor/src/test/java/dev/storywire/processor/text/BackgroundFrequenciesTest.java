package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundFrequenciesTest {

    @Test
    void shouldShipATableWithDocumentsAndTerms() {
        BackgroundFrequencies shipped = BackgroundFrequencies.shipped();

        assertThat(shipped.documentCount()).isGreaterThan(200);
        assertThat(shipped.documentFrequency("amazon")).isGreaterThan(1);
        assertThat(shipped.documentFrequency("no-such-term")).isZero();
    }

    @Test
    void shouldRoundTripTheBuilderFormat() throws IOException {
        String table = BackgroundFrequenciesBuilder.table(List.of("Amazon extends ban", "Amazon bans", "Nvidia chips"));

        BackgroundFrequencies parsed = BackgroundFrequencies.parse(new BufferedReader(new StringReader(table)), "test");

        assertThat(parsed.documentCount()).isEqualTo(3);
        assertThat(parsed.documentFrequency("amazon")).isEqualTo(2);
        assertThat(parsed.documentFrequency("ban")).isEqualTo(2);
        assertThat(parsed.documentFrequency("nvidia")).as("below the minimum document frequency").isZero();
    }
}
