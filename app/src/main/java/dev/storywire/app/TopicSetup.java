package dev.storywire.app;

import dev.storywire.model.Topics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics when missing; existing topics are left as they are. */
final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    /** Enough partitions to show parallelism locally; a real cluster sizes them itself (see README). */
    static final int DEFAULT_PARTITIONS = 3;

    private TopicSetup() {
    }

    static List<NewTopic> pipelineTopics(int partitions) {
        // Replication factor left to the broker default, so the same code suits 1 node and 3.
        return List.of(
                new NewTopic(Topics.FEED_ARTICLES.name(), Optional.of(partitions), Optional.empty()),
                new NewTopic(Topics.FEED_DLQ.name(), Optional.of(1), Optional.empty()),
                new NewTopic(Topics.STORIES_ARTICLES.name(), Optional.of(partitions), Optional.empty()),
                new NewTopic(Topics.STORIES.name(), Optional.of(partitions), Optional.empty())
                        // Latest version of each story; tombstones remove merged-away stories.
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    static void createMissing(Admin admin, List<NewTopic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
