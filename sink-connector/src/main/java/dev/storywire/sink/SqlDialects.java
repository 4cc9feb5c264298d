package dev.storywire.sink;

import java.util.Locale;
import java.util.Optional;

/** Picks the {@link SqlDialect} for a JDBC URL. */
public final class SqlDialects {

    static final String SQLITE_PREFIX = "jdbc:sqlite:";
    static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    private SqlDialects() {
    }

    /** The dialect for {@code jdbcUrl}, or empty when the scheme is not supported. */
    public static Optional<SqlDialect> forUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return Optional.empty();
        }
        String url = jdbcUrl.trim().toLowerCase(Locale.ROOT);
        if (url.startsWith(SQLITE_PREFIX) && url.length() > SQLITE_PREFIX.length()) {
            return Optional.of(new SqliteDialect());
        }
        if (url.startsWith(POSTGRES_PREFIX) && url.length() > POSTGRES_PREFIX.length()) {
            return Optional.of(new PostgresDialect());
        }
        return Optional.empty();
    }
}
