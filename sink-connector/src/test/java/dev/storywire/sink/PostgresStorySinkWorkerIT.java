package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.article;
import static dev.storywire.sink.Fixtures.storyArticle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storywire.model.Article;
import dev.storywire.model.Role;
import dev.storywire.testsupport.PostgresServer;
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

    @Test
    void shouldSendARecordPostgresRefusesToTheDeadLetterQueueAndWriteTheRest() throws Exception {
        String connector = startConnector(connectorConfig());
        List<ProducerRecord<String, String>> records = new ArrayList<>(stories(0, 20, 1));
        // The article of st-7 again, with a NUL in its title (a YAML "\0" escape in a feed): PostgreSQL refuses
        // it with SQLState 22021 in the middle of the batch.
        Article poisoned = article("outage.example/7", "Story 7 with a \0 NUL", "https://outage.example/7", "Outage",
                Fixtures.T0.plusSeconds(7));
        records.add(articleRecord(storyArticle("st-7", Role.PRIMARY, poisoned)));
        records.addAll(stories(20, 20, 1));
        send(records);

        awaitCaughtUp(connector);

        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.key()).isEqualTo("outage.example/7");
            assertThat(dead.value()).contains("Story 7 with a \\u0000 NUL");
            assertThat(header(dead, ERROR_MESSAGE_HEADER)).contains("SQLState 22021", "topic=" + articlesTopic,
                    "offset=20");
        });
        assertThat(db.storyCount()).isEqualTo(40);
        assertThat(db.articleCount()).isEqualTo(40);
        assertThat(db.article("outage.example/7")).hasValueSatisfying(row -> assertThat(row)
                .as("the earlier, storable version stays").containsEntry("title", "Story 7 v1"));
        assertThat(pluginMetric(connector, null, "sink-errant-records-total")).isEqualTo(1.0);
        assertThat(worker.connectorState(connector)).isEqualTo("RUNNING, task 0 RUNNING");
    }
}
