package dev.storywire.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties a broker that only {@code storywire eval} uses, between two runs of a window: every topic it created
 * (not Kafka's internal {@code __} topics) and every consumer group go, so the next run starts as on a new broker
 * without the cost of starting one.
 */
final class BrokerReset {

    private static final Logger log = LoggerFactory.getLogger(BrokerReset.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private BrokerReset() {
    }

    static void deleteTopicsAndGroups(String bootstrapServers, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers))) {
            deleteGroups(admin, deadline);
            Set<String> topics = admin.listTopics().names().get();
            admin.deleteTopics(topics).all().get();
            awaitGone(admin, topics, deadline);
            log.info("Deleted topics {} and the consumer groups from {}", topics, bootstrapServers);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot empty the broker at " + bootstrapServers + " between two orders: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Deletes every group; a member that has not left yet (a closing client) makes the broker refuse, so this retries
     * until the deadline.
     */
    private static void deleteGroups(Admin admin, Instant deadline) throws InterruptedException, ExecutionException {
        while (true) {
            Collection<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId).toList();
            if (groups.isEmpty()) {
                return;
            }
            try {
                admin.deleteConsumerGroups(groups).all().get();
                return;
            } catch (ExecutionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                log.debug("Groups {} not deleted yet: {}", groups, e.getCause().toString());
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        }
    }

    private static void awaitGone(Admin admin, Set<String> topics, Instant deadline)
            throws InterruptedException, ExecutionException {
        while (admin.listTopics().names().get().stream().anyMatch(topics::contains)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The broker still lists deleted topics after the timeout");
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
