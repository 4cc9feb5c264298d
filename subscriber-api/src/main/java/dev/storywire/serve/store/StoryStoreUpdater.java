package dev.storywire.serve.store;

import dev.storywire.model.Headers;
import dev.storywire.model.Story;
import dev.storywire.model.StoryMember;
import dev.storywire.model.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link StoryViews#STORIES_STORE}: a story version replaces the entry; a tombstone turns it into a
 * merged-away entry naming the survivor (header {@code storywire.merged-into}) and the former members. An unreadable
 * value is logged with its position and skipped: one bad record must not stop every query.
 */
final class StoryStoreUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger log = LoggerFactory.getLogger(StoryStoreUpdater.class);

    private final LiveStories live;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, StoryEntry> stories;

    StoryStoreUpdater(LiveStories live) {
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.stories = context.getStateStore(StoryViews.STORIES_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            log.warn("Skipping a record without a story id at {}", position());
            return;
        }
        if (record.value() == null) {
            StoryEntry previous = stories.get(record.key());
            var members = previous == null || previous.story() == null ? java.util.List.<String>of()
                    : previous.story().members().stream().map(StoryMember::articleId).toList();
            stories.put(record.key(), new StoryEntry(null, mergedInto(record), members));
            live.remove(record.key());
            return;
        }
        try {
            Story story = Topics.STORY_SERDE.deserialize(context.recordMetadata().map(m -> m.topic()).orElse(""),
                    record.value());
            stories.put(record.key(), StoryEntry.live(story));
            live.put(story);
        } catch (SerializationException e) {
            log.warn("Skipping unreadable story '{}' at {}: {}", record.key(), position(), e.getMessage());
        }
    }

    private static String mergedInto(Record<String, byte[]> record) {
        Header header = record.headers().lastHeader(Headers.MERGED_INTO);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private String position() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }
}
