package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.processor.text.TopCounts;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HitCountsTest {

    @Test
    void shouldReturnEveryIdWhenNoMoreThanTheLimit() {
        HitCounts hits = new HitCounts(4);
        hits.add("st-b");
        hits.add("st-a");
        hits.add("st-b");

        assertThat(hits.top(2)).containsExactlyInAnyOrder("st-a", "st-b");
    }

    @Test
    void shouldKeepTheMostHitIdsAndBreakTiesById() {
        HitCounts hits = new HitCounts(8);
        for (String id : new String[] {"st-c", "st-c", "st-c", "st-b", "st-b", "st-d", "st-d", "st-a", "st-a", "st-e"}) {
            hits.add(id);
        }

        assertThat(hits.top(3)).containsExactlyInAnyOrder("st-c", "st-a", "st-b");
    }

    @Test
    void shouldCountEveryIdWhateverSizeWasExpected() {
        for (int expected : new int[] {0, 1, Integer.MAX_VALUE}) {
            HitCounts hits = new HitCounts(expected);
            for (int i = 0; i < 5_000; i++) {
                hits.add("st-" + i);
            }
            hits.add("st-7");

            assertThat(hits.top(1)).containsExactly("st-7");
            assertThat(hits.top(5_000)).hasSize(5_000);
        }
    }

    @Test
    void shouldChooseAsTopCountsDoesWhenItGrowsPastItsExpectedSize() {
        Random random = new Random(7);
        for (int round = 0; round < 50; round++) {
            HitCounts hits = new HitCounts(4);
            Map<String, Integer> counts = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                String id = "st-" + random.nextInt(120);
                hits.add(id);
                counts.merge(id, 1, Integer::sum);
            }

            assertThat(hits.top(32)).containsExactlyInAnyOrderElementsOf(TopCounts.keys(counts, 32));
        }
    }
}
