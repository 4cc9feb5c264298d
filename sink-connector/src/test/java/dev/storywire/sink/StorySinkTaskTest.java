package dev.storywire.sink;

import static dev.storywire.sink.Fixtures.ARTICLES;
import static dev.storywire.sink.Fixtures.STORIES;
import static dev.storywire.sink.Fixtures.T0;
import static dev.storywire.sink.Fixtures.article;
import static dev.storywire.sink.Fixtures.articleRecord;
import static dev.storywire.sink.Fixtures.json;
import static dev.storywire.sink.Fixtures.member;
import static dev.storywire.sink.Fixtures.record;
import static dev.storywire.sink.Fixtures.story;
import static dev.storywire.sink.Fixtures.storyArticle;
import static dev.storywire.sink.Fixtures.storyRecord;
import static dev.storywire.sink.Fixtures.tombstone;
import static dev.storywire.sink.StoryTables.jsonColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storywire.model.Article;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write semantics of {@link StorySinkTask}, run against each database by a subclass: upserts, replays,
 * tombstones, merges, version guards, errant records, converters, batching.
 */
abstract class StorySinkTaskTest {

    String url;
    private final List<StorySinkTask> tasks = new ArrayList<>();
    StorySinkTask task;
    RecordingSinkTaskContext context;
    StoryTables db;

    private final Article a = article("news.example/a", "Chip maker unveils AI accelerator",
            "https://www.news.example/a?utm_source=feed", "News", T0);
    private final Article b = article("wire.example/b", "AI accelerator launched",
            "https://wire.example/b", "Wire", T0.plus(Duration.ofHours(1)));
    private final Article c = article("blog.example/c", "Hands-on with the new accelerator",
            "https://blog.example/c", "Blog", T0.plus(Duration.ofHours(2)));

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabaseUrl();

    /**
     * Makes the database refuse story_articles rows whose title contains {@code word}, with an error naming
     * {@value #REFUSED_TITLE}: a data error of one record, as a constraint an operator added would raise.
     */
    abstract void refuseTitlesContaining(String word);

    static final String REFUSED_TITLE = "refused_title";

    @BeforeEach
    void startTask() {
        url = newDatabaseUrl();
        db = new StoryTables(url, TableNames.withPrefix(""));
        context = RecordingSinkTaskContext.withErrantReporter(Map.of());
        task = start(props(), context);
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(StorySinkTask::stop);
    }

    Map<String, String> props() {
        Map<String, String> props = new HashMap<>();
        props.put(StorySinkConfig.CONNECTION_URL, url);
        props.put(StorySinkConfig.BATCH_SIZE, "2");
        props.put(StorySinkConfig.RETRY_BACKOFF_MS, "250");
        return props;
    }

    StorySinkTask start(Map<String, String> props, RecordingSinkTaskContext taskContext) {
        return start(props, taskContext, new StorySinkTask());
    }

    StorySinkTask start(Map<String, String> props, RecordingSinkTaskContext taskContext, StorySinkTask started) {
        started.initialize(taskContext);
        started.start(props);
        tasks.add(started);
        return started;
    }

    void put(SinkRecord... records) {
        task.put(List.of(records));
    }

