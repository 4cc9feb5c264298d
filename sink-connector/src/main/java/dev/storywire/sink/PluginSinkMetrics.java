package dev.storywire.sink;

import java.util.LinkedHashMap;
import java.util.UUID;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Meter;

/**
 * {@link SinkMetrics} registered through Connect's {@link PluginMetrics}. The worker names them
 * {@code kafka.connect:type=plugins,connector=<name>,task=<n>[,table=<table>]} in JMX (group {@code plugins},
 * tags {@code connector} and {@code task} added by the worker); each is a {@code -total} (cumulative count)
 * and {@code -rate} (per second) pair.
 */
final class PluginSinkMetrics implements SinkMetrics {

    static final String ROWS_WRITTEN = "sink-rows-written";
    static final String ROWS_DELETED = "sink-rows-deleted";
    static final String ERRANT_RECORDS = "sink-errant-records";
    static final String TABLE_TAG = "table";

    private final Sensor storiesWritten;
    private final Sensor storyArticlesWritten;
    private final Sensor storiesDeleted;
    private final Sensor storyArticlesDeleted;
    private final Sensor errantRecords;

    PluginSinkMetrics(PluginMetrics metrics, TableNames tables) {
        // Sensors live in the worker-wide registry, keyed by name alone: two tasks sharing a sensor would
        // count each other's rows, so every task instance gets its own names. Only the metric names (with
        // the worker's connector and task tags) are visible outside.
        String sensorPrefix = "storywire-sink-" + UUID.randomUUID() + "-";
        storiesWritten = meter(metrics, sensorPrefix, ROWS_WRITTEN, tables.stories(),
                "rows inserted or updated in " + tables.stories());
        storyArticlesWritten = meter(metrics, sensorPrefix, ROWS_WRITTEN, tables.storyArticles(),
                "rows inserted or updated in " + tables.storyArticles() + " (primary, syndicated and related)");
        storiesDeleted = meter(metrics, sensorPrefix, ROWS_DELETED, tables.stories(),
                "rows deleted from " + tables.stories() + " by story tombstones");
        storyArticlesDeleted = meter(metrics, sensorPrefix, ROWS_DELETED, tables.storyArticles(),
                "rows deleted from " + tables.storyArticles() + " with a tombstoned story");
        errantRecords = meter(metrics, sensorPrefix, ERRANT_RECORDS, null,
                "records sent to the errant record reporter (the dead letter queue when configured): unreadable "
                        + "ones and those the database refused");
    }

    private static Sensor meter(PluginMetrics metrics, String sensorPrefix, String name, String table,
            String description) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        if (table != null) {
            tags.put(TABLE_TAG, table);
        }
        Sensor sensor = metrics.addSensor(sensorPrefix + name + (table == null ? "" : "-" + table));
        sensor.add(new Meter(
                metrics.metricName(name + "-rate", "Per second: " + description, tags),
                metrics.metricName(name + "-total", "Total: " + description, tags)));
        return sensor;
    }

    @Override
    public void recordWrite(WriteResult result) {
        storiesWritten.record(result.storiesWritten());
        storyArticlesWritten.record(result.storyArticlesWritten());
        storiesDeleted.record(result.storiesDeleted());
        storyArticlesDeleted.record(result.articlesDeleted());
    }

    @Override
    public void recordErrantRecord() {
        errantRecords.record();
    }
}
