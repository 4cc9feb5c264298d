package dev.storywire.app;

import dev.storywire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics {@code ingest} writes to exist before its first document is sent: a missing one is created
 * with the pipeline's settings ({@link TopicSetup#pipelineTopics}, so they live in one place), and when the cluster
 * does not allow that, ingest fails at once naming the topic and the command that creates it, instead of each send
 * waiting 30 s for metadata of a topic that never comes.
 */
final class IngestTopics {

    private static final Logger log = LoggerFactory.getLogger(IngestTopics.class);
    /**
     * Long enough for a slow cluster to answer, short enough that a wrong address fails fast; a smaller producer
     * {@code max.block.ms} (the time the user allows for metadata) wins.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String bootstrapServers;
    private final Duration timeout;

    private IngestTopics(Admin admin, String bootstrapServers, Duration timeout) {
        this.admin = admin;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** A topic ingest needs is missing and cannot be created; the message says how to create it. */
    static final class MissingTopicException extends RuntimeException {
        MissingTopicException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The pipeline's settings of {@code feed.articles} and {@code feed.dlq}, under the names ingest was given. */
    static List<NewTopic> wanted(String articlesTopic, String dlqTopic) {
        List<NewTopic> pipeline = TopicSetup.pipelineTopics(TopicSetup.DEFAULT_PARTITIONS);
        return List.of(renamed(pipeline, Topics.FEED_ARTICLES.name(), articlesTopic),
                renamed(pipeline, Topics.FEED_DLQ.name(), dlqTopic));
    }

    /**
     * Creates those of {@code wanted} that do not exist. A topic whose existence this client may not see (no
     * describe permission) is left to the producer.
     *
     * @param clientConfig the producer's settings; those that are admin settings too (security, timeouts) are used
     * @throws MissingTopicException when a missing topic cannot be created, or the cluster does not answer
     */
    static void ensure(String bootstrapServers, Map<String, Object> clientConfig, List<NewTopic> wanted) {
        Duration timeout = timeout(clientConfig);
        try (Admin admin = Admin.create(adminConfig(bootstrapServers, clientConfig, timeout))) {
            IngestTopics topics = new IngestTopics(admin, bootstrapServers, timeout);
            for (NewTopic topic : topics.missing(wanted)) {
                topics.create(topic);
            }
        }
    }

    private List<NewTopic> missing(List<NewTopic> wanted) {
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                wanted.stream().map(NewTopic::name).toList()).topicNameValues();
        List<NewTopic> missing = new ArrayList<>();
        for (NewTopic topic : wanted) {
            try {
                described.get(topic.name()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException
                        || e.getCause() instanceof InvalidTopicException) { // creating it says what is wrong
                    missing.add(topic);
                } else if (e.getCause() instanceof TopicAuthorizationException) {
                    log.info("Not allowed to describe topic {}; leaving it to the producer", topic.name());
                } else {
                    throw unreachable(topic, e.getCause());
                }
            } catch (TimeoutException e) {
                throw unreachable(topic, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(topic, e);
            }
        }
        return missing;
    }

    private void create(NewTopic topic) {
        try {
            admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} ({} partitions, configs {})", topic.name(), topic.numPartitions(),
                    topic.configs());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) { // another producer created it meanwhile: fine
                throw new MissingTopicException("Topic " + topic.name() + " does not exist on the cluster at "
                        + bootstrapServers + " and ingest cannot create it (" + e.getCause() + "). Create it with:\n  "
                        + createCommand(topic, bootstrapServers), e.getCause());
            }
        } catch (TimeoutException e) {
            throw unreachable(topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(topic, e);
        }
    }

    /** The {@code kafka-topics.sh} command that creates {@code topic} with the pipeline's settings. */
    static String createCommand(NewTopic topic, String bootstrapServers) {
        StringBuilder command = new StringBuilder("kafka-topics.sh --bootstrap-server ").append(bootstrapServers)
                .append(" --create --topic ").append(topic.name()).append(" --partitions ").append(topic.numPartitions());
        if (topic.replicationFactor() > 0) {
            command.append(" --replication-factor ").append(topic.replicationFactor());
        }
        if (topic.configs() != null) {
            topic.configs().forEach((name, value) -> command.append(" --config ").append(name).append('=').append(value));
        }
        return command.toString();
    }

    private MissingTopicException unreachable(NewTopic topic, Throwable cause) {
        return new MissingTopicException("Cannot check topic " + topic.name() + " on the cluster at " + bootstrapServers
                + " within " + timeout.toMillis() + " ms: " + cause, cause);
    }

    private static Duration timeout(Map<String, Object> clientConfig) {
        Object maxBlock = clientConfig.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        try {
            long millis = maxBlock == null ? TIMEOUT.toMillis() : Long.parseLong(maxBlock.toString().strip());
            return Duration.ofMillis(Math.max(1, Math.min(millis, TIMEOUT.toMillis())));
        } catch (NumberFormatException e) {
            return TIMEOUT; // the producer itself will report the bad value
        }
    }

    private static NewTopic renamed(List<NewTopic> pipeline, String pipelineName, String name) {
        NewTopic template = pipeline.stream().filter(topic -> topic.name().equals(pipelineName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("TopicSetup defines no topic " + pipelineName));
        Optional<Short> replication = template.replicationFactor() > 0
                ? Optional.of(template.replicationFactor()) : Optional.empty();
        NewTopic topic = new NewTopic(name, Optional.of(template.numPartitions()), replication);
        return template.configs() == null ? topic : topic.configs(template.configs());
    }

    private static Map<String, Object> adminConfig(String bootstrapServers, Map<String, Object> clientConfig,
            Duration timeout) {
        Set<String> adminNames = AdminClientConfig.configNames();
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((name, value) -> {
            if (adminNames.contains(name)) {
                config.put(name, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "storywire-ingest-topics");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }
}
