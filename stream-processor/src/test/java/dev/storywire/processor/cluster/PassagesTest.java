package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassagesTest {

    @Test
    void shouldKeepPassagesSortedAndDistinct() {
        assertThat(Passages.of(new int[] {5, -3, 5, 9, -3})).isEqualTo(Passages.of(new int[] {-3, 5, 9}));
        assertThat(Passages.of(new int[] {5, -3, 5, 9, -3}).hashes()).containsExactly(-3, 5, 9);
    }

    @Test
    void shouldKeepEveryAddedPassageAndTheLowestEarlierOnesThatFit() {
        Passages earlier = Passages.of(new int[] {1, 2, 3, 4, 10});
        Passages added = Passages.of(new int[] {3, 7});

        assertThat(earlier.plus(added, 4).hashes()).containsExactly(1, 2, 3, 7);
        assertThat(earlier.plus(added, 100).hashes()).containsExactly(1, 2, 3, 4, 7, 10);
        assertThat(earlier.plus(Passages.of(new int[] {8, 9, 11}), 2).hashes()).containsExactly(8, 9);
    }

    @Test
    void shouldAddAsTheFirstDistinctOfTheAddedThenTheEarlierPassages() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            Passages earlier = Passages.of(random.ints(random.nextInt(40), -50, 50).toArray());
            Passages added = Passages.of(random.ints(random.nextInt(20), -50, 50).toArray());
            int max = 1 + random.nextInt(40);

            Set<Integer> expected = new LinkedHashSet<>();
            Arrays.stream(added.hashes()).forEach(expected::add);
            Arrays.stream(earlier.hashes()).forEach(expected::add);
            int[] kept = expected.stream().limit(added.isEmpty() ? Long.MAX_VALUE : max)
                    .mapToInt(Integer::intValue).toArray();

            assertThat(earlier.plus(added, max)).isEqualTo(Passages.of(kept));
        }
    }
}
