package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlErrorClassTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "22021, DATA",           // character not in repertoire: a NUL in text
        "22P05, DATA",           // untranslatable character: \\u0000 in jsonb
        "22001, DATA",           // string too long for its column
        "23505, DATA",           // unique violation
        "23514, DATA",           // check violation
        "23502, DATA",           // not null violation
        "54000, DATA",           // index row too large
        "28P01, CONFIGURATION",  // wrong password
        "28000, CONFIGURATION",  // no such role, or pg_hba rejects
        "08004, CONFIGURATION",  // pgjdbc: the server asked for a password none was given for
        "3D000, CONFIGURATION",  // no such database
        "3F000, CONFIGURATION",  // no such schema
        "42501, CONFIGURATION",  // insufficient privilege
        "42P01, CONFIGURATION",  // no such table (auto.create=false)
        "0A000, CONFIGURATION",  // feature not supported
        "08001, TRANSIENT",      // cannot connect: refused, unknown host
        "08006, TRANSIENT",      // connection lost
        "40001, TRANSIENT",      // serialization failure
        "40P01, TRANSIENT",      // deadlock
        "57P01, TRANSIENT",      // server shutting down
        "57P03, TRANSIENT",      // server starting up
        "53300, TRANSIENT",      // too many connections
        "XX000, TRANSIENT",      // internal error
        "99999, TRANSIENT",      // unknown
        "3d000, CONFIGURATION",  // lower case
    })
    void shouldClassifySqlStates(String sqlState, SqlErrorClass expected) {
        assertThat(SqlErrorClass.ofSqlState(sqlState)).isEqualTo(expected);
    }

    @Test
    void shouldTreatAMissingOrMalformedSqlStateAsTransient() {
        assertThat(SqlErrorClass.ofSqlState(null)).isEqualTo(SqlErrorClass.TRANSIENT);
        assertThat(SqlErrorClass.ofSqlState("22")).isEqualTo(SqlErrorClass.TRANSIENT);
    }

    @ParameterizedTest(name = "SQLite result code {0} is {1}")
    @CsvSource({
        "19, DATA",             // SQLITE_CONSTRAINT
        "1811, DATA",           // SQLITE_CONSTRAINT_TRIGGER (extended)
        "2067, DATA",           // SQLITE_CONSTRAINT_UNIQUE (extended)
        "20, DATA",             // SQLITE_MISMATCH
        "18, DATA",             // SQLITE_TOOBIG
        "8, CONFIGURATION",     // SQLITE_READONLY
        "26, CONFIGURATION",    // SQLITE_NOTADB
        "11, CONFIGURATION",    // SQLITE_CORRUPT
        "5, TRANSIENT",         // SQLITE_BUSY
        "6, TRANSIENT",         // SQLITE_LOCKED
        "10, TRANSIENT",        // SQLITE_IOERR
        "14, TRANSIENT",        // SQLITE_CANTOPEN: a volume not mounted yet
        "1, TRANSIENT",         // SQLITE_ERROR
        "0, TRANSIENT",
    })
    void shouldClassifySqliteResultCodes(int code, SqlErrorClass expected) {
        assertThat(SqlErrorClass.ofSqliteResultCode(code)).isEqualTo(expected);
    }

    @Test
    void shouldFindTheSqlStateOfTheChainedExceptionABatchDriverThrows() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 3 was aborted", null, 0, new int[0]);
        batch.setNextException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(SqlErrorClass.sqlState(batch)).isEqualTo("22021");
    }

    @Test
    void shouldFindTheSqlStateAndCodeOfACause() {
        SQLException wrapper = new SQLException("wrapped", null, 0, new SQLException("busy", null, 5));

        assertThat(SqlErrorClass.sqlState(wrapper)).isNull();
        assertThat(SqlErrorClass.errorCode(wrapper)).isEqualTo(5);
    }
}
