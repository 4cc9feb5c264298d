package dev.storywire.serve.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Headers;
import dev.storywire.model.Story;
import dev.storywire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class StoryChangeTest {

    private final Map<String, Integer> sizes = new HashMap<>();

    private static ConsumerRecord<String, byte[]> version(String id, int size, long version, long offset) {
        Story story = new Story(id, "Headline", size, List.of(), List.of(), List.of(), Instant.EPOCH, Instant.EPOCH,
                version);
        return new ConsumerRecord<>("stories", 1, offset, id, Topics.STORY_SERDE.serialize("stories", story));
    }

    @Test
    void shouldCallTheFirstVersionCreatedAndALargerOneGrown() {
        assertThat(StoryChange.of(version("st-a", 1, 1, 10), sizes).type()).isEqualTo(ChangeType.CREATED);
        assertThat(StoryChange.of(version("st-a", 2, 2, 11), sizes).type()).isEqualTo(ChangeType.GROWN);
        assertThat(StoryChange.of(version("st-a", 2, 3, 12), sizes).type()).isEqualTo(ChangeType.UPDATED);
    }

    @Test
    void shouldCallAVersionWhosePredecessorItDidNotSeeUpdated() {
        assertThat(StoryChange.of(version("st-b", 5, 9, 3), sizes).type()).isEqualTo(ChangeType.UPDATED);
    }

    @Test
    void shouldReadATombstoneAsMergedIntoTheHeadersSurvivor() {
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>("stories", 2, 40, "st-c", null);
        tombstone.headers().add(Headers.MERGED_INTO, "st-a".getBytes(StandardCharsets.UTF_8));

        StoryChange change = StoryChange.of(tombstone, sizes);

        assertThat(change.type()).isEqualTo(ChangeType.MERGED);
        assertThat(change.mergedInto()).isEqualTo("st-a");
        assertThat(change.partition()).isEqualTo(2);
        assertThat(change.offset()).isEqualTo(40);
    }
}
