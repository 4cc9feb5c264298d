package dev.storywire.sink;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storywire.model.Json;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns sink records into {@link SinkChange}s. Values are schemaless JSON in any of the shapes Connect's
 * converters hand over: a {@code String} ({@code StringConverter}), a {@code Map} ({@code JsonConverter} with
 * {@code schemas.enable=false}; other JSON values come as {@code List}, {@code Number} or {@code Boolean} and are
 * reported as unreadable) or {@code byte[]} ({@code ByteArrayConverter}).
 */
public final class RecordReader {

    private static final Logger LOG = LoggerFactory.getLogger(RecordReader.class);
    private static final ObjectMapper MAPPER = Json.mapper();

    private final String storiesTopic;
    private final String articlesTopic;

    public RecordReader(String storiesTopic, String articlesTopic) {
        this.storiesTopic = storiesTopic;
        this.articlesTopic = articlesTopic;
    }

    /**
     * The change the record asks for, or empty when it asks for none (a null value on the articles topic).
     *
     * @throws UnreadableRecordException when the key or value cannot be read
     */
    public Optional<SinkChange> read(SinkRecord record) {
        if (storiesTopic.equals(record.topic())) {
            return Optional.of(readStory(record));
        }
        if (articlesTopic.equals(record.topic())) {
            return readArticle(record);
        }
        throw new UnreadableRecordException(record, "topic is neither the stories topic '" + storiesTopic
                + "' nor the articles topic '" + articlesTopic + "'");
    }

    private SinkChange readStory(SinkRecord record) {
        String key = keyOf(record);
        JsonNode tree = tree(record);
        if (tree == null) {
            if (isBlank(key)) {
                throw new UnreadableRecordException(record, "tombstone without a story id key");
            }
            return new SinkChange.StoryTombstone(record, key);
        }
        Story story = convert(record, tree, Story.class);
        String storyId = isBlank(story.storyId()) ? key : story.storyId();
        if (isBlank(storyId)) {
            throw new UnreadableRecordException(record, "story without storyId and without a key");
        }
        if (key != null && !key.equals(storyId)) {
            LOG.warn("Record {} has key '{}' but storyId '{}'; writing it as story '{}'",
                    RecordDescriptions.position(record), key, storyId, storyId);
        }
        if (!storyId.equals(story.storyId())) {
            story = new Story(storyId, story.headline(), story.articleCount(), story.members(), story.providers(),
                    story.topics(), story.firstSeen(), story.lastUpdated(), story.version());
        }
        return new SinkChange.StoryUpsert(record, story);
    }

    private Optional<SinkChange> readArticle(SinkRecord record) {
        JsonNode tree = tree(record);
        if (tree == null) {
            // The processor does not delete articles; an article leaves a story by moving to another one.
            LOG.debug("Skipping null value at {}", RecordDescriptions.position(record));
            return Optional.empty();
        }
        StoryArticle storyArticle = convert(record, tree, StoryArticle.class);
        if (storyArticle.article() == null) {
            throw new UnreadableRecordException(record, "story article without 'article'");
        }
        if (isBlank(storyArticle.storyId())) {
            throw new UnreadableRecordException(record, "story article without 'storyId'");
        }
        if (storyArticle.role() == null) {
            throw new UnreadableRecordException(record, "story article without 'role'");
        }
        if (storyArticle.role() == Role.RELATED) {
            throw new UnreadableRecordException(record,
                    "role 'related' on the articles topic; related rows come from the stories topic");
        }
        String articleId = isBlank(storyArticle.article().id()) ? keyOf(record) : storyArticle.article().id();
        if (isBlank(articleId)) {
            throw new UnreadableRecordException(record, "article without id and without a key");
        }
        return Optional.of(new SinkChange.ArticleUpsert(record, articleId, storyArticle));
    }

    /** The value as a JSON tree, or {@code null} for a null value or a JSON {@code null}. */
    private static JsonNode tree(SinkRecord record) {
        Object value = record.value();
        try {
            JsonNode tree;
            if (value == null) {
                return null;
            } else if (value instanceof String text) {
                tree = MAPPER.readTree(text);
            } else if (value instanceof byte[] bytes) {
                tree = MAPPER.readTree(bytes);
            } else if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof Number
                    || value instanceof Boolean) {
                // JsonConverter (schemas.enable=false) hands over an object as a Map and any other JSON value
                // as List, Number or Boolean; those are reported below as "not an object".
                tree = MAPPER.valueToTree(value);
            } else {
                throw new UnreadableRecordException(record, "value of type " + value.getClass().getName()
                        + " is not schemaless JSON; use StringConverter, or JsonConverter with schemas.enable=false");
            }
            if (tree == null || tree.isMissingNode()) {
                throw new UnreadableRecordException(record, "empty value");
            }
            if (tree.isNull()) {
                return null;
            }
            if (!tree.isObject()) {
                throw new UnreadableRecordException(record, "value is JSON " + tree.getNodeType() + ", not an object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(record, "invalid JSON: " + jsonProblem(e), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableRecordException(record, "invalid JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T convert(SinkRecord record, JsonNode tree, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableRecordException(record, "not a " + type.getSimpleName() + ": " + jsonProblem(e), e);
        } catch (IllegalArgumentException e) {
            throw new UnreadableRecordException(record, "not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Jackson's message on one line, with the position but without its source excerpt. */
    private static String jsonProblem(JsonProcessingException e) {
        String problem = e.getOriginalMessage().replace('\n', ' ');
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 0
                ? problem
                : problem + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String keyOf(SinkRecord record) {
        Object key = record.key();
        if (key == null) {
            return null;
        }
        return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
