package dev.storywire.sink;

/**
 * The SQL the sink runs, the same for every {@link SqlDialect} apart from JSON placeholders.
 *
 * <p>Each row has one authoritative writer, so that any interleaving of the two topics converges:
 * <ul>
 *   <li>{@code stories} rows: the {@code stories} topic, guarded by version (older replays never regress);</li>
 *   <li>{@code story_articles} rows with role primary/syndicated: the {@code stories.articles} topic;</li>
 *   <li>{@code story_articles} rows with role related: the {@code stories} topic, only while no
 *       primary/syndicated row exists for that article.</li>
 * </ul>
 * The {@code url} column keeps the value of the first insert ("as given on first sight").
 *
 * @param upsertStory binds story_id, headline, article_count, first_seen, last_updated, version, providers, topics
 * @param upsertArticle binds article_id, story_id, url, title, provider, published_at, role, excerpt, related
 * @param upsertRelated binds article_id, story_id, url, title, provider, published_at
 * @param deleteRelatedOfStory binds story_id; run before a story's related members are written again, so that
 *     members a newer version dropped disappear
 * @param deleteStory binds story_id
 * @param deleteStoryArticles binds story_id
 */
public record SinkStatements(
        String upsertStory,
        String upsertArticle,
        String upsertRelated,
        String deleteRelatedOfStory,
        String deleteStory,
        String deleteStoryArticles) {

    public static SinkStatements of(SqlDialect dialect, TableNames tables) {
        String json = dialect.jsonPlaceholder();
        String stories = tables.stories();
        String articles = tables.storyArticles();
        return new SinkStatements(
                "INSERT INTO " + stories
                        + " (story_id, headline, article_count, first_seen, last_updated, version, providers, topics)"
                        + " VALUES (?, ?, ?, ?, ?, ?, " + json + ", " + json + ")"
                        + " ON CONFLICT (story_id) DO UPDATE SET"
                        + " headline = excluded.headline, article_count = excluded.article_count,"
                        + " first_seen = excluded.first_seen, last_updated = excluded.last_updated,"
                        + " version = excluded.version, providers = excluded.providers, topics = excluded.topics"
                        // >= rather than >: replaying the current version rewrites identical values (harmless)
                        // and reports one changed row, which tells the task to write its related members.
                        + " WHERE " + stories + ".version <= excluded.version",
                "INSERT INTO " + articles
                        + " (article_id, story_id, url, title, provider, published_at, role, excerpt, related)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " + json + ")"
                        + " ON CONFLICT (article_id) DO UPDATE SET"
                        + " story_id = excluded.story_id, url = COALESCE(" + articles + ".url, excluded.url),"
                        + " title = excluded.title, provider = excluded.provider,"
                        + " published_at = excluded.published_at, role = excluded.role,"
                        + " excerpt = excluded.excerpt, related = excluded.related",
                "INSERT INTO " + articles
                        + " (article_id, story_id, url, title, provider, published_at, role)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'related')"
                        + " ON CONFLICT (article_id) DO UPDATE SET"
                        + " story_id = excluded.story_id, url = COALESCE(" + articles + ".url, excluded.url),"
                        + " title = excluded.title, provider = excluded.provider,"
                        + " published_at = excluded.published_at"
                        // a related sighting never overwrites the row its own stories.articles record wrote
                        + " WHERE " + articles + ".role = 'related'",
                "DELETE FROM " + articles + " WHERE story_id = ? AND role = 'related'",
                "DELETE FROM " + stories + " WHERE story_id = ?",
                "DELETE FROM " + articles + " WHERE story_id = ?");
    }
}
