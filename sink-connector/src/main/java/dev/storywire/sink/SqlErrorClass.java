package dev.storywire.sink;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a database error says about the write that failed, and so what the sink does about it.
 *
 * <p>PostgreSQL reports a five-character SQLState whose first two characters are its class
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html); the SQLite driver reports no SQLState but
 * SQLite's result code (https://www.sqlite.org/rescode.html), whose low byte is the primary code.
 */
public enum SqlErrorClass {

    /**
     * The database refuses a value of one record (class 22 data exception, e.g. 22021 a NUL character in text;
     * class 23 integrity constraint violation; 54000 an index row too large for its key). Retrying the same
     * record fails the same way forever: the sink isolates the record and reports it.
     */
    DATA,

    /**
     * The database refuses the sink itself: authentication (class 28, and pgjdbc's 08004 when the server asks
     * for a password none was given for), no such database (3D) or schema (3F), a missing privilege, table or
     * column (class 42), an unsupported feature (0A). Retrying cannot help until an operator changes the
     * configuration or the database: the task fails at once.
     */
    CONFIGURATION,

    /**
     * Anything that may pass by itself: the connection refused or lost (class 08 but 08004), a serialization
     * failure or deadlock (class 40), a database starting up or shutting down (class 57), out of resources
     * (class 53), a busy or locked SQLite file, and any error this class does not know. Retried, a bounded
     * number of times.
     */
    TRANSIENT;

    /** SQLite's primary result codes that one record's values cause: CONSTRAINT, MISMATCH, TOOBIG, RANGE. */
    private static final Set<Integer> SQLITE_DATA_CODES = Set.of(19, 20, 18, 25);
    /** SQLite's primary result codes that only an operator can fix: READONLY, CORRUPT, AUTH, NOTADB. */
    private static final Set<Integer> SQLITE_CONFIGURATION_CODES = Set.of(8, 11, 23, 26);

    /** The class of a PostgreSQL (or any SQL standard) SQLState; {@link #TRANSIENT} when unknown or null. */
    public static SqlErrorClass ofSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return TRANSIENT;
        }
        String state = sqlState.toUpperCase(Locale.ROOT);
        if (state.equals("08004")) {
            return CONFIGURATION;
        }
        if (state.equals("54000") || state.equals("40002")) {
            return DATA;
        }
        return switch (state.substring(0, 2)) {
            case "22", "23" -> DATA;
            case "28", "3D", "3F", "42", "0A" -> CONFIGURATION;
            default -> TRANSIENT;
        };
    }

    /** The class of an SQLite result code (primary or extended); {@link #TRANSIENT} when unknown. */
    public static SqlErrorClass ofSqliteResultCode(int resultCode) {
        int primary = resultCode & 0xff;
        if (SQLITE_DATA_CODES.contains(primary)) {
            return DATA;
        }
        if (SQLITE_CONFIGURATION_CODES.contains(primary)) {
            return CONFIGURATION;
        }
        return TRANSIENT;
    }

    /**
     * The first SQLState in the exception, its chained exceptions ({@link SQLException#getNextException()}, where
     * batch drivers put the real cause) and its causes; {@code null} when none has one.
     */
    public static String sqlState(SQLException e) {
        for (SQLException current : chain(e)) {
            if (current.getSQLState() != null) {
                return current.getSQLState();
            }
        }
        return null;
    }

    /** The first non-zero vendor error code in the same chain as {@link #sqlState}; 0 when none. */
    public static int errorCode(SQLException e) {
        for (SQLException current : chain(e)) {
            if (current.getErrorCode() != 0) {
                return current.getErrorCode();
            }
        }
        return 0;
    }

    private static Iterable<SQLException> chain(SQLException e) {
        List<SQLException> chain = new ArrayList<>();
        Set<Throwable> seen = new HashSet<>();
        collect(e, chain, seen);
        return chain;
    }

    private static void collect(Throwable t, List<SQLException> chain, Set<Throwable> seen) {
        if (t == null || !seen.add(t) || seen.size() > 20) {
            return;
        }
        if (t instanceof SQLException sql) {
            chain.add(sql);
            collect(sql.getNextException(), chain, seen);
        }
        collect(t.getCause(), chain, seen);
    }
}
