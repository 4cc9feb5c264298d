package dev.storywire.sink;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What differs between the databases the sink writes to: column types, how times and JSON lists are bound,
 * and per-connection settings. The statements themselves share one shape ({@link SinkStatements}): both
 * SQLite (3.24+) and PostgreSQL (9.5+) support {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE}.
 */
public interface SqlDialect {

    /** A short name for logs, e.g. {@code sqlite}. */
    String name();

    /**
     * The JDBC driver, used directly rather than through {@code DriverManager}: under Connect's plugin
     * isolation the driver lives in the plugin's class loader, which {@code DriverManager} may not search.
     */
    Driver driver();

    /** Called before each connection attempt, e.g. to create the directory of a database file. */
    default void beforeConnect(String jdbcUrl) {
    }

    /** Session settings applied once to every new connection, before its first transaction. */
    default void configure(Connection connection) throws SQLException {
    }

    /** {@code CREATE TABLE/INDEX IF NOT EXISTS} statements, in order. */
    List<String> createStatements(TableNames tables);

    /** The SQL placeholder for a JSON list parameter bound with {@link #setJson}. */
    String jsonPlaceholder();

    /** Binds a point in time; {@code null} binds SQL NULL. */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException;

    /** What a database error of this database says about the write that failed. */
    SqlErrorClass classify(SQLException e);

    /** Binds JSON text to a {@link #jsonPlaceholder()}; {@code null} binds SQL NULL. */
    void setJson(PreparedStatement statement, int index, String json) throws SQLException;
}
