package dev.storywire.sink;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upserts the records of one {@code put()} into the database in a single transaction ({@link StoryStore}).
 *
 * <p>What happens to a record that cannot be written depends on why ({@link SqlErrorClass}):
 * <ul>
 *   <li>unreadable (not JSON, wrong shape) or refused by the database for its values (a data error such as a
 *       NUL character in PostgreSQL text): sent to Connect's errant record reporter (the DLQ when configured)
 *       with the reason, and the rest of the batch is written; without a reporter
 *       ({@code errors.tolerance=none} and no DLQ) the task fails naming the record, since Connect's contract
 *       then is to stop rather than skip;</li>
 *   <li>a configuration error (authentication, no such database, missing privilege or table): the task fails
 *       at once, at start or at the put that meets it, with one log line naming the database URL (passwords
 *       masked): retrying cannot fix it;</li>
 *   <li>anything else (connection refused or lost, deadlock, serialization failure, unknown): the transaction
 *       is rolled back and Connect redelivers the batch after {@code retry.backoff.ms}, up to
 *       {@code max.retries} times in a row; then the task fails with the database's message.</li>
 * </ul>
 *
 * <p>Rows written and deleted per table and errant records are counted in the worker's plugin metrics
 * ({@link PluginSinkMetrics}) when the worker has them (Kafka 4.1+).
 */
