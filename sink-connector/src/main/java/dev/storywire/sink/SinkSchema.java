package dev.storywire.sink;

import java.util.List;

/**
 * The sink's tables and indexes, the same for every {@link SqlDialect} apart from the column types it names.
 *
 * @param timeType the type of a point in time ({@code first_seen}, {@code last_updated}, {@code published_at})
 * @param versionType the type of the 64-bit story version
 * @param jsonType the type of a JSON list ({@code providers}, {@code topics}, {@code related})
 * @param emptyJsonList the default of a JSON list column, an empty list in that type
 */
public record SinkSchema(String timeType, String versionType, String jsonType, String emptyJsonList) {

    /** {@code CREATE TABLE/INDEX IF NOT EXISTS} statements for {@code tables}, in order. */
    public List<String> createStatements(TableNames tables) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + tables.stories() + " ("
                        + "story_id TEXT NOT NULL PRIMARY KEY, "
                        + "headline TEXT, "
                        + "article_count INTEGER NOT NULL, "
                        + "first_seen " + timeType + ", "
                        + "last_updated " + timeType + ", "
                        + "version " + versionType + " NOT NULL, "
                        + "providers " + jsonType + " NOT NULL DEFAULT " + emptyJsonList + ", "
                        + "topics " + jsonType + " NOT NULL DEFAULT " + emptyJsonList + ")",
                "CREATE INDEX IF NOT EXISTS " + tables.storiesLastUpdatedIndex()
                        + " ON " + tables.stories() + " (last_updated)",
                "CREATE TABLE IF NOT EXISTS " + tables.storyArticles() + " ("
                        + "article_id TEXT NOT NULL PRIMARY KEY, "
                        + "story_id TEXT NOT NULL, "
                        + "url TEXT, "
                        + "title TEXT, "
                        + "provider TEXT, "
                        + "published_at " + timeType + ", "
                        + "role TEXT NOT NULL CHECK (role IN ('primary', 'syndicated', 'related')), "
                        + "excerpt TEXT, "
                        + "related " + jsonType + ")",
                "CREATE INDEX IF NOT EXISTS " + tables.storyArticlesStoryIdIndex()
                        + " ON " + tables.storyArticles() + " (story_id)");
    }
}
