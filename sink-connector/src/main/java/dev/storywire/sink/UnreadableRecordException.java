package dev.storywire.sink;

import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/** A record whose key or value the sink cannot turn into a {@link SinkChange}; its message names the record. */
public final class UnreadableRecordException extends DataException {

    UnreadableRecordException(SinkRecord record, String reason, Throwable cause) {
        super("Cannot read record " + RecordDescriptions.position(record) + ": " + reason
                + "; value: " + RecordDescriptions.preview(record.value()), cause);
    }

    UnreadableRecordException(SinkRecord record, String reason) {
        this(record, reason, null);
    }
}
