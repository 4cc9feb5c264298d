package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@link StorySinkWorkerIT} into SQLite files, with the worker's default StringConverter, plus records the
 * database refuses (a trigger that aborts, SQLITE_CONSTRAINT) with and without a dead letter queue. No outage
 * test: an embedded file has no server to stop; a database that cannot be opened is covered by
 * {@link SqliteStorySinkTaskTest}.
 */
class SqliteStorySinkWorkerIT extends StorySinkWorkerIT {

    @TempDir
    Path dir;

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("stories.db");
    }

    @Override
    Map<String, String> converterConfig() {
        return Map.of();
    }

    /** Writes a first story so that the tables exist, then makes SQLite refuse titles containing "Story 13 ". */
    private void refuseStory13(String connector) throws Exception {
        send(stories(100, 1, 1));
        awaitCaughtUp(connector);
        db.execute("CREATE TRIGGER refused_title BEFORE INSERT ON story_articles WHEN NEW.title LIKE 'Story 13 %' "
                + "BEGIN SELECT RAISE(ABORT, 'refused_title'); END");
    }

    @Test
    void shouldSendARecordSqliteRefusesToTheDeadLetterQueueAndWriteTheRest() throws Exception {
        String connector = startConnector(connectorConfig());
        refuseStory13(connector);

        send(stories(0, 30, 1));
        awaitCaughtUp(connector);

        assertThat(deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.key()).isEqualTo("outage.example/13");
            assertThat(header(dead, ERROR_MESSAGE_HEADER)).contains("SQLITE_CONSTRAINT", "refused_title",
                    "topic=" + articlesTopic, "offset=14");
        });
        assertThat(db.storyCount()).isEqualTo(31);
        assertThat(db.articleCount()).isEqualTo(30);
        assertThat(db.article("outage.example/13")).isEmpty();
        assertThat(worker.connectorState(connector)).isEqualTo("RUNNING, task 0 RUNNING");
    }

    @Test
    void shouldFailTheTaskNamingTheRefusedRecordWithoutErrorTolerance() throws Exception {
        Map<String, String> config = connectorConfig();
        config.keySet().removeIf(key -> key.startsWith("errors."));
        String connector = startConnector(config);
        refuseStory13(connector);
        // The worker logs why the task failed; the herder's status keeps it in the task's trace.
        ListAppender<ILoggingEvent> workerLog = new ListAppender<>();
        Logger runtime = (Logger) LoggerFactory.getLogger("org.apache.kafka.connect.runtime");
        workerLog.start();
        runtime.addAppender(workerLog);
        try {
            send(stories(0, 30, 1));
            Instant deadline = Instant.now().plusSeconds(60);
            while (!worker.hasFailedTask(connector) && Instant.now().isBefore(deadline)) {
                pause(Duration.ofMillis(200));
            }
        } finally {
            runtime.detachAppender(workerLog);
        }

        assertThat(worker.connectorState(connector)).contains("task 0 FAILED", "refused by the database");
        assertThat(deadLetters()).isEmpty();
        assertThat(db.article("outage.example/13")).isEmpty();
        assertThat(workerLog.list).map(SqliteStorySinkWorkerIT::messages).anySatisfy(text -> assertThat(text)
                .contains("topic=" + articlesTopic + " partition=0 offset=14", "refused_title",
                        "errors.tolerance=all"));
    }

    /** The event's message and the messages of its exception and causes. */
    private static String messages(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(" | ").append(t.getMessage());
        }
        return text.toString();
    }
}
