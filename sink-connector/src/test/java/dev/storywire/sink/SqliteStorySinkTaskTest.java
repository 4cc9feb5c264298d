package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.STORIES;
import static dev.storywire.sink.Fixtures.record;
import static dev.storywire.sink.Fixtures.story;
import static dev.storywire.sink.Fixtures.storyRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StorySinkTaskTest} on SQLite files, plus what only SQLite has: WAL, and a file that cannot open. */
class SqliteStorySinkTaskTest extends StorySinkTaskTest {

    @TempDir
    Path dir;

    /** In a directory that does not exist yet: the dialect creates it. */
    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:" + dir.resolve("data/stories.db");
    }

    /** A trigger that aborts the insert or update: SQLITE_CONSTRAINT_TRIGGER, with the trigger's message. */
    @Override
    void refuseTitlesContaining(String word) {
        for (String event : List.of("INSERT", "UPDATE")) {
            db.execute("CREATE TRIGGER " + REFUSED_TITLE + "_" + event.toLowerCase() + " BEFORE " + event
                    + " ON story_articles WHEN NEW.title LIKE '%" + word + "%' BEGIN SELECT RAISE(ABORT, '"
                    + REFUSED_TITLE + ": " + word + "'); END");
        }
    }

    @Test
    void shouldUseWriteAheadLogSoReadersDoNotBlockTheWriter() {
        put(storyRecord(0, story("st-1", 1)));

        assertThat(db.query("PRAGMA journal_mode").get(0)).containsValue("wal");
    }

    @Test
    void shouldWriteWhileAReaderHoldsASnapshot() throws Exception {
        put(storyRecord(0, story("st-1", 1)));
        try (Connection reader = DriverManager.getConnection(url)) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement();
                    ResultSet before = statement.executeQuery("SELECT version FROM stories WHERE story_id = 'st-1'")) {
                assertThat(before.next()).isTrue();

                put(storyRecord(1, story("st-1", 2)));

                assertThat(before.getInt(1)).isEqualTo(1);
            }
            reader.commit();
        }
        assertThat(db.story("st-1")).hasValueSatisfying(row -> assertThat(row).containsEntry("version", 2L));
    }

    @Test
    void shouldRetryDatabaseErrorsThenReconnect() throws Exception {
        Path blocker = dir.resolve("retry.db");
        Map<String, String> props = propsOnUnopenableDatabase(blocker, 2);
        RecordingSinkTaskContext retrying = RecordingSinkTaskContext.withErrantReporter(Map.of());
        task = start(props, retrying);
        SinkRecord record = storyRecord(0, story("st-1", 1));
        SinkRecord unreadable = record(STORIES, 0, 1, "st-2", "{oops");

        assertThatThrownBy(() -> put(record, unreadable)).isInstanceOf(RetriableException.class)
                .hasMessageContaining("stories-0@0..1", "SQLState");
        Files.delete(blocker);
        put(record, unreadable);

        assertThat(retrying.timeouts).containsExactly(250L);
        assertThat(retrying.reported).as("reported once across the redelivery").hasSize(1);
        assertThat(new StoryTables("jdbc:sqlite:" + blocker, TableNames.withPrefix("")).story("st-1")).isPresent();
    }

    @Test
    void shouldFailWithTheDatabaseErrorWhenRetriesRunOut() throws Exception {
        Map<String, String> props = propsOnUnopenableDatabase(dir.resolve("broken.db"), 2);
        RecordingSinkTaskContext retrying = RecordingSinkTaskContext.withErrantReporter(Map.of());
        task = start(props, retrying);
        SinkRecord record = storyRecord(0, story("st-1", 1));

        assertThatThrownBy(() -> put(record)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> put(record)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> put(record))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("failed after 2 retries")
                .hasMessageContaining("SQLState");
        assertThat(retrying.timeouts).containsExactly(250L, 250L);
    }

    @Test
    void shouldWaitOutTheRetryBackoffBeforeWritingARedeliveredBatchAgain() throws Exception {
        // Connect redelivers a failed batch as soon as an offset commit comes due, which can be before
        // retry.backoff.ms has passed: the task waits out the rest itself.
        Map<String, String> props = propsOnUnopenableDatabase(dir.resolve("paced.db"), 3);
        SteppedTime time = new SteppedTime();
        task = start(props, RecordingSinkTaskContext.withErrantReporter(Map.of()), new StorySinkTask(time));
        SinkRecord record = storyRecord(0, story("st-1", 1));

        assertThatThrownBy(() -> put(record)).isInstanceOf(RetriableException.class);
        time.advance(100);
        assertThatThrownBy(() -> put(record)).isInstanceOf(RetriableException.class);
        time.advance(400);
        assertThatThrownBy(() -> put(record)).isInstanceOf(RetriableException.class);

        assertThat(time.sleeps).as("the rest of the 250 ms backoff, then none once it had passed")
                .containsExactly(150L);
    }

    /**
     * Settings on a database SQLite cannot open until {@code blocker} is deleted: a directory stands where its file
     * should be, so every write fails as a transient error.
     */
    private Map<String, String> propsOnUnopenableDatabase(Path blocker, int maxRetries) throws IOException {
        Files.createDirectories(blocker);
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, "jdbc:sqlite:" + blocker);
        props.put(StorySinkConfig.MAX_RETRIES, String.valueOf(maxRetries));
        return props;
    }

    /** A clock that moves only when told to or when slept on, and remembers the sleeps. */
    private static final class SteppedTime implements Time {

        final List<Long> sleeps = new ArrayList<>();
        private long now = 1_000_000L;

        void advance(long ms) {
            now += ms;
        }

        @Override
        public long milliseconds() {
            return now;
        }

        @Override
        public long nanoseconds() {
            return TimeUnit.MILLISECONDS.toNanos(now);
        }

        @Override
        public void sleep(long ms) {
            sleeps.add(ms);
            now += ms;
        }

        @Override
        public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
            throw new UnsupportedOperationException("not used by the sink task");
        }
    }
}
