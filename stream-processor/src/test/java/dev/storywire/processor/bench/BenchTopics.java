package dev.storywire.processor.bench;

import dev.storywire.processor.ProcessorConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's topics, created explicitly (the embedded broker does not auto-create) with the partitions and
 * cleanup policies the pipeline's own topics get from {@code storywire}'s topic setup.
 */
final class BenchTopics {

    private static final Logger LOG = LoggerFactory.getLogger(BenchTopics.class);
    /** As the pipeline's topics; the benchmark's input topic has {@link #INPUT_PARTITIONS}. */
    static final int PARTITIONS = 3;
    /**
     * Partitions of the pre-loaded input topic; {@code -Dbench.input-partitions=N} changes it. One, so that the
     * clustering step sees every article in publish order in every run, as it does a live feed or a batch that
     * {@code ingest} sorted, and two runs or two cores are compared on the same input order. With several, the
     * order is decided at start-up by which dedupe task Kafka Streams hands over first (each restores its stores in
     * turn, about half a second apart, and the first works through days of its backlog alone), and it changes from
     * run to run: the way to measure a restart over a backlog. One stream thread runs every dedupe task either way,
     * so the work per article is the same.
     */
    static final int INPUT_PARTITIONS = Integer.getInteger("bench.input-partitions", 1);
    private static final long ADMIN_TIMEOUT_SECONDS = 60;
    /**
     * Synthetic articles are published in 2021 and every record carries its publish time: with the broker's 7-day
     * time retention the log would delete them at its next retention check (every 5 minutes), in the middle of a
     * long run. Real feeds are recent, so production topics need no such setting.
     */
    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    private BenchTopics() {
    }

    static void createInput(Admin admin, String topic) {
        create(admin, List.of(new NewTopic(topic, Optional.of(INPUT_PARTITIONS), Optional.empty())
                .configs(KEEP_FOREVER)));
    }

    /** The two output topics of {@code config}; the internal ones (changelogs, repartition) Kafka Streams creates. */
    static void createOutputs(Admin admin, ProcessorConfig config) {
        create(admin, List.of(
                new NewTopic(config.storyArticlesTopic(), Optional.of(PARTITIONS), Optional.empty())
                        .configs(KEEP_FOREVER),
                // Compacted like the production stories topic (no time retention applies to it).
                new NewTopic(config.storiesTopic(), Optional.of(PARTITIONS), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    /**
     * Deletes every topic whose name starts with {@code prefix}, internal topics of the runs included, so that a
     * long benchmark does not keep every size's data on disk. A failure is only logged: this runs in a
     * {@code finally} and must not hide the error that ended a run.
     */
    static void deleteAllQuietly(Admin admin, String prefix) {
        try {
            List<String> topics = await(admin.listTopics().names(), "list topics").stream()
                    .filter(name -> name.startsWith(prefix))
                    .sorted()
                    .toList();
            if (!topics.isEmpty()) {
                await(admin.deleteTopics(topics).all(), "delete topics " + topics);
                LOG.info("Deleted {} topics starting with {}", topics.size(), prefix);
            }
        } catch (IllegalStateException e) {
            LOG.warn("Could not delete the topics starting with {}: {}", prefix, e.getMessage());
        }
    }

    private static void create(Admin admin, List<NewTopic> topics) {
        await(admin.createTopics(topics).all(), "create topics " + topics.stream().map(NewTopic::name).toList());
    }

    private static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot " + what + ": no answer within " + ADMIN_TIMEOUT_SECONDS + " s", e);
        }
    }
}
