package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.JsonSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TermCountsTest {

    @Test
    void shouldKeepTheMostFrequentTermsWhenBounded() {
        TermCounts bounded = TermCounts.of(Map.of("a1", 5, "b1", 1)).plus(TermCounts.of(Map.of("c1", 3)), 2);

        assertThat(bounded.asMap()).containsOnlyKeys("a1", "c1");
    }

    @Test
    void shouldBreakTiesAtTheBoundByTerm() {
        TermCounts bounded = TermCounts.of(Map.of("zeta", 2, "delta", 1, "alpha", 1))
                .plus(TermCounts.of(Map.of("beta", 1)), 3);

        assertThat(bounded.asMap()).containsOnly(Map.entry("zeta", 2), Map.entry("alpha", 1), Map.entry("beta", 1));
    }

    @Test
    void shouldSumCountsOfSharedTerms() {
        assertThat(TermCounts.of(Map.of("a1", 2)).plus(TermCounts.of(Map.of("a1", 3, "b1", 1)), 10).asMap())
                .containsOnly(Map.entry("a1", 5), Map.entry("b1", 1));
    }

    @Test
    void shouldFindTermsThatShareAHashCode() {
        // "Aa" and "BB" have the same hash code.
        TermCounts counts = TermCounts.of(Map.of("Aa", 1, "BB", 2, "cc", 3));

        assertThat(counts.count("Aa")).isEqualTo(1);
        assertThat(counts.count("BB")).isEqualTo(2);
        assertThat(counts.count("cc")).isEqualTo(3);
        assertThat(counts.contains("dd")).isFalse();
        assertThat(counts.mayContainHash("Aa".hashCode())).isTrue();
        assertThat(counts.mayContainHash("dd".hashCode())).isFalse();
        assertThat(counts.plus(TermCounts.of(Map.of("BB", 1, "Aa", 4)), 10).asMap())
                .containsOnly(Map.entry("Aa", 5), Map.entry("BB", 3), Map.entry("cc", 3));
    }

    @Test
    void shouldAddAndBoundAsMapsDoOnRandomCounts() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> base = randomCounts(random);
            Map<String, Integer> added = randomCounts(random);
            int max = 1 + random.nextInt(40);

            Map<String, Integer> expected = new HashMap<>(base);
            added.forEach((term, count) -> expected.merge(term, count, Integer::sum));
            Map<String, Integer> bounded = new HashMap<>();
            TopCounts.keys(expected, max).forEach(term -> bounded.put(term, expected.get(term)));

            TermCounts sum = TermCounts.of(base).plus(TermCounts.of(added), max);
            assertThat(sum.asMap()).as("round %d", round).isEqualTo(bounded);
            assertThat(sum).isEqualTo(TermCounts.of(bounded));
            for (int i = 1; i < sum.size(); i++) {
                assertThat(sum.hash(i)).isGreaterThanOrEqualTo(sum.hash(i - 1));
            }
        }
    }

    @Test
    void shouldReadBackWhatItWritesAsAJsonObject() {
        Serde<Holder> serde = JsonSerde.of(Holder.class);
        Holder holder = new Holder(TermCounts.of(Map.of("vaccin", 3, "pfizer", 1)));

        byte[] json = serde.serializer().serialize("t", holder);

        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"vaccin\":3").contains("\"pfizer\":1");
        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(holder);
        assertThat(serde.deserializer().deserialize("t", "{\"counts\":{}}".getBytes()).counts())
                .isEqualTo(TermCounts.EMPTY);
    }

    @Test
    void shouldReadJsonInAnyOrderAndWithRepeatedTermsAsAMapWould() {
        Serde<Holder> serde = JsonSerde.of(Holder.class);
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            Map<String, Integer> counts = randomCounts(random);
            List<String> order = new ArrayList<>(counts.keySet());
            java.util.Collections.shuffle(order, random);
            StringBuilder json = new StringBuilder("{\"counts\":{");
            Map<String, Integer> expected = new HashMap<>(counts);
            for (String term : order) {
                json.append('"').append(term).append("\":").append(counts.get(term)).append(',');
            }
            if (!order.isEmpty() && random.nextBoolean()) {
                // A repeated term: the last value wins, as in a map.
                json.append('"').append(order.get(0)).append("\":7,");
                expected.put(order.get(0), 7);
            }
            String text = (json.charAt(json.length() - 1) == ',' ? json.substring(0, json.length() - 1) : json) + "}}";

            Holder read = serde.deserializer().deserialize("t", text.getBytes());
            Holder again = serde.deserializer().deserialize("t", serde.serializer().serialize("t", read));

            assertThat(read.counts()).isEqualTo(TermCounts.of(expected));
            assertThat(read.counts().asMap()).isEqualTo(TermCounts.of(expected).asMap());
            assertThat(again.counts()).isEqualTo(read.counts());
            for (int i = 1; i < again.counts().size(); i++) {
                assertThat(again.counts().hash(i)).isGreaterThanOrEqualTo(again.counts().hash(i - 1));
            }
        }
    }

    record Holder(TermCounts counts) {
    }

    private static Map<String, Integer> randomCounts(Random random) {
        Map<String, Integer> counts = new HashMap<>();
        int size = random.nextInt(60);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            terms.add("t" + random.nextInt(80));
        }
        terms.forEach(term -> counts.merge(term, 1 + random.nextInt(4), Integer::sum));
        return counts;
    }
}
