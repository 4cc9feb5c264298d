package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Role;
import dev.storywire.model.StoryMember;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoryExpiryIndexTest {

    private static final Instant T0 = Instant.parse("2021-05-18T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    private final InMemoryClusterState.SortedMapTable store = new InMemoryClusterState().expiry();
    private final StoryExpiryIndex index = new StoryExpiryIndex(store, RETENTION);

    private static StoryState story(String id, Instant latestMember) {
        return StoryState.open(id).withMember(new StoryMember(id + "/a", "https://x.example/" + id, "Title", "X",
                latestMember, Role.PRIMARY));
    }

    @Test
    void shouldListLiveStoriesLongestUnchangedFirst() {
        index.add(story("st-new", T0.plusSeconds(60)), T0);
        index.add(story("st-old", T0), T0);

        assertThat(index.live()).containsExactly("st-old", "st-new");
    }

    @Test
    void shouldTakeOutOnlyStoriesUnchangedForTheRetention() {
        index.add(story("st-old", T0), T0);
        index.add(story("st-recent", T0.plus(Duration.ofDays(5))), T0);

        assertThat(index.takeDue(T0.plus(RETENTION).plusSeconds(1))).containsExactly("st-old");
        assertThat(index.live()).containsExactly("st-recent");
    }

    @Test
    void shouldScanAtMostOncePerIntervalOfStreamTime() {
        Instant first = T0.plus(RETENTION).minusSeconds(10);
        assertThat(index.takeDue(first)).isEmpty();
        index.add(story("st-old", T0), T0);

        assertThat(index.takeDue(first.plus(StoryExpiryIndex.SCAN_INTERVAL))).isEmpty();
        assertThat(index.takeDue(first.plus(StoryExpiryIndex.SCAN_INTERVAL).plusMillis(1))).containsExactly("st-old");
    }

    @Test
    void shouldFindAStoryWrittenBelowTheLastCutoff() {
        assertThat(index.takeDue(T0.plus(Duration.ofDays(30)))).isEmpty();
        // A late update keeps a story's time far in the past, below where the last scan ended.
        index.add(story("st-late", T0), T0);

        assertThat(index.takeDue(T0.plus(Duration.ofDays(31)))).containsExactly("st-late");
    }

    @Test
    void shouldRemoveAStoryUnderTheKeyItWasAddedWith() {
        StoryState story = StoryState.open("st-empty");
        index.add(story, T0);
        index.remove(story, T0);

        assertThat(index.live()).isEmpty();
    }
}
