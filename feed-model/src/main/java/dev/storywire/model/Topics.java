package dev.storywire.model;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The pipeline's topics, with default names and typed serdes. */
public final class Topics {

    public static final Serde<String> KEY_SERDE = Serdes.String();
    public static final JsonSerde<Article> ARTICLE_SERDE = JsonSerde.of(Article.class);
    public static final JsonSerde<StoryArticle> STORY_ARTICLE_SERDE = JsonSerde.of(StoryArticle.class);
    public static final JsonSerde<Story> STORY_SERDE = JsonSerde.of(Story.class);

    /** Parsed feed documents keyed by canonical article id. */
    public static final Topic<String, Article> FEED_ARTICLES =
            new Topic<>("feed.articles", KEY_SERDE, ARTICLE_SERDE);

    /** Rejected raw documents keyed by source name; headers say why. */
    public static final Topic<String, byte[]> FEED_DLQ =
            new Topic<>("feed.dlq", KEY_SERDE, Serdes.ByteArray());

    /** One record per unique article and per update, with its story and resolved related coverage. */
    public static final Topic<String, StoryArticle> STORIES_ARTICLES =
            new Topic<>("stories.articles", KEY_SERDE, STORY_ARTICLE_SERDE);

    /** Compacted: the latest version of each story; a tombstone when a story is merged away. */
    public static final Topic<String, Story> STORIES = new Topic<>("stories", KEY_SERDE, STORY_SERDE);

    public static final List<Topic<String, ?>> ALL = List.of(FEED_ARTICLES, FEED_DLQ, STORIES_ARTICLES, STORIES);

    private Topics() {
    }
}
