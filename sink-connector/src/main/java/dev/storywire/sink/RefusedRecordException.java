package dev.storywire.sink;

import java.sql.SQLException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record the database refused for its values (a data error: SQLState class 22 or 23, SQLite CONSTRAINT, ...);
 * what the errant record reporter receives. Its message names the record and carries the database's message.
 */
public final class RefusedRecordException extends DataException {

    RefusedRecordException(SinkRecord record, String database, SQLException cause) {
        super("The " + database + " database refused record " + RecordDescriptions.position(record) + ": "
                + StorySinkTask.describe(cause) + "; value: " + RecordDescriptions.preview(record.value()), cause);
    }
}
