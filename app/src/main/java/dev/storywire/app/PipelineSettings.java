package dev.storywire.app;

import dev.storywire.sink.JdbcUrls;
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
 * @param dbUser database user, {@code null} when the URL carries it or none is needed
 * @param dbPassword database password, {@code null} when none; never logged
 * @param topicPartitions partitions of the pipeline topics it creates ({@link TopicSetup#DEFAULT_PARTITIONS} unless
 *     a caller needs otherwise)
 */
record PipelineSettings(String bootstrapServers, List<Path> inputs, String jdbcUrl, Path workDir, Duration timeout,
        String dbUser, String dbPassword, int topicPartitions) {

    static final String PROCESSOR_APPLICATION_ID = "storywire-processor";
    static final String SINK_CONNECTOR_NAME = "storywire-sink";
    /** Where the Connect worker sends records the sink cannot read. */
    static final String SINK_DLQ_TOPIC = "stories.sink.dlq";

    PipelineSettings {
        inputs = List.copyOf(inputs);
    }

    /** Settings with the default partitions. */
    PipelineSettings(String bootstrapServers, List<Path> inputs, String jdbcUrl, Path workDir, Duration timeout,
            String dbUser, String dbPassword) {
        this(bootstrapServers, inputs, jdbcUrl, workDir, timeout, dbUser, dbPassword, TopicSetup.DEFAULT_PARTITIONS);
    }

    /** Settings for a database that needs no separate credentials (SQLite, or a URL carrying them). */
    PipelineSettings(String bootstrapServers, List<Path> inputs, String jdbcUrl, Path workDir, Duration timeout) {
        this(bootstrapServers, inputs, jdbcUrl, workDir, timeout, null, null);
    }

    /** The same settings, the pipeline topics created with {@code partitions} partitions. */
    PipelineSettings withTopicPartitions(int partitions) {
        return new PipelineSettings(bootstrapServers, inputs, jdbcUrl, workDir, timeout, dbUser, dbPassword,
                partitions);
    }

    /** The credentials as JDBC connection properties, for reading the results back. */
    java.util.Properties dbCredentials() {
        java.util.Properties credentials = new java.util.Properties();
        if (dbUser != null) {
            credentials.setProperty("user", dbUser);
        }
        if (dbPassword != null) {
            credentials.setProperty("password", dbPassword);
        }
        return credentials;
    }

    @Override
    public String toString() {
        return "PipelineSettings[bootstrapServers=" + bootstrapServers + ", inputs=" + inputs + ", jdbcUrl=" + JdbcUrls.mask(jdbcUrl)
                + ", workDir=" + workDir + ", timeout=" + timeout + ", dbUser=" + dbUser + ", dbPassword="
                + (dbPassword == null ? "null" : "[hidden]") + ", topicPartitions=" + topicPartitions + "]";
    }

    boolean embeddedBroker() {
        return bootstrapServers == null;
    }
}
