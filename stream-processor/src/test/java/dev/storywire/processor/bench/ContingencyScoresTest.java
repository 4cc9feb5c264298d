package dev.storywire.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storywire.processor.quality.ClusteringScores;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContingencyScoresTest {

    @Test
    void shouldScoreLikeClusteringScoresOverTheItemsBothKnow() {
        Random random = new Random(7);
        Map<String, String> gold = new HashMap<>();
        Map<String, String> predicted = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            gold.put("a" + i, "g" + random.nextInt(150));
            if (random.nextInt(10) > 0) {
                predicted.put("a" + i, "p" + random.nextInt(200));
            }
        }
        predicted.put("only-predicted", "p1");

        assertSameScores(ContingencyScores.of(predicted, gold), ClusteringScores.of(predicted, gold));
    }

    @Test
    void shouldGiveSingletonsFullPrecisionAndPairwiseRecallZero() {
        Map<String, String> gold = Map.of("a", "s1", "b", "s1", "c", "s2", "d", "s3");
        Map<String, String> singletons = Map.of("a", "a", "b", "b", "c", "c", "d", "d");

        ClusteringScores scores = ContingencyScores.of(singletons, gold);

        assertThat(scores.bcubedPrecision()).isEqualTo(1.0);
        assertThat(scores.bcubedRecall()).isCloseTo((0.5 + 0.5 + 1 + 1) / 4, within(1e-12));
        assertThat(scores.pairPrecision()).isEqualTo(1.0);
        assertThat(scores.pairRecall()).isZero();
        assertSameScores(scores, ClusteringScores.of(singletons, gold));
    }

    private static void assertSameScores(ClusteringScores actual, ClusteringScores expected) {
        assertThat(actual.items()).isEqualTo(expected.items());
        assertThat(actual.bcubedPrecision()).isCloseTo(expected.bcubedPrecision(), within(1e-12));
        assertThat(actual.bcubedRecall()).isCloseTo(expected.bcubedRecall(), within(1e-12));
        assertThat(actual.pairPrecision()).isCloseTo(expected.pairPrecision(), within(1e-12));
        assertThat(actual.pairRecall()).isCloseTo(expected.pairRecall(), within(1e-12));
    }
}