public final class StorySinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(StorySinkTask.class);
    /** How many refused records a failure message lists before it only counts the rest. */
    private static final int REFUSALS_LISTED = 5;

    private StorySinkConfig config;
    private RecordReader reader;
    private StoryStore store;
    private ErrantRecordReporter errantReporter;
    private SinkMetrics metrics = SinkMetrics.NONE;
    private int retriesLeft;
    /**
     * When a batch that failed may be written again ({@link Time#milliseconds()}), 0 when none failed. Connect waits
     * at most {@code context.timeout} before redelivering, but less when an offset commit comes due first (every
     * {@code offset.flush.interval.ms}), so the task waits out the rest of {@code retry.backoff.ms} itself.
     */
    private long retryNotBefore;
    private final Time time;
    /** Records reported during the current run of retries: a redelivered batch must not report them again. */
    private final Set<RecordPosition> reportedSinceLastCommit = new HashSet<>();

    public StorySinkTask() {
        this(Time.SYSTEM);
    }

    /** A task on {@code time}, which tests replace to see the waits between retries. */
    StorySinkTask(Time time) {
        this.time = time;
    }

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
        connectEarly();
    }

    /**
     * Connects at start so that a configuration error (a wrong password, no such database) fails the task at
     * once, even while no records arrive. Any other failure only logs: the first put connects again and retries.
     */
    private void connectEarly() {
        try {
            store.open();
        } catch (SQLException e) {
            if (config.dialect().classify(e) == SqlErrorClass.CONFIGURATION) {
                throw configurationFailure(e);
            }
            LOG.warn("Cannot connect to the {} database {} yet: {}; the first put tries again",
                    config.dialect().name(), JdbcUrls.mask(config.connectionUrl()), describe(e));
        }
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
        List<SinkChange> changes = readAll(records);
        if (changes.isEmpty()) {
            return;
        }
        awaitRetryBackoff();
        StoryStore.Outcome outcome;
        try {
            outcome = store.write(changes);
        } catch (SQLException e) {
            throw databaseFailure(records, e);
        }
        retriesLeft = config.maxRetries();
        reportedSinceLastCommit.clear();
        metrics.recordWrite(outcome.written());
        LOG.debug("Committed {} records ({}): {}", records.size(), RecordDescriptions.offsets(records),
                outcome.written());
        if (!outcome.refused().isEmpty()) {
            reportRefused(outcome.refused());
        }
    }

    /** Sleeps out what is left of {@code retry.backoff.ms} since the last failed write, if any. */
    private void awaitRetryBackoff() {
        long wait = retryNotBefore - time.milliseconds();
        retryNotBefore = 0;
        if (wait > 0) {
            LOG.debug("Waiting {} ms more before writing the redelivered batch again", wait);
            time.sleep(Math.min(wait, config.retryBackoffMs()));
        }
    }

    /** The changes the records ask for, in record order; unreadable records are reported. */
    private List<SinkChange> readAll(Collection<SinkRecord> records) {
        List<SinkChange> changes = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            try {
                reader.read(record).ifPresent(changes::add);
            } catch (UnreadableRecordException e) {
                reportUnreadable(record, e);
            }
        }
        if (!config.deleteEnabled() && LOG.isDebugEnabled()) {
            LOG.debug("Skipping {} tombstones (delete.enabled=false)",
                    changes.stream().filter(SinkChange.StoryTombstone.class::isInstance).count());
        }
        return changes;
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

    /**
     * Reports the records the database refused; the rest of their batch is committed. Without a reporter the
     * task fails naming them: with {@code errors.tolerance=none} Connect stops at a bad record rather than skip
     * it, and a redelivery after a restart writes the committed rest again harmlessly (upserts).
     */
    private void reportRefused(List<StoryStore.Refusal> refused) {
        List<RefusedRecordException> errors = refused.stream()
                .map(r -> new RefusedRecordException(r.change().record(), config.dialect().name(), r.error()))
                .toList();
        if (errantReporter == null) {
            String listed = errors.stream().limit(REFUSALS_LISTED).map(RefusedRecordException::getMessage)
                    .collect(Collectors.joining(" | "));
            String more = errors.size() > REFUSALS_LISTED ? " | and " + (errors.size() - REFUSALS_LISTED) + " more" : "";
            throw new ConnectException(errors.size() + " record(s) refused by the database, the rest of the batch "
                    + "written: " + listed + more
                    + " (configure errors.tolerance=all and a dead letter queue to skip such records)",
                    errors.get(0));
        }
        for (int i = 0; i < refused.size(); i++) {
            LOG.warn("{}; sent to the errant record reporter", errors.get(i).getMessage());
            errantReporter.report(refused.get(i).change().record(), errors.get(i));
            metrics.recordErrantRecord();
        }
    }

    private ConnectException databaseFailure(Collection<SinkRecord> records, SQLException e) {
        if (config.dialect().classify(e) == SqlErrorClass.CONFIGURATION) {
            return configurationFailure(e);
        }
        String database = config.dialect().name() + " database " + JdbcUrls.mask(config.connectionUrl());
        String what = records.size() + " records (" + RecordDescriptions.offsets(records) + ") to the " + database;
        if (retriesLeft > 0) {
            retriesLeft--;
            LOG.warn("Writing {} failed: {}; retrying in {} ms, {} retries left", what, describe(e),
                    config.retryBackoffMs(), retriesLeft);
            context.timeout(config.retryBackoffMs());
            retryNotBefore = time.milliseconds() + config.retryBackoffMs();
            return new RetriableException("Writing " + what + " failed: " + describe(e), e);
        }
        return new ConnectException("Writing " + what + " failed after " + config.maxRetries()
                + " retries: " + describe(e), e);
    }

    /** Logs one line naming the database (passwords masked) and returns the exception that fails the task. */
    private ConnectException configurationFailure(SQLException e) {
        String message = "Cannot write to the " + config.dialect().name() + " database "
                + JdbcUrls.mask(config.connectionUrl()) + ": " + describe(e) + ". Retrying cannot fix this "
                + "(authentication, database, privileges or tables): fix the connector's configuration or the "
                + "database, then restart the task";
        LOG.error(message);
        return new ConnectException(message, e);
    }

    /**
     * The database's message on one line, with its SQLState and chained exceptions. A batch driver's own message (pgjdbc:
     * "Batch entry 3 INSERT ... was aborted") is left out when it chains the database's error.
     */
    static String describe(SQLException e) {
        StringBuilder text = new StringBuilder();
        SQLException first = e instanceof BatchUpdateException && e.getNextException() != null
                ? e.getNextException()
                : e;
        for (SQLException current = first; current != null && text.length() < 1000;
                current = current.getNextException()) {
            if (!text.isEmpty()) {
                text.append("; next: ");
            }
            String message = String.valueOf(current.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
            text.append(message).append(" [SQLState ").append(current.getSQLState())
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
