package dev.storywire.sink;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link StorySinkTask} counts: rows written and deleted per table, records sent to the errant record
 * reporter. {@link #register} publishes them through the worker's plugin metrics (KIP-877, Kafka 4.1+); on an
 * older worker the task runs with {@link #NONE}.
 */
interface SinkMetrics {

    /** Counts nothing: for workers without plugin metrics. */
    SinkMetrics NONE = new SinkMetrics() {
        @Override
        public void recordWrite(WriteResult result) {
        }

        @Override
        public void recordErrantRecord() {
        }
    };

    /** Counts the rows of one committed transaction. */
    void recordWrite(WriteResult result);

    /** Counts one record sent to the errant record reporter: unreadable, or refused by the database. */
    void recordErrantRecord();

    /**
     * The task's metrics in the worker's metrics registry, or {@link #NONE} when the worker has no plugin
     * metrics. The worker removes them when the task stops.
     */
    static SinkMetrics register(SinkTaskContext context, TableNames tables) {
        if (context == null) {
            return NONE; // a task started without initialize(), as in some tools
        }
        PluginMetrics pluginMetrics;
        try {
            pluginMetrics = context.pluginMetrics();
        } catch (UnsupportedOperationException | IncompatibleClassChangeError | NoClassDefFoundError e) {
            // IncompatibleClassChangeError covers NoSuchMethodError and AbstractMethodError: a worker's
            // connect-api from before Kafka 4.1 has no SinkTaskContext.pluginMetrics().
            Unavailable.log(e);
            return NONE;
        }
        return pluginMetrics == null ? NONE : new PluginSinkMetrics(pluginMetrics, tables);
    }

    /** Logs the missing plugin metrics at INFO once per worker (per plugin class loader), then at DEBUG. */
    final class Unavailable {

        private static final Logger LOG = LoggerFactory.getLogger(SinkMetrics.class);
        private static final AtomicBoolean LOGGED = new AtomicBoolean();

        private Unavailable() {
        }

        static void log(Throwable cause) {
            String message = "The Connect worker offers no plugin metrics (they need Kafka 4.1+): story sink tasks "
                    + "run without their sink-rows-written/-deleted and sink-errant-records metrics ({})";
            if (LOGGED.compareAndSet(false, true)) {
                LOG.info(message, cause.toString());
            } else {
                LOG.debug(message, cause.toString());
            }
        }
    }
}
