package dev.storywire.ingest;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Tells a refusal of one record (it is too large, or invalid for the topic) from a failure of the cluster or the
 * connection. The first is the document's problem and sends it to the dead-letter topic; the second stops the run.
 */
final class RecordRefusal {

    private RecordRefusal() {
    }

    /** Whether Kafka refused this record for what it is, so another record would still be accepted. */
    static boolean isRecordRefusal(Exception error) {
        return error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException
                || error instanceof InvalidTimestampException;
    }

    /** The dead-letter reason: {@code record refused by Kafka topic T (N bytes): RecordTooLargeException: ...}. */
    static String reason(String topic, int valueBytes, Exception error) {
        return "record refused by Kafka topic " + topic + " (article record of " + valueBytes + " bytes): "
                + error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
