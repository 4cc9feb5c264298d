package dev.storywire.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code storywire run} was asked to do.
 *
 * @param bootstrapServers an existing cluster, or {@code null} to start the embedded broker
 * @param inputs files and directories of feed documents
 * @param jdbcUrl where the sink writes the stories
 * @param workDir Connect offsets and Streams state for this run
 * @param timeout how long to wait for the processor and the sink to consume everything
 */
record PipelineSettings(
        String bootstrapServers, List<Path> inputs, String jdbcUrl, Path workDir, Duration timeout) {

    static final String PROCESSOR_APPLICATION_ID = "storywire-processor";
    static final String SINK_CONNECTOR_NAME = "storywire-sink";
    /** Where the Connect worker sends records the sink cannot read. */
    static final String SINK_DLQ_TOPIC = "stories.sink.dlq";

    PipelineSettings {
        inputs = List.copyOf(inputs);
    }

    boolean embeddedBroker() {
        return bootstrapServers == null;
    }
}
