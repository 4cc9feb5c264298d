package dev.storywire.sink;

import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts the records of one {@code put()} into the database in a single transaction.
 *
 * <p>Unreadable records go to Connect's errant record reporter (the DLQ when configured) and the task goes
 * on; without a reporter the task fails naming the record. A database error rolls the transaction back and
 * asks Connect to redeliver the batch after {@code retry.backoff.ms}, up to {@code max.retries} times in a
 * row; then the task fails with the database's message.
 *
 * <p>Rows written and deleted per table and errant records are counted in the worker's plugin metrics
 * ({@link PluginSinkMetrics}) when the worker has them (Kafka 4.1+).
 */
public final class StorySinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(StorySinkTask.class);

    private StorySinkConfig config;
    private RecordReader reader;
    private StoryStore store;
    private ErrantRecordReporter errantReporter;
    private SinkMetrics metrics = SinkMetrics.NONE;
    private int retriesLeft;
    /** Records reported during the current run of retries: a redelivered batch must not report them again. */
    private final Set<RecordPosition> reportedSinceLastCommit = new HashSet<>();

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new StorySinkConfig(props);
        reader = new RecordReader(config.storiesTopic(), config.articlesTopic());
        store = new StoryStore(config);
        errantReporter = errantReporter();
        metrics = SinkMetrics.register(context, config.tableNames());
        retriesLeft = config.maxRetries();
        LOG.info("Starting story sink task: {}; errant records {}", config.describe(),
                errantReporter == null ? "fail the task" : "go to the errant record reporter");
    }

    private ErrantRecordReporter errantReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        ChangeSet changes = new ChangeSet(config.deleteEnabled());
        for (SinkRecord record : records) {
            try {
                reader.read(record).ifPresent(changes::add);
            } catch (UnreadableRecordException e) {
                reportUnreadable(record, e);
            }
        }
        if (changes.skippedTombstones() > 0) {
            LOG.debug("Skipped {} tombstones (delete.enabled=false)", changes.skippedTombstones());
        }
        if (changes.isEmpty()) {
            return;
        }
        try {
            WriteResult result = store.write(changes);
            retriesLeft = config.maxRetries();
            reportedSinceLastCommit.clear();
            metrics.recordWrite(result);
            LOG.debug("Committed {} records ({}): {}", records.size(), RecordDescriptions.offsets(records), result);
        } catch (SQLException e) {
            throw databaseFailure(records, e);
        }
    }

    private void reportUnreadable(SinkRecord record, UnreadableRecordException e) {
        if (errantReporter == null) {
            throw new ConnectException(e.getMessage()
                    + " (configure errors.tolerance=all and a dead letter queue to skip such records)", e);
        }
        if (reportedSinceLastCommit.add(RecordPosition.of(record))) {
            LOG.warn("{}; sent to the errant record reporter", e.getMessage());
            errantReporter.report(record, e);
            metrics.recordErrantRecord();
        }
    }

    private ConnectException databaseFailure(Collection<SinkRecord> records, SQLException e) {
        String what = records.size() + " records (" + RecordDescriptions.offsets(records) + ") to "
                + config.dialect().name() + " " + StorySinkConfig.redactedUrl(config.connectionUrl());
        if (retriesLeft > 0) {
            retriesLeft--;
            LOG.warn("Writing {} failed: {}; retrying in {} ms, {} retries left", what, describe(e),
                    config.retryBackoffMs(), retriesLeft);
            context.timeout(config.retryBackoffMs());
            return new RetriableException("Writing " + what + " failed: " + describe(e), e);
        }
        return new ConnectException("Writing " + what + " failed after " + config.maxRetries()
                + " retries: " + describe(e), e);
    }

    /** The database's message with its SQLState and chained exceptions (batch drivers chain the real cause). */
    static String describe(SQLException e) {
        StringBuilder text = new StringBuilder();
        for (SQLException current = e; current != null && text.length() < 1000; current = current.getNextException()) {
            if (!text.isEmpty()) {
                text.append("; next: ");
            }
            text.append(current.getMessage()).append(" [SQLState ").append(current.getSQLState())
                    .append(", error ").append(current.getErrorCode()).append(']');
        }
        return text.toString();
    }

    /** Nothing to flush: every {@code put()} commits before it returns. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    @Override
    public void stop() {
        if (store != null) {
            store.close();
        }
        LOG.info("Stopped story sink task");
    }

    /** Where a record was read; identifies it across redeliveries. */
    private record RecordPosition(String topic, Integer partition, long offset) {
        static RecordPosition of(SinkRecord record) {
            return new RecordPosition(record.topic(), record.kafkaPartition(), record.kafkaOffset());
        }
    }
}
