package dev.storywire.processor.cluster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.model.JsonSerde;
import dev.storywire.model.Role;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.cluster.Passages;
import dev.storywire.processor.cluster.StoryState;
import dev.storywire.processor.text.TermCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StoryStateSerdeTest {

    private static final String TOPIC = "cluster-stories";

    private final StoryStateSerde serde = new StoryStateSerde();

    private static StoryState story() {
        return StoryState.open("st-1")
                .withMember(new StoryMember("a.example/1", "https://a.example/1", "Nvidia ships AI Enterprise",
                        "A News", Instant.parse("2021-03-09T10:15:30.123456789Z"), Role.PRIMARY))
                .withMember(new StoryMember("b.example/2", null, "Nvidia AI Enterprise – für vSphere", null, null,
                        Role.RELATED))
                .withTerms(TermCounts.of(Map.of("nvidia", 4, "enterpris", 2, "vspher", 1)))
                .withTitleTerms(TermCounts.of(Map.of("nvidia", 1, "enterpris", 1)))
                .withTopics(List.of("AI", "Chips"))
                .withLead("nvidia")
                .withPassages(Passages.of(new int[] {42, -7, 1_000_000}))
                .nextVersion()
                .withIndexed(true);
    }

    @Test
    void shouldReadBackWhatItWrote() {
        StoryState story = story();

        StoryState read = serde.deserialize(TOPIC, serde.serialize(TOPIC, story));

        assertThat(read).isEqualTo(story);
        assertThat(read.members().get(0).publishedAt()).isEqualTo(Instant.parse("2021-03-09T10:15:30.123456789Z"));
        assertThat(read.published()).isEqualTo(story.published());
        assertThat(read.leadHashes()).isEqualTo(story.leadHashes());
    }

    @Test
    void shouldReadAnEmptyStory() {
        StoryState open = StoryState.open("st-empty");

        assertThat(serde.deserialize(TOPIC, serde.serialize(TOPIC, open))).isEqualTo(open);
    }

    @Test
    void shouldKeepAStubSmall() {
        StoryState stub = story().nextVersion().nextVersion().stub();

        byte[] bytes = serde.serialize(TOPIC, stub);

        assertThat(serde.deserialize(TOPIC, bytes)).isEqualTo(stub);
        assertThat(stub.version()).isEqualTo(story().version() + 2);
        assertThat(bytes.length).isLessThan(64);
    }

    @Test
    void shouldReadStatesWrittenAsJsonBefore() {
        StoryState story = story();
        byte[] json = JsonSerde.of(StoryState.class).serialize(TOPIC, story);

        assertThat(serde.deserialize(TOPIC, json)).isEqualTo(story);
    }

    @Test
    void shouldWriteFewerBytesThanJson() {
        StoryState story = story();

        assertThat(serde.serialize(TOPIC, story).length)
                .isLessThan(JsonSerde.of(StoryState.class).serialize(TOPIC, story).length);
    }

    @Test
    void shouldPassTombstonesThrough() {
        assertThat(serde.serialize(TOPIC, null)).isNull();
        assertThat(serde.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldNameTheTopicWhenTheBytesAreNotAStoryState() {
        byte[] cut = java.util.Arrays.copyOf(serde.serialize(TOPIC, story()), 20);

        assertThatThrownBy(() -> serde.deserialize(TOPIC, cut))
                .isInstanceOf(SerializationException.class).hasMessageContaining(TOPIC);
        assertThatThrownBy(() -> serde.deserialize(TOPIC, new byte[] {7, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format byte 7");
    }
}
