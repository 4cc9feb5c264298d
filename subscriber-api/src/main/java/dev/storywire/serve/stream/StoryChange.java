package dev.storywire.serve.stream;

import dev.storywire.model.Headers;
import dev.storywire.model.Story;
import dev.storywire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of the {@code stories} topic as an event of the stream.
 *
 * @param story the new version; {@code null} for {@link ChangeType#MERGED}
 * @param mergedInto the surviving story of a merge, when the tombstone named it
 */
public record StoryChange(int partition, long offset, String storyId, ChangeType type, Story story,
        String mergedInto) {

    /**
     * Reads a record; {@code previousSize} gives the article count of the story's previous version this reader saw,
     * or null when it saw none, and learns the new one.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the value is not a Story
     */
    public static StoryChange of(ConsumerRecord<String, byte[]> record, Map<String, Integer> previousSize) {
        if (record.value() == null) {
            previousSize.remove(record.key());
            Header header = record.headers().lastHeader(Headers.MERGED_INTO);
            String survivor = header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
            return new StoryChange(record.partition(), record.offset(), record.key(), ChangeType.MERGED, null,
                    survivor);
        }
        Story story = Topics.STORY_SERDE.deserialize(record.topic(), record.value());
        Integer before = previousSize.put(record.key(), story.articleCount());
        return new StoryChange(record.partition(), record.offset(), record.key(), classify(story, before), story,
                null);
    }

    static ChangeType classify(Story story, Integer sizeBefore) {
        if (story.version() <= 1) {
            return ChangeType.CREATED;
        }
        if (sizeBefore == null) {
            return ChangeType.UPDATED;
        }
        return story.articleCount() > sizeBefore ? ChangeType.GROWN : ChangeType.UPDATED;
    }

}
