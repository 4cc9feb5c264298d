package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import dev.storywire.processor.text.TopCounts;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    @Test
    void shouldKeepTheStoriesPostedMostRecentlyOldestFirst() {
        TermIndex index = new TermIndex(3);
        for (String story : List.of("s1", "s2", "s3", "s4")) {
            index.add("tesla", story);
        }

        assertThat(index.postings("tesla")).containsExactly("s2", "s3", "s4");
        assertThat(index.topStories(List.of("tesla"), 16)).containsExactlyInAnyOrder("s2", "s3", "s4");
    }

    @Test
    void shouldKeepAStoryInItsPlaceWhenItIsPostedAgain() {
        TermIndex index = new TermIndex(3);
        index.add("tesla", "s1");
        index.add("tesla", "s2");
        index.add("tesla", "s1");
        index.add("tesla", "s3");
        index.add("tesla", "s4");

        assertThat(index.postings("tesla")).containsExactly("s2", "s3", "s4");
    }

    @Test
    void shouldTakeARemovedStoryOutOfEveryPostingItIsIn() {
        TermIndex index = new TermIndex(16);
        index.add("tesla", "s1");
        index.add("battery", "s1");
        index.add("battery", "s2");

        index.remove("s1");

        assertThat(index.postings("tesla")).isEmpty();
        assertThat(index.postings("battery")).containsExactly("s2");
        assertThat(index.terms()).as("terms with postings").isEqualTo(1);
        assertThat(index.stories()).isEqualTo(1);
    }

    @Test
    void shouldForgetAStoryPushedOutOfItsOnlyPosting() {
        TermIndex index = new TermIndex(1);
        index.add("tesla", "s1");
        index.add("tesla", "s2");

        index.remove("s1");

        assertThat(index.postings("tesla")).containsExactly("s2");
        assertThat(index.stories()).as("s1 is posted nowhere").isEqualTo(1);
    }

    @Test
    void shouldIgnoreRemovingAStoryPostedNowhere() {
        TermIndex index = new TermIndex(2);
        index.add("tesla", "s1");

        index.remove("s9");

        assertThat(index.postings("tesla")).containsExactly("s1");
    }

    @Test
    void shouldRejectPostingsWithoutRoom() {
        assertThatThrownBy(() -> new TermIndex(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPostings");
    }

    @Test
    void shouldReturnEveryStoryHitWhenNoMoreThanTheLimit() {
        TermIndex index = new TermIndex(16);
        index.add("tesla", "st-b");
        index.add("tesla", "st-a");
        index.add("battery", "st-b");

        assertThat(index.topStories(List.of("tesla", "battery", "absent"), 2)).containsExactlyInAnyOrder("st-a", "st-b");
    }

    @Test
    void shouldKeepTheStoriesSharingMostTermsAndBreakTiesById() {
        TermIndex index = new TermIndex(16);
        List.of("t1", "t2", "t3").forEach(term -> index.add(term, "st-c"));
        List.of("t1", "t2").forEach(term -> index.add(term, "st-b"));
        List.of("t2", "t3").forEach(term -> index.add(term, "st-d"));
        List.of("t3", "t1").forEach(term -> index.add(term, "st-a"));
        index.add("t1", "st-e");

        assertThat(index.topStories(List.of("t1", "t2", "t3"), 3)).containsExactlyInAnyOrder("st-c", "st-a", "st-b");
        assertThat(index.topStories(List.of("t1", "t2", "t3"), 3)).as("the same again: no hits left over")
                .containsExactlyInAnyOrder("st-c", "st-a", "st-b");
    }

    @Test
    void shouldChooseAsTopCountsDoesOverPostingsThatChange() {
        Random random = new Random(7);
        TermIndex index = new TermIndex(8);
        for (int round = 0; round < 300; round++) {
            for (int i = 0; i < 20; i++) {
                String term = "t" + random.nextInt(40);
                String story = storyId(random.nextInt(150));
                index.add(term, story);
            }
            if (round % 3 == 0) {
                index.remove(storyId(random.nextInt(150)));
            }
            List<String> query = new ArrayList<>(new LinkedHashSet<>(List.of("t" + random.nextInt(40),
                    "t" + random.nextInt(40), "t" + random.nextInt(40), "t" + random.nextInt(40))));
            Map<String, Integer> counts = new HashMap<>();
            for (String term : query) {
                for (String story : index.postings(term)) {
                    counts.merge(story, 1, Integer::sum);
                }
            }

            assertThat(index.topStories(query, 12)).as("round %d", round)
                    .containsExactlyInAnyOrderElementsOf(TopCounts.keys(counts, 12));
        }
    }

    @Test
    void shouldOrderPackedIdsAsTheStringsAre() {
        Random random = new Random(5);
        String alphabet = "0123456789abcdef\u00e9\u0441";
        for (int i = 0; i < 20_000; i++) {
            String a = randomId(random, alphabet);
            String b = randomId(random, alphabet);
            long keyA = TermIndex.sortKey(a);
            long keyB = TermIndex.sortKey(b);
            if (keyA != 0 && keyB != 0 && keyA != keyB) {
                assertThat(Integer.signum(Long.compareUnsigned(keyA, keyB))).as("%s %s", a, b)
                        .isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    /** Ids as the clustering makes them, a few shorter or beyond Latin-1, so that every comparison path is taken. */
    private static String storyId(int n) {
        return switch (n % 10) {
            case 0 -> "st-" + n;
            case 1 -> "\u0441\u0442-" + Integer.toHexString(n * 7919);
            default -> "st-" + String.format("%016x", (long) n * 0x9E3779B97F4A7C15L).substring(0, n % 3 == 0 ? 4 : 16);
        };
    }

    private static String randomId(Random random, String alphabet) {
        StringBuilder id = new StringBuilder("st-");
        for (int i = random.nextInt(12); i > 0; i--) {
            id.append(alphabet.charAt(random.nextInt(random.nextInt(10) == 0 ? alphabet.length() : 4)));
        }
        return id.toString();
    }
}
