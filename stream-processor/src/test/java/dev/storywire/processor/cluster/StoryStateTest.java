package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.JsonSerde;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoryStateTest {

    private final JsonSerde<StoryState> serde = JsonSerde.of(StoryState.class);

    @Test
    void shouldKeepTheLeadHashesInTheLeadsOrder() {
        StoryState story = StoryState.open("st-1").withLead("xapp").withLead("amazon");

        assertThat(story.leadHashes().size()).isEqualTo(2);
        assertThat(story.leadHashes().get(0)).isEqualTo("xapp".hashCode());
        assertThat(story.leadHashes().get(1)).isEqualTo("amazon".hashCode());
    }

    @Test
    void shouldDeriveTheLeadHashesAgainWhenReadAndNotStoreThem() {
        StoryState story = StoryState.open("st-1").withLead("xapp").withLead("amazon");

        byte[] stored = serde.serialize("cluster-stories", story);
        StoryState read = serde.deserialize("cluster-stories", stored);

        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("leadHashes");
        assertThat(read.leads()).containsExactly("xapp", "amazon");
        assertThat(read).isEqualTo(story);
    }
}
