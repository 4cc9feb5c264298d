package dev.storywire.ingest;

import dev.storywire.model.Topics;
import java.util.Map;

/**
 * Where and how the {@link FeedPublisher} writes.
 *
 * @param bootstrapServers the cluster, {@code host:port[,host:port...]}
 * @param producerOverrides producer settings that replace the defaults of {@link ProducerSettings#effective}
 *     (security settings, timeouts, tuning)
 * @param articlesTopic topic for parsed articles, {@code feed.articles} by default
 * @param dlqTopic topic for rejected documents, {@code feed.dlq} by default
 */
public record PublisherConfig(
        String bootstrapServers, Map<String, Object> producerOverrides, String articlesTopic, String dlqTopic) {

    public PublisherConfig {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must be given, e.g. localhost:9092");
        }
        producerOverrides = producerOverrides == null ? Map.of() : Map.copyOf(producerOverrides);
        articlesTopic = articlesTopic == null ? Topics.FEED_ARTICLES.name() : articlesTopic;
        dlqTopic = dlqTopic == null ? Topics.FEED_DLQ.name() : dlqTopic;
    }

    /** Default topics and producer settings. */
    public static PublisherConfig of(String bootstrapServers) {
        return new PublisherConfig(bootstrapServers, Map.of(), null, null);
    }

    public PublisherConfig withOverrides(Map<String, ?> overrides) {
        return new PublisherConfig(bootstrapServers, Map.<String, Object>copyOf(overrides), articlesTopic, dlqTopic);
    }

    public PublisherConfig withTopics(String articles, String dlq) {
        return new PublisherConfig(bootstrapServers, producerOverrides, articles, dlq);
    }

    /** The full producer configuration. */
    public Map<String, Object> producerConfig() {
        return ProducerSettings.effective(bootstrapServers, producerOverrides);
    }

    @Override
    public String toString() {
        return "PublisherConfig[bootstrapServers=" + bootstrapServers + ", articlesTopic=" + articlesTopic
                + ", dlqTopic=" + dlqTopic + ", producerOverrides=" + ProducerSettings.masked(producerOverrides) + "]";
    }
}