    @Test
    void shouldUpsertStoryAndItsArticles() {
        Story s1 = story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(b.id(), Role.SYNDICATED, T0),
                member("other.example/r", Role.RELATED, T0.minus(Duration.ofDays(1))));
        put(storyRecord(0, s1),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a,
                        new ResolvedRelated("other.example/r", "st-1", "Related", "https://other.example/r"))),
                articleRecord(1, storyArticle("st-1", Role.SYNDICATED, b)));

        assertThat(db.story("st-1")).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("headline", "Headline of st-1 v1")
                .containsEntry("article_count", 1L)
                .containsEntry("version", 1L)
                .containsEntry("first_seen", "2025-02-28T08:00:00.000Z")
                .containsEntry("last_updated", "2025-03-01T08:00:00.000Z")
                .containsEntry("providers", jsonColumn("[\"Provider\"]"))
                .containsEntry("topics", jsonColumn("[\"ai\",\"chips\"]")));
        assertThat(db.article(a.id())).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("story_id", "st-1")
                .containsEntry("url", "https://www.news.example/a?utm_source=feed")
                .containsEntry("title", "Chip maker unveils AI accelerator")
                .containsEntry("provider", "News")
                .containsEntry("published_at", "2025-03-01T08:00:00.000Z")
                .containsEntry("role", "primary")
                .containsEntry("excerpt", "Excerpt of Chip maker unveils AI accelerator")
                .containsEntry("related", jsonColumn("[{\"articleId\":\"other.example/r\",\"storyId\":\"st-1\","
                        + "\"title\":\"Related\",\"webUrl\":\"https://other.example/r\"}]")));
        assertThat(db.article(b.id())).hasValueSatisfying(row -> assertThat(row).containsEntry("role", "syndicated"));
        assertThat(db.article("other.example/r")).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("role", "related")
                .containsEntry("story_id", "st-1")
                .containsEntry("url", "https://other.example/r"));
    }

    @Test
    void shouldChangeNothingWhenRecordsAreReplayed() {
        List<SinkRecord> records = List.of(
                storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)),
                storyRecord(1, story("st-1", 2, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))),
                articleRecord(1, storyArticle("st-1", Role.PRIMARY, b)));
        task.put(records);
        List<Map<String, Object>> first = db.snapshot();

        task.put(records);
        task.put(records.subList(0, 2));
        records.forEach(r -> task.put(List.of(r)));

        assertThat(db.snapshot()).isEqualTo(first).hasSize(4);
    }

    @Test
    void shouldKeepTheUrlOfFirstSight() {
        put(articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));
        Article corrected = article(a.id(), "Corrected title", "https://news.example/a", "News", T0);
        put(articleRecord(1, storyArticle("st-1", Role.PRIMARY, corrected)));

        assertThat(db.article(a.id())).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("url", "https://www.news.example/a?utm_source=feed")
                .containsEntry("title", "Corrected title"));
    }

    @Test
    void shouldDeleteStoryAndItsArticlesOnTombstone() {
        put(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)),
                storyRecord(1, story("st-2", 1, member(b.id(), Role.PRIMARY, T0))),
                articleRecord(1, storyArticle("st-2", Role.PRIMARY, b)));

        put(tombstone(2, "st-1"));

        assertThat(db.story("st-1")).isEmpty();
        assertThat(db.articlesOf("st-1")).isEmpty();
        assertThat(db.story("st-2")).isPresent();
        assertThat(db.articlesOf("st-2")).hasSize(1);
    }

    @Test
    void shouldSkipTombstonesWhenDeleteIsDisabled() {
        Map<String, String> props = props();
        props.put(StorySinkConfig.DELETE_ENABLED, "false");
        task = start(props, context);
        put(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));

        put(tombstone(1, "st-1"));

        assertThat(db.story("st-1")).isPresent();
        assertThat(db.articlesOf("st-1")).hasSize(1);
    }

    /** st-1 (a, related c) and st-2 (b) merge into st-2: a moves, st-1 gets a tombstone. */
    private List<SinkRecord> beforeMerge() {
        return List.of(
                storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))),
                storyRecord(1, story("st-2", 1, member(b.id(), Role.PRIMARY, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)),
                articleRecord(1, storyArticle("st-2", Role.PRIMARY, b)));
    }

    private SinkRecord mergedStory() {
        return storyRecord(3, story("st-2", 2, member(a.id(), Role.PRIMARY, T0), member(b.id(), Role.PRIMARY, T0),
                member(c.id(), Role.RELATED, T0)));
    }

    private SinkRecord movedArticle() {
        return articleRecord(2, storyArticle("st-2", Role.PRIMARY, a));
    }

    @Test
    void shouldConvergeWhenTombstoneComesAfterTheMove() {
        task.put(beforeMerge());

        put(movedArticle());
        put(mergedStory());
        put(tombstone(4, "st-1"));

        assertMerged();
    }

    @Test
    void shouldConvergeWhenTombstoneComesBeforeTheMove() {
        task.put(beforeMerge());

        put(tombstone(4, "st-1"));
        assertThat(db.article(a.id())).isEmpty();
        put(mergedStory());
        put(movedArticle());

        assertMerged();
    }

    @Test
    void shouldConvergeWhenMergeArrivesInOneBatch() {
        task.put(beforeMerge());

        put(tombstone(4, "st-1"), movedArticle(), mergedStory());

        assertMerged();
    }

    private void assertMerged() {
        assertThat(db.story("st-1")).isEmpty();
        assertThat(db.story("st-2")).hasValueSatisfying(row -> assertThat(row).containsEntry("version", 2L));
        assertThat(db.articlesOf("st-1")).isEmpty();
        assertThat(db.articlesOf("st-2")).extracting(row -> row.get("article_id") + ":" + row.get("role"))
                .containsExactly(c.id() + ":related", a.id() + ":primary", b.id() + ":primary");
    }

    @Test
    void shouldNotLetRelatedRowOverwritePrimaryRow() {
        put(articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));
        put(storyRecord(0, story("st-2", 1, member(b.id(), Role.PRIMARY, T0), member(a.id(), Role.RELATED, T0))));

        assertThat(db.article(a.id())).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("story_id", "st-1")
                .containsEntry("role", "primary")
                .containsEntry("title", "Chip maker unveils AI accelerator"));
    }

    @Test
    void shouldLetPrimaryRowReplaceRelatedRow() {
        put(storyRecord(0, story("st-2", 1, member(b.id(), Role.PRIMARY, T0), member(a.id(), Role.RELATED, T0))));
        put(articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));

        assertThat(db.article(a.id())).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("story_id", "st-1")
                .containsEntry("role", "primary")
                .containsEntry("url", "https://" + a.id()));
    }

    @Test
    void shouldIgnoreOlderStoryVersions() {
        put(storyRecord(5, story("st-1", 3, member(a.id(), Role.PRIMARY, T0))));

        put(storyRecord(2, story("st-1", 2, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))));

        assertThat(db.story("st-1")).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("version", 3L)
                .containsEntry("headline", "Headline of st-1 v3"));
        assertThat(db.article(c.id())).as("related members of a stale version").isEmpty();
    }

    @Test
    void shouldDropRelatedRowsANewerVersionNoLongerLists() {
        put(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));

        put(storyRecord(1, story("st-1", 2, member(a.id(), Role.PRIMARY, T0))));

        assertThat(db.article(c.id())).isEmpty();
        assertThat(db.article(a.id())).as("primary rows belong to the articles topic").isPresent();
    }

    @Test
    void shouldKeepTheHighestVersionWithinOneBatch() {
        put(storyRecord(0, story("st-1", 4)), storyRecord(1, story("st-1", 3)));

        assertThat(db.story("st-1")).hasValueSatisfying(row -> assertThat(row).containsEntry("version", 4L));
    }

    @Test
    void shouldSendUnreadableRecordsToTheErrantReporterAndGoOn() {
        SinkRecord badJson = record(STORIES, 1, 7, "st-9", "{\"storyId\": ");
        SinkRecord wrongShape = record(ARTICLES, 2, 8, "x", "[1, 2, 3]");
        SinkRecord noStory = record(ARTICLES, 2, 9, a.id(), json(storyArticle(null, Role.PRIMARY, a)));
        SinkRecord badRole = record(ARTICLES, 2, 10, a.id(),
                json(storyArticle("st-1", Role.PRIMARY, a)).replace("\"primary\"", "\"headline\""));

        put(badJson, wrongShape, noStory, badRole, storyRecord(11, story("st-1", 1)),
                articleRecord(12, storyArticle("st-1", Role.PRIMARY, b)));

        assertThat(context.reported).extracting(r -> r.record().kafkaOffset()).containsExactly(7L, 8L, 9L, 10L);
        assertThat(context.reported.get(0).error().getMessage())
                .contains("topic=stories partition=1 offset=7", "{\"storyId\": ");
        assertThat(context.reported.get(1).error().getMessage()).contains("ARRAY");
        assertThat(context.reported.get(2).error().getMessage()).contains("storyId");
        assertThat(db.story("st-1")).isPresent();
        assertThat(db.article(b.id())).isPresent();
    }

    @Test
    void shouldReportJsonConverterValuesThatAreNotObjects() {
        put(record(ARTICLES, 0, 3, "x", List.of(1, 2, 3)), record(STORIES, 0, 4, "st-9", 42L),
                storyRecord(5, story("st-1", 1)));

        assertThat(context.reported).extracting(r -> r.error().getMessage()).satisfiesExactly(
                message -> assertThat(message).contains("offset=3", "ARRAY"),
                message -> assertThat(message).contains("offset=4", "NUMBER"));
        assertThat(db.story("st-1")).isPresent();
    }

    @Test
    void shouldFailNamingTheRecordWithoutErrantReporter() {
        task = start(props(), RecordingSinkTaskContext.withoutErrantReporter(Map.of()));

        assertThatThrownBy(() -> put(record(ARTICLES, 3, 42, "x", "not json")))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("topic=stories.articles partition=3 offset=42")
                .hasMessageContaining("not json");
    }

    /** Articles at offsets 1..7 of the articles topic, those at 3 and 6 with a title the database refuses. */
    private List<SinkRecord> articlesWithTwoRefused() {
        List<SinkRecord> records = new ArrayList<>();
        for (int offset = 1; offset <= 7; offset++) {
            String title = offset % 3 == 0 ? "Title " + offset + " poison" : "Title " + offset;
            Article article = article("news.example/" + offset, title, "https://news.example/" + offset, "News", T0);
            records.add(articleRecord(offset, storyArticle("st-0", Role.PRIMARY, article)));
        }
        return records;
    }

    @Test
    void shouldSendRecordsTheDatabaseRefusesToTheErrantReporterAndWriteTheRest() {
        put(storyRecord(0, story("st-0", 1)));
        refuseTitlesContaining("poison");
        List<SinkRecord> records = new ArrayList<>(articlesWithTwoRefused());
        // A story whose related member (a story_articles row) has a refused title: the story record is refused.
        records.add(storyRecord(1, story("st-1", 1, member(a.id(), Role.PRIMARY, T0),
                member("poison.example/r", Role.RELATED, T0))));
        records.add(storyRecord(2, story("st-2", 1, member(b.id(), Role.PRIMARY, T0))));

        task.put(records);

        assertThat(context.reported).extracting(r -> RecordDescriptions.position(r.record()))
                .containsExactlyInAnyOrder("topic=stories.articles partition=0 offset=3",
                        "topic=stories.articles partition=0 offset=6", "topic=stories partition=0 offset=1");
        assertThat(context.reported).allSatisfy(reported -> assertThat(reported.error().getMessage())
                .contains(RecordDescriptions.position(reported.record()), REFUSED_TITLE));
        assertThat(context.timeouts).as("a data error is not retried").isEmpty();
        assertThat(db.articlesOf("st-0")).extracting(row -> row.get("article_id")).containsExactlyInAnyOrder(
                "news.example/1", "news.example/2", "news.example/4", "news.example/5", "news.example/7");
        assertThat(db.story("st-1")).isEmpty();
        assertThat(db.story("st-2")).isPresent();
    }

    @Test
    void shouldKeepTheEarlierRecordOfAKeyWhenTheDatabaseRefusesTheLaterOneOfTheSameBatch() {
        put(storyRecord(0, story("st-0", 1)));
        refuseTitlesContaining("poison");
        Article corrected = article(a.id(), "Corrected poison title", "https://news.example/a", "News", T0);

        put(articleRecord(1, storyArticle("st-0", Role.PRIMARY, a)),
                articleRecord(2, storyArticle("st-0", Role.PRIMARY, corrected)));

        assertThat(context.reported).extracting(r -> r.record().kafkaOffset()).containsExactly(2L);
        assertThat(db.article(a.id())).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("title", "Chip maker unveils AI accelerator"));
    }

    @Test
    void shouldReportEveryRecordWhenTheDatabaseRefusesThemAll() {
        put(storyRecord(0, story("st-0", 1)));
        refuseTitlesContaining("Title");

        task.put(articlesWithTwoRefused());

        assertThat(context.reported).hasSize(7);
        assertThat(db.articlesOf("st-0")).isEmpty();
        assertThat(context.timeouts).isEmpty();
    }

    @Test
    void shouldWriteTheRefusedRecordsNeighboursAgainWhenTheBatchIsReplayed() {
        put(storyRecord(0, story("st-0", 1)));
        refuseTitlesContaining("poison");
        task.put(articlesWithTwoRefused());
        List<Map<String, Object>> first = db.snapshot();

        task.put(articlesWithTwoRefused());

        assertThat(db.snapshot()).isEqualTo(first);
        assertThat(context.reported).hasSize(4);
    }

    @Test
    void shouldFailAtOnceNamingTheRefusedRecordWithoutErrantReporter() {
        put(storyRecord(0, story("st-0", 1)));
        refuseTitlesContaining("poison");
        RecordingSinkTaskContext strict = RecordingSinkTaskContext.withoutErrantReporter(Map.of());
        task = start(props(), strict);

        assertThatThrownBy(() -> task.put(articlesWithTwoRefused()))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("topic=stories.articles partition=0 offset=3")
                .hasMessageContaining(REFUSED_TITLE)
                .hasMessageContaining("errors.tolerance=all");
        assertThat(strict.timeouts).isEmpty();
    }

    @Test
    void shouldReadValuesOfStringJsonAndByteArrayConverters() {
        StoryArticle first = storyArticle("st-1", Role.PRIMARY, a);
        StoryArticle second = storyArticle("st-1", Role.SYNDICATED, b);
        Story story = story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0));
        byte[] storyBytes = json(story).getBytes(StandardCharsets.UTF_8);
        byte[] secondBytes = json(second).getBytes(StandardCharsets.UTF_8);
        byte[] firstBytes = json(first).getBytes(StandardCharsets.UTF_8);

        try (JsonConverter jsonConverter = new JsonConverter(); StringConverter stringConverter = new StringConverter()) {
            jsonConverter.configure(Map.of("schemas.enable", "false"), false);
            stringConverter.configure(Map.of(), false);
            Object mapValue = jsonConverter.toConnectData(STORIES, storyBytes).value();
            Object stringValue = stringConverter.toConnectData(ARTICLES, secondBytes).value();
            assertThat(mapValue).isInstanceOf(Map.class);
            assertThat(stringValue).isInstanceOf(String.class);

            put(record(STORIES, 0, 0, "st-1", mapValue),
                    record(ARTICLES, 0, 1, b.id(), stringValue),
                    record(ARTICLES, 0, 2, a.id().getBytes(StandardCharsets.UTF_8), firstBytes));
        }

        assertThat(context.reported).isEmpty();
        assertThat(db.story("st-1")).hasValueSatisfying(row -> assertThat(row)
                .containsEntry("first_seen", "2025-03-01T08:00:00.000Z"));
        assertThat(db.articlesOf("st-1")).extracting(row -> row.get("role"))
                .containsExactlyInAnyOrder("primary", "syndicated", "related");
    }

    @Test
    void shouldWriteInBatchesSmallerThanThePut() {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Article article = article("news.example/" + i, "Title " + i, "https://news.example/" + i, "News", T0);
            records.add(articleRecord(i, storyArticle("st-1", Role.PRIMARY, article)));
        }

        task.put(records);

        assertThat(db.articlesOf("st-1")).hasSize(7);
    }

    @Test
    void shouldUseTablePrefix() {
        Map<String, String> props = props();
        props.put(StorySinkConfig.TABLE_PREFIX, "sw_");
        task = start(props, context);

        put(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0))),
                articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)));

        StoryTables prefixed = new StoryTables(url, TableNames.withPrefix("sw_"));
        assertThat(prefixed.story("st-1")).isPresent();
        assertThat(prefixed.article(a.id())).isPresent();
    }

    @Test
    void shouldCountRowsDeletesAndErrantRecordsInThePluginMetrics() throws Exception {
        try (Metrics metrics = new Metrics(); PluginMetricsImpl pluginMetrics = taskPluginMetrics(metrics, 0)) {
            task = start(props(), RecordingSinkTaskContext.withPluginMetrics(Map.of(), pluginMetrics));

            put(storyRecord(0, story("st-1", 1, member(a.id(), Role.PRIMARY, T0), member(c.id(), Role.RELATED, T0))),
                    storyRecord(1, story("st-2", 1, member(b.id(), Role.PRIMARY, T0))),
                    articleRecord(0, storyArticle("st-1", Role.PRIMARY, a)),
                    articleRecord(1, storyArticle("st-2", Role.PRIMARY, b)),
                    record(ARTICLES, 0, 2, "x", "[1, 2, 3]"));
            put(storyRecord(2, story("st-2", 0)), tombstone(3, "st-1"));

            assertThat(metricValue(metrics, "sink-rows-written-total", 0, "stories")).isEqualTo(2.0);
            assertThat(metricValue(metrics, "sink-rows-written-total", 0, "story_articles"))
                    .as("a, b and the related c").isEqualTo(3.0);
            assertThat(metricValue(metrics, "sink-rows-deleted-total", 0, "stories")).isEqualTo(1.0);
            assertThat(metricValue(metrics, "sink-rows-deleted-total", 0, "story_articles"))
                    .as("a and c, still attached to st-1").isEqualTo(2.0);
            assertThat(metricValue(metrics, "sink-errant-records-total", 0, null)).isEqualTo(1.0);
            assertThat(metricValue(metrics, "sink-rows-written-rate", 0, "stories")).isPositive();
        }
    }

    @Test
    void shouldKeepThePluginMetricsOfTwoTasksApart() throws Exception {
        try (Metrics metrics = new Metrics();
                PluginMetricsImpl first = taskPluginMetrics(metrics, 0);
                PluginMetricsImpl second = taskPluginMetrics(metrics, 1)) {
            task = start(props(), RecordingSinkTaskContext.withPluginMetrics(Map.of(), first));
            start(props(), RecordingSinkTaskContext.withPluginMetrics(Map.of(), second));

            put(storyRecord(0, story("st-1", 1)));

            assertThat(metricValue(metrics, "sink-rows-written-total", 0, "stories")).isEqualTo(1.0);
            assertThat(metricValue(metrics, "sink-rows-written-total", 1, "stories")).isZero();
        }
    }

    /** What a Kafka 4.1+ worker hands task {@code task} of connector story-sink. */
    private static PluginMetricsImpl taskPluginMetrics(Metrics metrics, int task) {
        return new PluginMetricsImpl(metrics, Map.of("connector", "story-sink", "task", String.valueOf(task)));
    }

    /** The value of the plugin metric {@code name} of {@code task}, for {@code table} or without a table tag. */
    private static double metricValue(Metrics metrics, String name, int task, String table) {
        return metrics.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("plugins") && e.getKey().name().equals(name))
                .filter(e -> e.getKey().tags().get("task").equals(String.valueOf(task)))
                .filter(e -> Objects.equals(e.getKey().tags().get("table"), table))
                .map(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .reduce((x, y) -> {
                    throw new AssertionError("two metrics " + name + " for task " + task + " and table " + table);
                })
                .orElseThrow(() -> new AssertionError("no metric " + name + " for task " + task + " and table "
                        + table + " in " + metrics.metrics().keySet()));
    }
}
