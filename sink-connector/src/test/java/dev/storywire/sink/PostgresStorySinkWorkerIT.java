package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link StorySinkWorkerIT} into a real PostgreSQL, with values through JsonConverter (schemas.enable=false),
 * plus an outage: the server stopped while records arrive and started again.
 */
class PostgresStorySinkWorkerIT extends StorySinkWorkerIT {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    String newDatabaseUrl() {
        return POSTGRES.newSchema("worker");
    }

    @Override
    Map<String, String> converterConfig() {
        return Map.of("value.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter.schemas.enable", "false");
    }

    @Test
    void shouldResumeWithNoRowLostOrDoubledAfterTheDatabaseWasDown() throws Exception {
        assumeTrue(POSTGRES.server().canRestart(), "the server of " + PostgresServer.URL_ENV + " cannot be stopped");
        String connector = startConnector(connectorConfig());
        send(stories(0, 50, 1));
        awaitCaughtUp(connector);
        long readBeforeOutage = recordsRead(connector);

        POSTGRES.server().stop();
        try {
            List<ProducerRecord<String, String>> duringOutage = new ArrayList<>(stories(0, 50, 2));
            duringOutage.addAll(stories(50, 50, 1));
            send(duringOutage);
            await("the task to read records while the database is down", connector,
                    () -> recordsRead(connector) > readBeforeOutage);
            // Long enough for the failed put and at least one redelivery (retry.backoff.ms=500) against the
            // stopped server; nothing is asserted on the time itself.
            pause(Duration.ofMillis(1500));
            assertThat(worker.hasFailedTask(connector)).as(worker.connectorState(connector)).isFalse();
        } finally {
            POSTGRES.server().start();
        }
        awaitCaughtUp(connector);

        assertThat(db.storyCount()).isEqualTo(100);
        assertThat(db.articleCount()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            String storyId = "st-" + i;
            long version = i < 50 ? 2 : 1;
            String title = "Story " + i + " v" + version;
            assertThat(db.story(storyId)).as(storyId)
                    .hasValueSatisfying(row -> assertThat(row).containsEntry("version", version));
            assertThat(db.article("outage.example/" + i)).as("outage.example/" + i)
                    .hasValueSatisfying(row -> assertThat(row).containsEntry("title", title)
                            .containsEntry("story_id", storyId));
        }
        assertThat(worker.connectorState(connector)).isEqualTo("RUNNING, task 0 RUNNING");
    }
}
