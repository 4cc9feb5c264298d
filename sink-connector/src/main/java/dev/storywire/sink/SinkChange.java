package dev.storywire.sink;

import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import org.apache.kafka.connect.sink.SinkRecord;

/** What one sink record asks of the database. */
public sealed interface SinkChange {

    /** The record the change was read from, for error messages. */
    SinkRecord record();

    /** A story's latest state from the {@code stories} topic. */
    record StoryUpsert(SinkRecord record, Story story) implements SinkChange {
    }

    /** A tombstone on the {@code stories} topic: the story was merged into another. */
    record StoryTombstone(SinkRecord record, String storyId) implements SinkChange {
    }

    /** An article of a story (role primary or syndicated) from the {@code stories.articles} topic. */
    record ArticleUpsert(SinkRecord record, String articleId, StoryArticle storyArticle) implements SinkChange {
    }
}
