package dev.storywire.app;

import dev.storywire.sink.JdbcUrls;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads back what the sink wrote, for the run summary. */
final class StoryDatabase {

    private final String jdbcUrl;
    private final Properties credentials;
    private final String tablePrefix;

    StoryDatabase(String jdbcUrl, Properties credentials, String tablePrefix) {
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
        this.tablePrefix = tablePrefix;
    }

    /** One story as the summary shows it. */
    record StoryRow(String storyId, String headline, int articleCount) {
    }

    /** Counts and the largest stories. */
    record Contents(long stories, long uniqueArticles, long relatedArticles, List<StoryRow> largest) {
    }

    Contents read(int largestCount) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials)) {
            long stories = count(connection, "SELECT COUNT(*) FROM " + tablePrefix + "stories");
            long unique = count(connection, "SELECT COUNT(*) FROM " + tablePrefix
                    + "story_articles WHERE role IN ('primary', 'syndicated')");
            long related = count(connection, "SELECT COUNT(*) FROM " + tablePrefix
                    + "story_articles WHERE role = 'related'");
            return new Contents(stories, unique, related, largest(connection, largestCount));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the results from " + JdbcUrls.mask(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<StoryRow> largest(Connection connection, int limit) throws SQLException {
        String sql = "SELECT story_id, headline, article_count FROM " + tablePrefix
                + "stories ORDER BY article_count DESC, first_seen, story_id LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, limit);
            List<StoryRow> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new StoryRow(rows.getString(1), rows.getString(2), rows.getInt(3)));
                }
            }
            return result;
        }
    }
}
