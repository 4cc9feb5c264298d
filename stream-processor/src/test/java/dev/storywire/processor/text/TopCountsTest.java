package dev.storywire.processor.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
}
