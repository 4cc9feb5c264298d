package dev.storywire.sink;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the sink's SQLite tables back over a connection of its own, as the CLI would. */
final class SqliteTables {

    private final String url;
    private final TableNames tables;

    SqliteTables(String url, TableNames tables) {
        this.url = url;
        this.tables = tables;
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

    /** Every row of both tables, in key order: equal snapshots mean equal databases. */
    List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new ArrayList<>(query("SELECT * FROM " + tables.stories() + " ORDER BY story_id"));
        rows.addAll(query("SELECT * FROM " + tables.storyArticles() + " ORDER BY article_id"));
        return rows;
    }

    String pragma(String name) {
        return String.valueOf(query("PRAGMA " + name).get(0).values().iterator().next());
    }

    private Optional<Map<String, Object>> queryOne(String sql, String param) {
        List<Map<String, Object>> rows = query(sql, param);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<Map<String, Object>> query(String sql, String... params) {
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
                        row.put(meta.getColumnName(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + url + ": " + sql, e);
        }
    }
}
