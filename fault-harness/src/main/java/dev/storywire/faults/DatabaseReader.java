package dev.storywire.faults;

import dev.storywire.faults.PipelineContents.ArticleRow;
import dev.storywire.faults.PipelineContents.StoryRow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the sink's tables ({@code stories}, {@code story_articles}) over JDBC. */
public final class DatabaseReader {

    private DatabaseReader() {
    }

    public static PipelineContents read(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            return new PipelineContents(articles(connection), stories(connection), Map.of());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sink tables at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** Rows with role primary or syndicated, or -1 when the tables do not exist yet. */
    public static long ownDocumentRows(String jdbcUrl) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM story_articles WHERE role IN ('primary', 'syndicated')")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    private static List<ArticleRow> articles(Connection connection) throws SQLException {
        List<ArticleRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT article_id, story_id, role FROM story_articles")) {
            while (result.next()) {
                rows.add(new ArticleRow(result.getString(1), result.getString(2), result.getString(3)));
            }
        }
        return rows;
    }

    private static List<StoryRow> stories(Connection connection) throws SQLException {
        List<StoryRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT story_id, article_count, version FROM stories")) {
            while (result.next()) {
                rows.add(new StoryRow(result.getString(1), result.getInt(2), result.getLong(3)));
            }
        }
        return rows;
    }
}
