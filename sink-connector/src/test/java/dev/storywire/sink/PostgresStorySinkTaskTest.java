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

import dev.storywire.model.Article;
import dev.storywire.model.Role;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @Test
    void shouldFailWithTheDatabaseErrorWhenRetriesRunOut() {
        Map<String, String> props = props();
        props.put(StorySinkConfig.CONNECTION_URL, PostgresServer.withDatabase(url, "no_such_database"));
        props.put(StorySinkConfig.MAX_RETRIES, "1");
        RecordingSinkTaskContext retrying = RecordingSinkTaskContext.withErrantReporter(Map.of());
        StorySinkTask failing = start(props, retrying);
        List<SinkRecord> records = List.of(storyRecord(0, story("st-1", 1)));

        assertThatThrownBy(() -> failing.put(records)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> failing.put(records))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("failed after 1 retries")
                .hasMessageContaining("no_such_database")
                .hasMessageContaining("SQLState 3D000");
        assertThat(retrying.timeouts).containsExactly(250L);
    }
}
