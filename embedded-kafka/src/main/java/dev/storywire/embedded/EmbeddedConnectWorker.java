package dev.storywire.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka Connect worker in standalone mode, running inside this JVM.
 *
 * <p>{@code ConnectStandalone} calls {@code Exit.exit} when the worker fails to start; while it starts,
 * the exit procedure is replaced by one that throws, so a failure surfaces as an exception instead of
 * killing the host JVM.
 */
public final class EmbeddedConnectWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedConnectWorker.class);
    private static final long CONNECTOR_START_TIMEOUT_SECONDS = 60;

    private final Connect<StandaloneHerder> connect;

    private EmbeddedConnectWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    /**
     * Starts a standalone worker against {@code bootstrapServers}, keeping source offsets under {@code workDir}.
     *
     * @param overrides any worker setting, applied last
     */
    public static EmbeddedConnectWorker start(String bootstrapServers, Path workDir, Map<String, String> overrides) {
        Map<String, String> props = workerProperties(bootstrapServers, workDir);
        props.putAll(overrides);
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka Connect worker failed to start (exit " + code + "): " + message);
        });
        try {
            Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(props);
            log.info("Embedded Kafka Connect worker started against {}", bootstrapServers);
            return new EmbeddedConnectWorker(connect);
        } finally {
            Exit.resetExitProcedure();
        }
    }

    public static Map<String, String> workerProperties(String bootstrapServers, Path workDir) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        props.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
        // Commit sink offsets every second so "caught up" is visible quickly to the lag check.
        props.put("offset.flush.interval.ms", "1000");
        // Plugins come from the classpath via META-INF/services; the default scan costs seconds and memory.
        props.put("plugin.discovery", "service_load");
        // The REST API on an ephemeral loopback port: nothing to collide with, nothing exposed.
        props.put("listeners", "http://127.0.0.1:0");
        // Sinks read what the exactly-once processor committed, never aborted transactions.
        props.put("consumer.isolation.level", "read_committed");
        props.put("consumer.auto.offset.reset", "earliest");
        return props;
    }

    /** Creates (or replaces) a connector and waits until the herder accepted it. */
    public void putConnector(String name, Map<String, String> config) {
        Map<String, String> full = new HashMap<>(config);
        full.put("name", name);
        FutureCallback<Herder.Created<ConnectorInfo>> callback = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, full, true, callback);
        try {
            callback.get(CONNECTOR_START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating connector " + name, e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka Connect rejected connector " + name + ": " + rootMessage(e), e);
        }
        log.info("Connector {} created", name);
    }

    /**
     * The state of the connector and its tasks as the herder reports them, e.g. {@code RUNNING}; a failed task with
     * the exception it threw ({@link TaskTrace#summary}).
     */
    public String connectorState(String name) {
        var status = connect.herder().connectorStatus(name);
        StringBuilder state = new StringBuilder(status.connector().state());
        status.tasks().forEach(task -> {
            state.append(", task ").append(task.id()).append(' ').append(task.state());
            if (task.trace() != null) {
                state.append(": ").append(TaskTrace.summary(task.trace()));
            }
        });
        return state.toString();
    }

    /** True when any task of the connector is FAILED. */
    public boolean hasFailedTask(String name) {
        return connect.herder().connectorStatus(name).tasks().stream().anyMatch(t -> "FAILED".equals(t.state()));
    }

    /** The consumer group Connect uses for a sink connector. */
    public static String sinkGroupId(String connectorName) {
        return "connect-" + connectorName;
    }

    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
        log.info("Embedded Kafka Connect worker stopped");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
