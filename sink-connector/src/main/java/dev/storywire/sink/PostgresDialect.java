package dev.storywire.sink;

import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** PostgreSQL: {@code timestamptz} for times, {@code jsonb} for lists. */
public final class PostgresDialect implements SqlDialect {

    /** Times as {@code timestamptz}, lists as {@code jsonb}. */
    private static final SinkSchema SCHEMA = new SinkSchema("TIMESTAMPTZ", "BIGINT", "JSONB", "'[]'::jsonb");

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Driver driver() {
        return new org.postgresql.Driver();
    }

    @Override
    public List<String> createStatements(TableNames tables) {
        return SCHEMA.createStatements(tables);
    }

    /** PostgreSQL and pgjdbc report an SQLState for every error. */
    @Override
    public SqlErrorClass classify(SQLException e) {
        return SqlErrorClass.ofSqlState(SqlErrorClass.sqlState(e));
    }

    /** The driver sends strings as varchar; the cast makes PostgreSQL parse and store them as jsonb. */
    @Override
    public String jsonPlaceholder() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            // pgjdbc maps OffsetDateTime to timestamptz (JDBC 4.2); Instant itself is not supported.
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
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
