package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermIndexTest {

    @Test
    void shouldKeepTheStoriesPostedMostRecentlyOldestFirst() {
        TermIndex index = new TermIndex(3);
        for (String story : List.of("s1", "s2", "s3", "s4")) {
            index.add("tesla", story);
        }

        assertThat(index.postings("tesla")).containsExactly("s2", "s3", "s4");
        assertThat(stories(index, "tesla")).containsExactly("s2", "s3", "s4");
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

    private static List<String> stories(TermIndex index, String term) {
        List<String> seen = new ArrayList<>();
        index.forEachStory(term, seen::add);
        return seen;
    }
}
