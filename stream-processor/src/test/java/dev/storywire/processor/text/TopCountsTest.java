package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopCountsTest {

    @Test
    void shouldKeepEveryKeyWhenThereAreNoMoreThanTheLimit() {
        assertThat(TopCounts.keys(Map.of("a", 1, "b", 5), 2)).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void shouldKeepTheHighestCountsAndBreakTiesAtTheCutOffByKey() {
        Map<String, Integer> counts = Map.of("low", 1, "top", 9, "tie-c", 4, "tie-a", 4, "tie-b", 4, "high", 6);

        assertThat(TopCounts.keys(counts, 4)).containsExactlyInAnyOrder("top", "high", "tie-a", "tie-b");
    }

    @Test
    void shouldChooseWhatAFullSortChoosesWhenMostKeysAreTied() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            Map<String, Integer> counts = new HashMap<>();
            int keys = 1 + random.nextInt(300);
            for (int i = 0; i < keys; i++) {
                // Mostly 1: the candidates that share a single query term.
                counts.put("st-" + Integer.toHexString(random.nextInt(1 << 20)), random.nextInt(10) < 7 ? 1
                        : 1 + random.nextInt(6));
            }
            int limit = 1 + random.nextInt(40);

            List<String> bySort = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .map(Map.Entry::getKey)
                    .toList();

            assertThat(TopCounts.keys(counts, limit)).as("round %d", round).containsExactlyInAnyOrderElementsOf(bySort);
        }
    }
}
