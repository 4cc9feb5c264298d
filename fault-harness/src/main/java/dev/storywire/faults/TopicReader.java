package dev.storywire.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storywire.faults.PipelineContents.ArticleRow;
import dev.storywire.faults.PipelineContents.StoryRow;
import dev.storywire.model.Json;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryMember;
import dev.storywire.model.Topics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The latest record per key of {@code stories} and {@code stories.articles}, read from the beginning with a
 * {@code read_committed} consumer (what the exactly-once processor committed, nothing it aborted).
 */
public final class TopicReader {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = Json.mapper();

    private TopicReader() {
    }

    public static PipelineContents read(String bootstrapServers) {
        Map<String, byte[]> stories = latestPerKey(bootstrapServers, Topics.STORIES.name());
        Map<String, byte[]> articles = latestPerKey(bootstrapServers, Topics.STORIES_ARTICLES.name());
        List<StoryRow> storyRows = new ArrayList<>();
        Map<String, List<String>> members = new HashMap<>();
        stories.forEach((id, value) -> {
            Story story = parse(value, Story.class, Topics.STORIES.name(), id);
            storyRows.add(new StoryRow(story.storyId(), story.articleCount(), story.version()));
            members.put(story.storyId(), story.members().stream()
                    .filter(m -> m.role() == Role.PRIMARY || m.role() == Role.SYNDICATED)
                    .map(StoryMember::articleId).toList());
        });
        List<ArticleRow> articleRows = new ArrayList<>();
        articles.forEach((id, value) -> {
            StoryArticle article = parse(value, StoryArticle.class, Topics.STORIES_ARTICLES.name(), id);
            articleRows.add(new ArticleRow(id, article.storyId(), article.role().wireName()));
        });
        return new PipelineContents(articleRows, storyRows, members);
    }

    private static <T> T parse(byte[] value, Class<T> type, String topic, String key) {
        try {
            return JSON.readValue(value, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the record of key " + key + " on " + topic + ": "
                    + e.getMessage(), e);
        }
    }

    /** Latest value per key; a tombstone removes the key. */
    static Map<String, byte[]> latestPerKey(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        Map<String, byte[]> latest = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // read_committed: the end offsets are the last stable offsets.
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (!reachedEnd(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("cannot read " + topic + " to its end within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(record.key(), record.value());
                    }
                }
            }
        }
        return latest;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
