package dev.storywire.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storywire.model.Article;
import dev.storywire.model.Json;
import dev.storywire.model.Provider;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryMember;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/** Story and article values as the stream processor writes them, and records carrying them. */
final class Fixtures {

    static final String STORIES = "stories";
    static final String ARTICLES = "stories.articles";
    static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    private Fixtures() {
    }

    static Article article(String id, String title, String webUrl, String provider, Instant published) {
        return new Article(id, title, "Excerpt of " + title, published, webUrl, null, null, null, "article",
                "news", 80, 10, true, new Provider(provider, provider.toLowerCase() + ".example", null),
                List.of("ai"), null, null, null, null, "test", "hash-" + id, published);
    }

    static StoryArticle storyArticle(String storyId, Role role, Article article, ResolvedRelated... related) {
        return new StoryArticle(storyId, role, article, List.of(related));
    }

    static StoryMember member(String articleId, Role role, Instant published) {
        return new StoryMember(articleId, "https://" + articleId, "Title " + articleId, "Provider", published, role);
    }

    static Story story(String storyId, long version, StoryMember... members) {
        List<StoryMember> list = List.of(members);
        int primaries = (int) list.stream().filter(m -> m.role() == Role.PRIMARY).count();
        Instant first = list.stream().map(StoryMember::publishedAt).min(Instant::compareTo).orElse(T0);
        Instant last = list.stream().map(StoryMember::publishedAt).max(Instant::compareTo).orElse(T0);
        return new Story(storyId, "Headline of " + storyId + " v" + version, primaries, list,
                List.of("Provider"), List.of("ai", "chips"), first, last, version);
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record as StringConverter hands it over: String key, String value. */
    static SinkRecord record(String topic, int partition, long offset, Object key, Object value) {
        return new SinkRecord(topic, partition, null, key, null, value, offset);
    }

    static SinkRecord storyRecord(long offset, Story story) {
        return record(STORIES, 0, offset, story.storyId(), json(story));
    }

    static SinkRecord tombstone(long offset, String storyId) {
        return record(STORIES, 0, offset, storyId, null);
    }

    static SinkRecord articleRecord(long offset, StoryArticle storyArticle) {
        return record(ARTICLES, 0, offset, storyArticle.article().id(), json(storyArticle));
    }
}
