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
 * measured article first appears. SQLite: rows past the highest rowid seen (one range scan). PostgreSQL (no rowid):
 * a primary-key lookup of the ids still awaited ({@code article_id = ANY(?)}), a few hundred to a few thousand.
 */
final class DatabaseArrivals implements Runnable {

    /** The resolution of the to-database times: an article's time is rounded up to the next poll. */
    static final Duration POLL = Duration.ofMillis(25);
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
        long lastRow = 0;
        while (running.get()) {
            try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
                if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                    pollSqlite(connection, lastRow);
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

    private void pollSqlite(Connection connection, long fromRow) throws SQLException {
        long lastRow = fromRow;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT rowid, article_id FROM story_articles WHERE rowid > ? ORDER BY rowid")) {
            while (running.get()) {
                query.setLong(1, lastRow);
                try (ResultSet rows = query.executeQuery()) {
                    long now = System.currentTimeMillis();
                    while (rows.next()) {
                        lastRow = Math.max(lastRow, rows.getLong(1));
                        times.seenInDatabase(rows.getString(2), now);
                    }
                }
                sleep();
            }
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
