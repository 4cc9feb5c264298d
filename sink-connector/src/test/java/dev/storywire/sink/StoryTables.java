package dev.storywire.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the sink's tables back over a connection of its own, as the CLI would, in one shape for both
 * dialects: whole numbers as {@code Long}, times as fixed-width UTC text ({@code 2025-03-01T08:00:00.000Z},
 * SQLite's stored form), JSON list columns as Jackson trees (PostgreSQL's jsonb reorders keys and spacing).
 */
final class StoryTables {

    private static final Set<String> JSON_COLUMNS = Set.of("providers", "topics", "related");
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String url;
    private final TableNames tables;

    StoryTables(String url, TableNames tables) {
        this.url = url;
        this.tables = tables;
    }

    /** A JSON column value as {@link StoryTables} returns it. */
    static JsonNode jsonColumn(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    Optional<Map<String, Object>> story(String storyId) {
        return queryOne("SELECT * FROM " + tables.stories() + " WHERE story_id = ?", storyId);
    }

    Optional<Map<String, Object>> article(String articleId) {
        return queryOne("SELECT * FROM " + tables.storyArticles() + " WHERE article_id = ?", articleId);
    }

    List<Map<String, Object>> articlesOf(String storyId) {
        return query("SELECT * FROM " + tables.storyArticles() + " WHERE story_id = ? ORDER BY article_id", storyId);
    }

    long storyCount() {
        return (Long) query("SELECT COUNT(*) AS n FROM " + tables.stories()).get(0).get("n");
    }

    long articleCount() {
        return (Long) query("SELECT COUNT(*) AS n FROM " + tables.storyArticles()).get(0).get("n");
    }

    /** Every row of both tables, in key order: equal snapshots mean equal databases. */
    List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new ArrayList<>(query("SELECT * FROM " + tables.stories() + " ORDER BY story_id"));
        rows.addAll(query("SELECT * FROM " + tables.storyArticles() + " ORDER BY article_id"));
        return rows;
    }

    /** Runs a statement that returns no rows, e.g. DDL a test needs. */
    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot execute on " + url + ": " + sql, e);
        }
    }

    /** Any query, e.g. over the catalog; values normalised as for the tables. */
    List<Map<String, Object>> query(String sql, String... params) {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(meta.getColumnName(col), value(rs, meta, col));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + url + ": " + sql, e);
        }
    }

    private static Object value(ResultSet rs, ResultSetMetaData meta, int col) throws SQLException {
        String type = meta.getColumnTypeName(col).toLowerCase(Locale.ROOT);
        if (type.equals("timestamptz")) {
            OffsetDateTime time = rs.getObject(col, OffsetDateTime.class);
            return time == null ? null : TIME_FORMAT.format(time);
        }
        if (JSON_COLUMNS.contains(meta.getColumnName(col).toLowerCase(Locale.ROOT))) {
            String text = rs.getString(col);
            return text == null ? null : jsonColumn(text);
        }
        Object value = rs.getObject(col);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        return value;
    }

    private Optional<Map<String, Object>> queryOne(String sql, String param) {
        List<Map<String, Object>> rows = query(sql, param);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
