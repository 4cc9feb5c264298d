package dev.storywire.app;

import dev.storywire.model.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when missing; existing topics are left as they are (with a warning when they break
 * the timestamp rule).
 *
 * <p><b>The timestamp rule</b> (the one place it is set; docs/ops.md explains it): every topic storywire writes,
 * its own and the processor's internal ones, has {@code message.timestamp.type=LogAppendTime}. The broker stamps
 * each record with the time it was written, so time-based retention counts from when a record entered Kafka, never
 * from when the news it carries was published: a backlog of year-old articles is kept for the full
 * {@code retention.ms} after it was ingested or processed, and lag in seconds is time spent waiting in Kafka. The
 * clustering's event time does not come from record timestamps: the processor reads {@code publishedDateTime} from
 * the article itself ({@code ArticleTimestampExtractor}, and the clustering step reads the payload too).
 */
final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    /** Enough partitions to show parallelism locally; a real cluster sizes them itself (see README). */
    static final int DEFAULT_PARTITIONS = 3;
    /** The timestamp rule: the broker's append time, never the producer's (publish) time. */
    static final String TIMESTAMP_TYPE = "LogAppendTime";
    static final Map<String, String> TIMESTAMP_RULE = Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TIMESTAMP_TYPE);

    private TopicSetup() {
    }

    static List<NewTopic> pipelineTopics(int partitions) {
        // Replication factor left to the broker default, so the same code suits 1 node and 3.
        Map<String, String> compacted = new HashMap<>(TIMESTAMP_RULE);
        // Latest version of each story; tombstones remove merged-away stories.
        compacted.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        return List.of(
                topic(Topics.FEED_ARTICLES.name(), partitions),
                topic(Topics.FEED_DLQ.name(), 1),
                topic(Topics.STORIES_ARTICLES.name(), partitions),
                new NewTopic(Topics.STORIES.name(), Optional.of(partitions), Optional.empty()).configs(compacted));
    }

    /** A topic following the timestamp rule, with the broker's default replication factor. */
    static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(TIMESTAMP_RULE);
    }

    /**
     * Applies the timestamp rule to the topics Kafka Streams creates (the repartition topic in front of the
     * clustering and the changelogs): {@code topic.}-prefixed settings go to every internal topic it creates. Set
     * before the user's own settings, which may override it.
     */
    static Properties withTimestampRule(Properties streams) {
        TIMESTAMP_RULE.forEach((key, value) -> streams.put(StreamsConfig.topicPrefix(key), value));
        return streams;
    }

    static void createMissing(Admin admin, List<NewTopic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            warnAboutPublishTimeTopics(admin, topics.stream().map(NewTopic::name)
                    .filter(existing::contains).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Topics created before the rule (or by hand without it) lose old news to retention: say how to fix them. */
    private static void warnAboutPublishTimeTopics(Admin admin, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            configs.forEach((resource, config) -> {
                var type = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
                if (type != null && !TIMESTAMP_TYPE.equals(type.value())) {
                    log.warn("Topic {} has {}={}: retention counts from the records' own (publish) time, so old "
                            + "news can be deleted before it is read. Fix: kafka-configs.sh --bootstrap-server HOST:PORT"
                            + " --alter --entity-type topics --entity-name {} --add-config {}={}", resource.name(),
                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, type.value(), resource.name(),
                            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, TIMESTAMP_TYPE);
                }
            });
        } catch (ExecutionException e) {
            // Not allowed to describe configs: the check is advice only.
            log.debug("Cannot check the timestamp type of {}: {}", names, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
