package dev.storywire.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storywire.model.Article;
import dev.storywire.model.Json;
import dev.storywire.model.Role;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryMember;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the changes of one {@code put()} to the database in one transaction, collapsed per key
 * ({@link ChangeSet}) and sent in JDBC batches of {@code batch.size}.
 *
 * <p>When the database refuses a value ({@link SqlErrorClass#DATA}, e.g. PostgreSQL's 22021 for a NUL in
 * text), the transaction is rolled back and written again in halves, each inside a savepoint: a half that
 * fails is rolled back to its savepoint and split again, down to the single changes the database refuses.
 * Everything else is committed in that one transaction; the refused changes come back with the database's
 * error. With k refused records among n, that costs about k·log2(n) extra attempts, and nothing on the
 * healthy path. Any other error rolls the transaction back and is rethrown.
 *
 * <p>Holds one connection, opened on first use and dropped after any failure so the next attempt reconnects.
 * Not thread-safe: one per task.
 */
public final class StoryStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoryStore.class);

    private final StorySinkConfig config;
    private final SqlDialect dialect;
    private final SinkStatements sql;
    private Connection connection;

    public StoryStore(StorySinkConfig config) {
        this.config = config;
        this.dialect = config.dialect();
        this.sql = SinkStatements.of(dialect, config.tableNames());
    }

    /** A change the database refused, with its error. */
    public record Refusal(SinkChange change, SQLException error) {
    }

    /**
     * What a committed {@link #write} did.
     *
     * @param written the rows of the changes the database accepted
     * @param refused the changes the database refused (data errors), in record order of their isolation
     */
    public record Outcome(WriteResult written, List<Refusal> refused) {
        public Outcome {
            refused = List.copyOf(refused);
        }
    }

    /** Connects (and creates the tables) now rather than at the first write; a no-op when connected. */
    public void open() throws SQLException {
        connection();
    }

    /**
     * Applies the changes, in record order, in one transaction and commits; changes the database refuses for
     * their values are left out and returned. On any other failure the transaction is rolled back, the
     * connection closed, and the exception rethrown.
     */
    public Outcome write(List<SinkChange> changes) throws SQLException {
        Connection c = connection();
        try {
            Outcome outcome;
            try {
                outcome = new Outcome(apply(c, changes), List.of());
            } catch (SQLException e) {
                if (dialect.classify(e) != SqlErrorClass.DATA) {
                    throw e;
                }
                c.rollback();
                LOG.info("The database refused a value among {} changes ({}); writing them again in parts to "
                        + "find the refused records", changes.size(), StorySinkTask.describe(e));
                List<Refusal> refused = new ArrayList<>();
                WriteResult written = isolate(c, changes, e, refused);
                outcome = new Outcome(written, refused);
            }
            c.commit();
            return outcome;
        } catch (SQLException | RuntimeException e) {
            rollbackAndDisconnect();
            throw e;
        }
    }

    /**
     * Writes {@code changes}, which the database just refused with {@code failure}, without the refused ones: a
     * single change is refused; more are split in halves, each applied in order by {@link #applyIsolating}.
     */
    private WriteResult isolate(Connection c, List<SinkChange> changes, SQLException failure, List<Refusal> refused)
            throws SQLException {
        if (changes.size() == 1) {
            refused.add(new Refusal(changes.get(0), failure));
            return WriteResult.NONE;
        }
        int middle = changes.size() / 2;
        // In order: a later change of a key must still come after an earlier one.
        WriteResult first = applyIsolating(c, changes.subList(0, middle), refused);
        return first.plus(applyIsolating(c, changes.subList(middle, changes.size()), refused));
    }

    /** Applies {@code changes} inside a savepoint; when the database refuses a value, rolls back to it and isolates. */
    private WriteResult applyIsolating(Connection c, List<SinkChange> changes, List<Refusal> refused)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            WriteResult written = apply(c, changes);
            c.releaseSavepoint(savepoint);
            return written;
        } catch (SQLException e) {
            if (dialect.classify(e) != SqlErrorClass.DATA) {
                throw e;
            }
            c.rollback(savepoint);
            c.releaseSavepoint(savepoint);
            return isolate(c, changes, e, refused);
        }
    }

    /** Writes the changes, collapsed per key, without committing. */
    private WriteResult apply(Connection c, List<SinkChange> changes) throws SQLException {
        ChangeSet changeSet = new ChangeSet(config.deleteEnabled());
        changes.forEach(changeSet::add);
        Deleted deleted = deleteStories(c, changeSet.storyDeletes());
        List<Story> upserts = changeSet.storyUpserts();
        List<Story> accepted = upsertStories(c, upserts);
        int related = upsertRelated(c, accepted);
        int articles = upsertArticles(c, changeSet.articleUpserts());
        return new WriteResult(deleted.stories(), deleted.articles(), accepted.size(),
                upserts.size() - accepted.size(), articles, related);
    }

    private Connection connection() throws SQLException {
        if (connection != null) {
            return connection;
        }
        String url = config.connectionUrl();
        try {
            dialect.beforeConnect(url);
        } catch (UncheckedIOException e) {
            // e.g. a volume not mounted yet: as transient as a database that does not answer
            throw new SQLException(e.getMessage(), e);
        }
        Properties properties = new Properties();
        if (config.connectionUser() != null) {
            properties.setProperty("user", config.connectionUser());
        }
        if (config.connectionPassword() != null) {
            properties.setProperty("password", config.connectionPassword());
        }
        Connection opened = dialect.driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("the " + dialect.name() + " driver does not accept "
                    + JdbcUrls.mask(url));
        }
        try {
            dialect.configure(opened);
            opened.setAutoCommit(false);
            if (config.autoCreate()) {
                createTables(opened);
            }
        } catch (SQLException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
        LOG.info("Connected to {} database {}", dialect.name(), JdbcUrls.mask(url));
        connection = opened;
        return opened;
    }

    private void createTables(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            for (String ddl : dialect.createStatements(config.tableNames())) {
                statement.execute(ddl);
            }
        }
        c.commit();
    }

    private Deleted deleteStories(Connection c, List<String> storyIds) throws SQLException {
        if (storyIds.isEmpty()) {
            return new Deleted(0, 0);
        }
        int articles = countChanged(
                executeBatched(c, sql.deleteStoryArticles(), storyIds, (ps, id) -> ps.setString(1, id)));
        int stories = countChanged(executeBatched(c, sql.deleteStory(), storyIds, (ps, id) -> ps.setString(1, id)));
        return new Deleted(stories, articles);
    }

    /** Upserts the stories and returns those the version guard let through. */
    private List<Story> upsertStories(Connection c, List<Story> stories) throws SQLException {
        int[] counts = executeBatched(c, sql.upsertStory(), stories, this::bindStory);
        List<Story> accepted = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            // SUCCESS_NO_INFO (a driver that batches without counts) counts as written: the related rows it
            // then writes are as correct as the story's own members.
            if (counts[i] != 0) {
                accepted.add(stories.get(i));
            }
        }
        return accepted;
    }

    private void bindStory(PreparedStatement ps, Story story) throws SQLException {
        ps.setString(1, story.storyId());
        ps.setString(2, story.headline());
        ps.setInt(3, story.articleCount());
        dialect.setInstant(ps, 4, story.firstSeen());
        dialect.setInstant(ps, 5, story.lastUpdated());
        ps.setLong(6, story.version());
        dialect.setJson(ps, 7, toJson(story.providers()));
        dialect.setJson(ps, 8, toJson(story.topics()));
    }

    /** Replaces the related rows of each accepted story with its current related members. */
    private int upsertRelated(Connection c, List<Story> stories) throws SQLException {
        executeBatched(c, sql.deleteRelatedOfStory(), stories, (ps, story) -> ps.setString(1, story.storyId()));
        Map<String, RelatedRow> rows = new LinkedHashMap<>();
        for (Story story : stories) {
            for (StoryMember member : story.members()) {
                if (member.role() == Role.RELATED && member.articleId() != null && !member.articleId().isBlank()) {
                    rows.put(member.articleId(), new RelatedRow(story.storyId(), member));
                }
            }
        }
        return countChanged(executeBatched(c, sql.upsertRelated(), List.copyOf(rows.values()), (ps, row) -> {
            StoryMember member = row.member();
            ps.setString(1, member.articleId());
            ps.setString(2, row.storyId());
            ps.setString(3, member.url());
            ps.setString(4, member.title());
            ps.setString(5, member.provider());
            dialect.setInstant(ps, 6, member.publishedAt());
        }));
    }

    private int upsertArticles(Connection c, List<SinkChange.ArticleUpsert> upserts) throws SQLException {
        return countChanged(executeBatched(c, sql.upsertArticle(), upserts, (ps, upsert) -> {
            StoryArticle storyArticle = upsert.storyArticle();
            Article article = storyArticle.article();
            ps.setString(1, upsert.articleId());
            ps.setString(2, storyArticle.storyId());
            ps.setString(3, article.primaryUrl());
            ps.setString(4, article.title());
            ps.setString(5, article.providerName());
            dialect.setInstant(ps, 6, article.publishedDateTime());
            ps.setString(7, storyArticle.role().wireName());
            ps.setString(8, article.excerpt());
            dialect.setJson(ps, 9, toJson(storyArticle.related()));
        }));
    }

    /** Runs {@code sqlText} once per item, sending {@code batch.size} items per JDBC batch; returns the counts. */
    private <T> int[] executeBatched(Connection c, String sqlText, List<T> items, Binder<T> binder)
            throws SQLException {
        int[] counts = new int[items.size()];
        if (items.isEmpty()) {
            return counts;
        }
        int batchSize = config.batchSize();
        try (PreparedStatement ps = c.prepareStatement(sqlText)) {
            int start = 0;
            for (int i = 0; i < items.size(); i++) {
                binder.bind(ps, items.get(i));
                ps.addBatch();
                if (i - start + 1 == batchSize || i == items.size() - 1) {
                    int[] batchCounts = ps.executeBatch();
                    System.arraycopy(batchCounts, 0, counts, start, batchCounts.length);
                    start = i + 1;
                }
            }
        }
        return counts;
    }

    private static int countChanged(int[] counts) {
        int changed = 0;
        for (int count : counts) {
            changed += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return changed;
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new DataException("cannot write " + value + " as JSON", e);
        }
    }

    private void rollbackAndDisconnect() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed; the connection is closed anyway", e);
        }
        closeQuietly(connection);
        connection = null;
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing the connection failed", e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    private record RelatedRow(String storyId, StoryMember member) {
    }

    /** Rows removed by story tombstones, per table. */
    private record Deleted(int stories, int articles) {
    }
}
