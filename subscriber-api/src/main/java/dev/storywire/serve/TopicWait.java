package dev.storywire.serve;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits until topics exist: a global store over a missing topic would fail the whole Streams application. */
final class TopicWait {

    private static final Logger log = LoggerFactory.getLogger(TopicWait.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private TopicWait() {
    }

    /** Returns once every topic exists, or when {@code keepWaiting} turns false. */
    static void until(String bootstrapServers, List<String> topics, BooleanSupplier keepWaiting)
            throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            boolean told = false;
            while (keepWaiting.getAsBoolean()) {
                Set<String> missing = missing(admin, topics);
                if (missing.isEmpty()) {
                    return;
                }
                if (!told) {
                    log.warn("Waiting for topics {} at {} (start the pipeline; /health answers 503 until then)",
                            missing, bootstrapServers);
                    told = true;
                }
                Thread.sleep(RETRY.toMillis());
            }
        }
    }

    private static Set<String> missing(Admin admin, List<String> topics) throws InterruptedException {
        Set<String> missing = new HashSet<>(topics);
        try {
            missing.removeAll(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Cannot list the topics at the cluster yet: {}", e.toString());
        }
        return missing;
    }
}
