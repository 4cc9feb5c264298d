package dev.storywire.serve;

import dev.storywire.model.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Settings of {@code storywire serve}, as a Kafka {@link ConfigDef} (documented in docs/subscribers.md). */
public final class ServeConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_HOST = "http.host";
    public static final String STORIES_TOPIC = "stories.topic";
    public static final String STORY_ARTICLES_TOPIC = "story.articles.topic";
    public static final String INSTANCE_ID = "instance.id";
    public static final String STATE_DIR = "state.dir";
    public static final String STREAM_MAX_CLIENTS = "stream.max.clients";
    public static final String STREAM_HEARTBEAT_MS = "stream.heartbeat.ms";
    public static final String STREAM_CLIENT_BUFFER = "stream.client.buffer";
    public static final String QUERY_MAX_LIMIT = "query.max.limit";
    public static final String LAG_GROUPS = "lag.groups";

    private static final String GROUP_KAFKA = "Kafka";
    private static final String GROUP_HTTP = "HTTP";
    private static final String GROUP_STREAM = "Event stream";

    public static final ConfigDef CONFIG = definition();

    public ServeConfig(Map<String, ?> originals) {
        super(CONFIG, originals);
    }

    private static ConfigDef definition() {
        int order = 0;
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.ValidList.anyNonDuplicateValues(false, false),
                        Importance.HIGH, "Kafka cluster the stories topics live on.", GROUP_KAFKA, ++order,
                        ConfigDef.Width.LONG, "Bootstrap servers")
                .define(STORIES_TOPIC, Type.STRING, Topics.STORIES.name(), new ConfigDef.NonEmptyString(),
                        Importance.MEDIUM, "Compacted topic of Story values keyed by story id.", GROUP_KAFKA, ++order,
                        ConfigDef.Width.MEDIUM, "Stories topic")
                .define(STORY_ARTICLES_TOPIC, Type.STRING, Topics.STORIES_ARTICLES.name(),
                        new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Topic of StoryArticle values keyed by canonical article id.", GROUP_KAFKA, ++order,
                        ConfigDef.Width.MEDIUM, "Story articles topic")
                .define(INSTANCE_ID, Type.STRING, "", Importance.LOW,
                        "Name of this instance, part of its Streams application.id (storywire-serve-<instance>). "
                                + "Empty: a random one. Instances share nothing: each reads both topics whole "
                                + "into its own global stores, so the id only has to be unique per state.dir.",
                        GROUP_KAFKA, ++order, ConfigDef.Width.MEDIUM, "Instance id")
                .define(STATE_DIR, Type.STRING, "", Importance.LOW,
                        "Kafka Streams state directory of this instance. Empty: a temporary directory removed on "
                                + "close (the stores are in memory and rebuilt from the topics on every start).",
                        GROUP_KAFKA, ++order, ConfigDef.Width.LONG, "State directory")
                .define(LAG_GROUPS, Type.LIST, List.of(), Importance.LOW,
                        "Consumer groups shown by /api/lag and the page's lag panel.", GROUP_KAFKA, ++order,
                        ConfigDef.Width.LONG, "Lag groups")
                .define(HTTP_PORT, Type.INT, 8088, Range.between(0, 65535), Importance.HIGH,
                        "HTTP port; 0 picks a free one.", GROUP_HTTP, ++order, ConfigDef.Width.SHORT, "Port")
                .define(HTTP_HOST, Type.STRING, "0.0.0.0", Importance.LOW, "Address the HTTP server binds to.",
                        GROUP_HTTP, ++order, ConfigDef.Width.MEDIUM, "Host")
                .define(QUERY_MAX_LIMIT, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
                        "Largest limit a story query may ask for.", GROUP_HTTP, ++order, ConfigDef.Width.SHORT,
                        "Largest limit")
                .define(STREAM_MAX_CLIENTS, Type.INT, 1000, Range.atLeast(1), Importance.MEDIUM,
                        "Concurrent /api/stream clients; one more is answered 503. Each holds a thread and "
                                + "a buffer.", GROUP_STREAM, ++order, ConfigDef.Width.SHORT, "Stream clients")
                .define(STREAM_HEARTBEAT_MS, Type.LONG, 15_000L, Range.atLeast(100), Importance.LOW,
                        "Idle time after which a stream sends a comment line, so proxies keep the connection and "
                                + "a gone client is noticed (below Jetty's 30 s idle timeout).", GROUP_STREAM, ++order,
                        ConfigDef.Width.SHORT, "Heartbeat")
                .define(STREAM_CLIENT_BUFFER, Type.INT, 10_000, Range.atLeast(10), Importance.LOW,
                        "Changes buffered per stream client; a client further behind is disconnected and resumes "
                                + "with Last-Event-ID, without a gap.", GROUP_STREAM, ++order, ConfigDef.Width.SHORT,
                        "Client buffer");
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public String storiesTopic() {
        return getString(STORIES_TOPIC);
    }

    public String storyArticlesTopic() {
        return getString(STORY_ARTICLES_TOPIC);
    }

    /** The configured instance id, or a random one fixed for this config object. */
    public String instanceId() {
        return instanceId;
    }

    private final String instanceId = resolveInstanceId();

    private String resolveInstanceId() {
        String configured = getString(INSTANCE_ID);
        return configured.isBlank() ? UUID.randomUUID().toString().substring(0, 8) : configured;
    }

    public String applicationId() {
        return "storywire-serve-" + instanceId();
    }

    /** The configured state directory, or null for a temporary one. */
    public Path stateDir() {
        String dir = getString(STATE_DIR);
        return dir.isBlank() ? null : Path.of(dir);
    }

    public List<String> lagGroups() {
        return getList(LAG_GROUPS);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int queryMaxLimit() {
        return getInt(QUERY_MAX_LIMIT);
    }

    public int streamMaxClients() {
        return getInt(STREAM_MAX_CLIENTS);
    }

    public long streamHeartbeatMs() {
        return getLong(STREAM_HEARTBEAT_MS);
    }

    public int streamClientBuffer() {
        return getInt(STREAM_CLIENT_BUFFER);
    }
}
