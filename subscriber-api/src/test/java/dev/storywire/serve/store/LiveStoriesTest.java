package dev.storywire.serve.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Story;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveStoriesTest {

    private final LiveStories live = new LiveStories();

    private static Story story(String id, String lastUpdated, String topic) {
        Instant at = lastUpdated == null ? null : Instant.parse(lastUpdated);
        return new Story(id, "Headline " + id, 1, List.of(), List.of("AP"), List.of(topic), at, at, 1);
    }

    private List<String> ids(String topic, int limit) {
        return live.newestFirst(s -> topic == null || s.topics().contains(topic), limit).stream()
                .map(Story::storyId).toList();
    }

    @Test
    void shouldListNewestUpdatedFirstWithUndatedStoriesLast() {
        live.put(story("st-a", "2021-03-01T00:00:00Z", "AI"));
        live.put(story("st-b", null, "AI"));
        live.put(story("st-c", "2021-03-05T00:00:00Z", "AI"));

        assertThat(ids(null, 10)).containsExactly("st-c", "st-a", "st-b");
    }

    @Test
    void shouldMoveAStoryWhenANewVersionIsNewer() {
        live.put(story("st-a", "2021-03-01T00:00:00Z", "AI"));
        live.put(story("st-c", "2021-03-05T00:00:00Z", "AI"));

        live.put(story("st-a", "2021-03-09T00:00:00Z", "AI"));

        assertThat(ids(null, 10)).containsExactly("st-a", "st-c");
        assertThat(live.size()).isEqualTo(2);
    }

    @Test
    void shouldStopAtTheLimitOfMatchesAndForgetRemovedStories() {
        live.put(story("st-a", "2021-03-01T00:00:00Z", "AI"));
        live.put(story("st-b", "2021-03-02T00:00:00Z", "Robotics"));
        live.put(story("st-c", "2021-03-03T00:00:00Z", "AI"));
        live.put(story("st-d", "2021-03-04T00:00:00Z", "AI"));

        live.remove("st-d");

        assertThat(ids("AI", 1)).containsExactly("st-c");
        assertThat(ids("AI", 10)).containsExactly("st-c", "st-a");
    }
}
