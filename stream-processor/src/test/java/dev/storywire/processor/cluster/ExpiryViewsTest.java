package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import dev.storywire.model.JsonSerde;
import dev.storywire.model.RelatedItem;
import dev.storywire.model.Role;
import dev.storywire.model.StoryMember;
import dev.storywire.model.Topics;
import dev.storywire.processor.TestArticles;
import dev.storywire.processor.text.ContentFingerprints;
import dev.storywire.processor.text.TermCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpiryViewsTest {

    private static final Instant T0 = Instant.parse("2021-05-18T12:00:00Z");

    @Test
    void shouldReadAStoredStoryAsTheSameStateWithoutItsTermVectors() {
        StoryState story = StoryState.open("st-1")
                .withMember(new StoryMember("a.example/1", "https://a.example/1", "Amazon extends moratorium",
                        "a.example", T0, Role.PRIMARY))
                .withMember(new StoryMember("b.example/2", "https://b.example/2", "Moratorium extended", "b.example",
                        T0.plusSeconds(60), Role.SYNDICATED))
                .withTerms(TermCounts.of(Map.of("amazon", 4, "moratorium", 7)))
                .withTitleTerms(TermCounts.of(Map.of("moratorium", 2)))
                .withTopics(List.of("AI"))
                .withLead("amazon")
                .withIndexed(true)
                .nextVersion();
        byte[] stored = JsonSerde.of(StoryState.class).serialize("cluster-stories", story);

        StoryState read = ExpiryViews.STORY_WITHOUT_TERMS.deserialize("cluster-stories", stored);

        assertThat(read).isEqualTo(story.withTerms(TermCounts.EMPTY).withTitleTerms(TermCounts.EMPTY));
        assertThat(ExpiryViews.STORY_WITHOUT_TERMS.deserialize("cluster-stories", null)).isNull();
    }

    @Test
    void shouldReadAStoredArticleAsItsFingerprintsAndRelatedIds() {
        Article listed = TestArticles.article("https://x.example/listed", "Chipmaker posts record revenue", "", T0);
        RelatedItem withoutId = new RelatedItem(null, "Chip revenue", null, T0, "https://www.y.example/chips?utm=x",
                null, null, "article", null, null, List.of());
        RelatedItem withoutUrl = new RelatedItem(null, "No link", null, T0, null, null, null, "article", null, null,
                List.of());
        Article article = TestArticles.article("https://a.example/1",
                "Amazon extends moratorium on police use of facial recognition software",
                "Amazon said on Tuesday it would extend its moratorium on police use of its facial recognition software "
                        + "until further notice, a year after it first paused sales",
                T0, TestArticles.relatedTo(listed), withoutId, withoutUrl);
        byte[] stored = Topics.ARTICLE_SERDE.serializer().serialize("cluster-articles", article);

        ExpiryViews.ArticleIndexKeys keys = ExpiryViews.ARTICLE_INDEX_KEYS.deserialize("cluster-articles", stored);

        assertThat(keys).isEqualTo(ExpiryViews.ArticleIndexKeys.of(article));
        assertThat(keys.fingerprints()).hasSize(2)
                .isEqualTo(ContentFingerprints.of(article.title(), article.excerpt()));
        assertThat(keys.relatedIds()).containsExactly(listed.id(), RelatedIds.of(withoutId), null);
        assertThat(RelatedIds.of(withoutId)).isNotNull();
    }
}
