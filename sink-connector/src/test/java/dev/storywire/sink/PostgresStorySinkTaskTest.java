package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.T0;
import static dev.storywire.sink.Fixtures.article;
import static dev.storywire.sink.Fixtures.articleRecord;
import static dev.storywire.sink.Fixtures.member;
import static dev.storywire.sink.Fixtures.story;
import static dev.storywire.sink.Fixtures.storyArticle;
import static dev.storywire.sink.Fixtures.storyRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.storywire.model.Article;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.testsupport.PostgresServer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@link StorySinkTaskTest} on a real PostgreSQL (a schema per test), plus the PostgreSQL schema and a real
 * outage: the server stopped and started again between two deliveries of the same batch.
 */
class PostgresStorySinkTaskTest extends StorySinkTaskTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Override
    String newDatabaseUrl() {
        return POSTGRES.newSchema("task");
    }

    @Test
    void shouldStoreListsAsJsonbAndTimesAsTimestamptz() {
        put(storyRecord(0, story("st-1", 1)));

        List<Map<String, Object>> columns = db.query("SELECT table_name, column_name, data_type"
                + " FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND column_name IN ('providers', 'topics', 'related', 'first_seen', 'last_updated', 'published_at')"
                + " ORDER BY table_name, column_name");
        assertThat(columns).extracting(row -> row.get("table_name") + "." + row.get("column_name") + " "
                + row.get("data_type")).containsExactly(
                "stories.first_seen timestamp with time zone",
                "stories.last_updated timestamp with time zone",
                "stories.providers jsonb",
                "stories.topics jsonb",
                "story_articles.published_at timestamp with time zone",
                "story_articles.related jsonb");
    }

    @Test
    void shouldIndexStoryIdAndLastUpdated() {
        put(storyRecord(0, story("st-1", 1)));

        assertThat(db.query("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"))
                .extracting(row -> row.get("indexdef").toString().replaceAll(".* USING ", ""))
                .contains("btree (last_updated)", "btree (story_id)", "btree (article_id)");
    }

    @Test
    void shouldQueryListsAsJson() {
        put(storyRecord(0, story("st-1", 1)));

        assertThat(db.query("SELECT story_id FROM stories WHERE topics @> '[\"chips\"]'::jsonb"))
                .extracting(row -> row.get("story_id")).containsExactly("st-1");
    }

    @Test
    void shouldRetryWhileTheDatabaseIsDownThenResume() {
        assumeTrue(POSTGRES.server().canRestart(), "the server of " + PostgresServer.URL_ENV + " cannot be stopped");
        Article a = article("news.example/a", "Before the outage", "https://news.example/a", "News", T0);
        Article b = article("news.example/b", "During the outage", "https://news.example/b", "News", T0);
        put(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));
        List<SinkRecord> duringOutage = List.of(
                storyRecord(1, story("st-1", 2, member(a.id(), Role.PRIMARY, T0), member(b.id(), Role.PRIMARY, T0))),
                articleRecord(1, storyArticle("st-1", Role.PRIMARY, b)));

        POSTGRES.server().stop();
        try {
            assertThatThrownBy(() -> task.put(duringOutage)).isInstanceOf(RetriableException.class)
                    .hasMessageContaining("stories-0@1..1", "SQLState");
        } finally {
            POSTGRES.server().start();
        }
        task.put(duringOutage);

        assertThat(context.timeouts).containsExactly(250L);
        assertThat(db.story("st-1")).hasValueSatisfying(row -> assertThat(row).containsEntry("version", 2L));
        assertThat(db.articlesOf("st-1")).extracting(row -> row.get("article_id")).containsExactly(a.id(), b.id());
    }

    /** A check constraint: SQLState 23514, with the constraint's name in the message. */
    @Override
    void refuseTitlesContaining(String word) {
        db.execute("ALTER TABLE story_articles ADD CONSTRAINT " + REFUSED_TITLE + " CHECK (title NOT LIKE '%" + word
                + "%')");
    }

    @Test
    void shouldSendValuesPostgresCannotStoreToTheErrantReporterAndWriteTheRest() {
        Article nulTitle = article("news.example/nul", "Title with a \0 NUL", "https://news.example/nul", "News",
                T0);
        Story nulHeadline = new Story("st-nul", "Headline \0", 0, List.of(), List.of("Provider"), List.of("ai"),
                T0, T0, 1);
        Article nulInJson = article("news.example/json", "Fine title", "https://news.example/json", "News", T0);
        Article fine = article("news.example/fine", "Fine title", "https://news.example/fine", "News", T0);

        put(articleRecord(0, storyArticle("st-1", Role.PRIMARY, fine)),
                articleRecord(1, storyArticle("st-1", Role.PRIMARY, nulTitle)),
                storyRecord(0, nulHeadline),
                articleRecord(2, storyArticle("st-1", Role.PRIMARY, nulInJson,
                        new ResolvedRelated("other.example/r", "st-2", "Related \0", "https://other.example/r"))),
                storyRecord(1, story("st-1", 1, member(fine.id(), Role.PRIMARY, T0))));

        assertThat(context.reported).extracting(r -> RecordDescriptions.position(r.record()))
                .containsExactlyInAnyOrder("topic=stories.articles partition=0 offset=1",
                        "topic=stories partition=0 offset=0", "topic=stories.articles partition=0 offset=2");
        assertThat(context.reported).extracting(r -> r.error().getMessage()).allSatisfy(message -> assertThat(message)
                .containsAnyOf("SQLState 22021", "SQLState 22P05"));
        assertThat(context.timeouts).isEmpty();
        assertThat(db.articlesOf("st-1")).extracting(row -> row.get("article_id")).containsExactly(fine.id());
        assertThat(db.story("st-1")).isPresent();
        assertThat(db.story("st-nul")).isEmpty();
    }

    @Test
    void shouldFailAtOnceWhenTheDatabaseDoesNotExist() {
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, PostgresServer.withDatabase(url, "no_such_database"));
        RecordingSinkTaskContext strict = RecordingSinkTaskContext.withErrantReporter(Map.of());

        assertThatThrownBy(() -> start(props, strict))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("no_such_database")
                .hasMessageContaining("SQLState 3D000");
        assertThat(strict.timeouts).isEmpty();
    }

    @Test
    void shouldFailAtOnceOnAWrongPasswordWithoutShowingIt() {
        assumeTrue(POSTGRES.server().canRestart(), "only a private server requires a password");
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, POSTGRES.server().passwordUserUrl() + "&password=wrong-secret");
        RecordingSinkTaskContext strict = RecordingSinkTaskContext.withErrantReporter(Map.of());
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger sinkLogger = (Logger) LoggerFactory.getLogger("dev.storywire.sink");
        log.start();
        sinkLogger.addAppender(log);
        try {
            assertThatThrownBy(() -> start(props, strict))
                    .isInstanceOf(ConnectException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessageContaining("SQLState 28P01")
                    .hasMessageContaining("password=***")
                    .hasMessageNotContaining("wrong-secret");
        } finally {
            sinkLogger.detachAppender(log);
        }
        assertThat(strict.timeouts).isEmpty();
        assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                .as("one line, without a stack trace").singleElement().satisfies(event -> {
                    assertThat(event.getThrowableProxy()).isNull();
                    assertThat(event.getFormattedMessage()).contains("127.0.0.1", "password=***", "28P01")
                            .doesNotContain("wrong-secret").doesNotContain("\n");
                });
    }

    @Test
    void shouldFailAtOnceWhenThePasswordIsMissing() {
        assumeTrue(POSTGRES.server().canRestart(), "only a private server requires a password");
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, POSTGRES.server().passwordUserUrl());
        RecordingSinkTaskContext strict = RecordingSinkTaskContext.withErrantReporter(Map.of());

        assertThatThrownBy(() -> start(props, strict))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("SQLState 08004");
        assertThat(strict.timeouts).isEmpty();
    }

    /**
     * Settings of the password user, with the right password, writing into a schema of its own (tables another
     * role owns would refuse its CREATE INDEX IF NOT EXISTS); {@code tables} reads that schema.
     */
    private Map<String, String> passwordUserProps(StoryTables[] tables) {
        String passwordUserUrl = POSTGRES.server().passwordUserUrl();
        String adminUrl = POSTGRES.newSchema("pw");
        String schema = adminUrl.replaceAll(".*currentSchema=", "");
        tables[0] = new StoryTables(adminUrl, TableNames.withPrefix(""));
        tables[0].execute("GRANT ALL ON SCHEMA " + schema + " TO " + PostgresServer.PASSWORD_USER);
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, passwordUserUrl + "&currentSchema=" + schema);
        props.put(StorySinkConfig.CONNECTION_PASSWORD, PostgresServer.PASSWORD);
        return props;
    }

    @Test
    void shouldWriteWithTheRightPasswordFromTheConfig() {
        assumeTrue(POSTGRES.server().canRestart(), "only a private server requires a password");
        StoryTables[] tables = new StoryTables[1];
        StorySinkTask writing = start(passwordUserProps(tables), RecordingSinkTaskContext.withErrantReporter(Map.of()));

        writing.put(List.of(storyRecord(0, story("st-1", 1))));

        assertThat(tables[0].story("st-1")).isPresent();
    }

    @Test
    void shouldRetryALostConnectionThenFailAtOnceWhenThePasswordWasChangedMeanwhile() {
        assumeTrue(POSTGRES.server().canRestart(), "only a private server requires a password");
        StoryTables[] tables = new StoryTables[1];
        RecordingSinkTaskContext running = RecordingSinkTaskContext.withErrantReporter(Map.of());
        StorySinkTask writing = start(passwordUserProps(tables), running);
        writing.put(List.of(storyRecord(0, story("st-1", 1))));
        List<SinkRecord> next = List.of(storyRecord(1, story("st-2", 1)));
        try {
            // The password is rotated and the open session cut, as an operator would.
            db.execute("ALTER ROLE " + PostgresServer.PASSWORD_USER + " PASSWORD 'rotated'");
            db.query("SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE usename = '"
                    + PostgresServer.PASSWORD_USER + "'");

            assertThatThrownBy(() -> writing.put(next)).as("the lost connection is transient")
                    .isInstanceOf(RetriableException.class);
            assertThatThrownBy(() -> writing.put(next)).as("the refused login is not")
                    .isInstanceOf(ConnectException.class)
                    .isNotInstanceOf(RetriableException.class)
                    .hasMessageContaining("SQLState 28P01");
        } finally {
            db.execute("ALTER ROLE " + PostgresServer.PASSWORD_USER + " PASSWORD '" + PostgresServer.PASSWORD + "'");
        }
        assertThat(running.timeouts).containsExactly(250L);
        assertThat(tables[0].story("st-2")).isEmpty();
    }

    @Test
    void shouldRetryAServerThatRefusesConnectionsThenFailWhenRetriesRunOut() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, "jdbc:postgresql://127.0.0.1:" + closedPort
                + "/postgres?user=postgres&password=not-shown");
        props.put(StorySinkConfig.MAX_RETRIES, "1");
        RecordingSinkTaskContext retrying = RecordingSinkTaskContext.withErrantReporter(Map.of());
        StorySinkTask failing = start(props, retrying);
        List<SinkRecord> records = List.of(storyRecord(0, story("st-1", 1)));

        assertThatThrownBy(() -> failing.put(records)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> failing.put(records))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("failed after 1 retries")
                .hasMessageContaining("SQLState 08001")
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageNotContaining("not-shown");
        assertThat(retrying.timeouts).containsExactly(250L);
    }
}
