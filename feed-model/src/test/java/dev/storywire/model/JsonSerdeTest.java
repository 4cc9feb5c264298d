package dev.storywire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    @Test
    void shouldRoundTripAnArticleWithUnknownFieldsKept() {
        Article article = new Article("example.com/a", "Title", "Excerpt", Instant.parse("2021-05-18T19:18:00Z"),
                "https://example.com/a", null, null, null, "article", "news", 39, -1, false,
                new Provider("Example", "example.com", List.of()), List.of("AI"),
                List.of(new Image("https://example.com/i.jpg", 10, 20, true)),
                List.of(new RelatedItem("example.org/b", "B", null, null, "https://example.org/b", null, null, null,
                        null, 3, null)),
                "opaque", Map.of("newField", "kept"), "seed.txt", "abc", Instant.EPOCH);

        byte[] json = Topics.ARTICLE_SERDE.serialize("t", article);
        Article back = Topics.ARTICLE_SERDE.deserialize("t", json);

        assertThat(back).isEqualTo(article);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"publishedDateTime\":\"2021-05-18T19:18:00Z\"");
    }

    @Test
    void shouldPassTombstonesThrough() {
        assertThat(Topics.STORY_SERDE.serialize("stories", null)).isNull();
        assertThat(Topics.STORY_SERDE.deserialize("stories", null)).isNull();
    }

    @Test
    void shouldNameTopicAndValueWhenJsonIsBroken() {
        assertThatThrownBy(() -> Topics.STORY_SERDE.deserialize("stories", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("stories")
                .hasMessageContaining("{not json");
    }

    @Test
    void shouldWriteRolesInLowerCase() {
        byte[] json = Topics.STORY_ARTICLE_SERDE.serialize("t", new StoryArticle("st-1", Role.PRIMARY, null, null));
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"role\":\"primary\"");
    }
}
