package dev.storywire.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * SQLite: times as ISO-8601 text, lists as JSON text.
 *
 * <p>Times are written with a fixed width ({@code 2024-05-01T08:30:00.000Z}, UTC, milliseconds) so that text
 * order is time order and {@code ORDER BY last_updated} works; {@link Instant#toString()} drops zero fractions,
 * which would sort {@code ...:00.5Z} before {@code ...:00Z}. SQLite's date functions read this form.
 */
public final class SqliteDialect implements SqlDialect {

    /** Times as ISO-8601 text (they sort as text), lists as JSON text; SQLite's INTEGER holds 64 bits. */
    private static final SinkSchema SCHEMA = new SinkSchema("TEXT", "INTEGER", "TEXT", "'[]'");

    /**
     * How long a statement waits for another connection's lock before failing with SQLITE_BUSY. The CLI and
     * other readers open the same file while the task writes; with WAL they never block the writer, but a
     * second writer (another task, a manual fix) or a checkpoint can hold the lock for a moment.
     */
    static final int BUSY_TIMEOUT_MS = 10_000;

    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public String name() {
        return "sqlite";
    }

    /** SQLite creates the database file but not its directory. */
    @Override
    public void beforeConnect(String jdbcUrl) {
        String target = jdbcUrl.trim().substring(SqlDialects.SQLITE_PREFIX.length());
        if (target.startsWith(":") || target.startsWith("file:")) {
            return; // :memory:, :resource:, URI file names: nothing to create
        }
        int query = target.indexOf('?');
        Path parent = Path.of(query < 0 ? target : target.substring(0, query)).toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of SQLite database " + target, e);
        }
    }

    @Override
    public void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // WAL: readers (the CLI, a dashboard) see the last committed state without blocking this writer,
            // and the writer never blocks them. The mode is stored in the file, so it sticks for all users.
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            // synchronous stays at its default FULL: offsets are committed to Kafka after our commit, so a
            // commit must survive a power loss or the records would be skipped.
        }
    }

    @Override
    public Driver driver() {
        return new org.sqlite.JDBC();
    }

    @Override
    public List<String> createStatements(TableNames tables) {
        return SCHEMA.createStatements(tables);
    }

    /** The SQLite driver reports no SQLState but SQLite's result code as the error code. */
    @Override
    public SqlErrorClass classify(SQLException e) {
        return SqlErrorClass.ofSqliteResultCode(SqlErrorClass.errorCode(e));
    }

    @Override
    public String jsonPlaceholder() {
        return "?";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, TIME_FORMAT.format(value));
        }
    }

    @Override
    public void setJson(PreparedStatement statement, int index, String json) throws SQLException {
        if (json == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, json);
        }
    }
}
