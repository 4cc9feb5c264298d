package dev.storywire.app;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bench/e2e: polls the sink's {@code story_articles} table every {@link #POLL} for committed rows and notes when each
 * measured article first appears: a primary-key lookup of the ids still awaited, a few hundred to a few thousand
 * (PostgreSQL {@code article_id = ANY(?)}, SQLite {@code IN (...)} in chunks). Not a scan past the highest SQLite rowid
 * seen: the sink deletes rows (a merged-away story's members, before they are written again under the surviving
 * story), and SQLite then reuses the highest rowids, so such a scan misses rows.
 */
final class DatabaseArrivals implements Runnable {

    /** The resolution of the to-database times: an article's time is rounded up to the next poll. */
    static final Duration POLL = Duration.ofMillis(25);
    /** Ids per SQLite query (well under SQLite's limit of bound parameters). */
    private static final int SQLITE_CHUNK = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseArrivals.class);

    private final String jdbcUrl;
    private final ArrivalTimes times;
    private final AtomicBoolean running;

    DatabaseArrivals(String jdbcUrl, ArrivalTimes times, AtomicBoolean running) {
        this.jdbcUrl = jdbcUrl;
        this.times = times;
        this.running = running;
    }

    @Override
    public void run() {
        while (running.get()) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                    pollSqlite(connection);
                } else {
                    pollPostgres(connection);
                }
            } catch (SQLException e) {
                // The sink creates the table on its first write: until then, and while SQLite is busy, try again.
                LOG.debug("Database not readable yet: {}", e.toString());
                sleep();
            }
        }
    }

    private void pollSqlite(Connection connection) throws SQLException {
        while (running.get()) {
            List<String> awaited = times.awaitingDatabase();
            for (int from = 0; from < awaited.size(); from += SQLITE_CHUNK) {
                List<String> chunk = awaited.subList(from, Math.min(awaited.size(), from + SQLITE_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT article_id FROM story_articles WHERE article_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        long now = System.currentTimeMillis();
                        while (rows.next()) {
                            times.seenInDatabase(rows.getString(1), now);
                        }
                    }
                }
            }
            sleep();
        }
    }

    private void pollPostgres(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT article_id FROM story_articles WHERE article_id = ANY(?)")) {
            while (running.get()) {
                List<String> awaited = times.awaitingDatabase();
                if (!awaited.isEmpty()) {
                    Array ids = connection.createArrayOf("text", awaited.toArray());
                    query.setArray(1, ids);
                    try (ResultSet rows = query.executeQuery()) {
                        long now = System.currentTimeMillis();
                        while (rows.next()) {
                            times.seenInDatabase(rows.getString(1), now);
                        }
                    }
                    ids.free();
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
