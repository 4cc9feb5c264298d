package dev.storywire.sink;

import dev.storywire.model.Topics;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The configuration of {@link StorySinkConnector} and {@link StorySinkTask}, parsed once into typed fields.
 */
public final class StorySinkConfig extends AbstractConfig {

    public static final String CONNECTION_URL = "connection.url";
    public static final String CONNECTION_USER = "connection.user";
    public static final String CONNECTION_PASSWORD = "connection.password";
    public static final String TABLE_PREFIX = "table.prefix";
    public static final String BATCH_SIZE = "batch.size";
    public static final String MAX_RETRIES = "max.retries";
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";
    public static final String AUTO_CREATE = "auto.create";
    public static final String DELETE_ENABLED = "delete.enabled";
    public static final String STORIES_TOPIC = "stories.topic";
    public static final String ARTICLES_TOPIC = "articles.topic";

    static final String GROUP_CONNECTION = "Connection";
    static final String GROUP_WRITES = "Writes";
    static final String GROUP_RETRIES = "Retries";
    static final String GROUP_TOPICS = "Topics";

    /** Table names are spliced into SQL, so the prefix must be a plain identifier fragment. */
    private static final Pattern TABLE_PREFIX_PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|");

    public static final ConfigDef CONFIG_DEF = configDef();

    private final String connectionUrl;
    private final String connectionUser;
    private final Password connectionPassword;
    private final SqlDialect dialect;
    private final TableNames tableNames;
    private final int batchSize;
    private final int maxRetries;
    private final long retryBackoffMs;
    private final boolean autoCreate;
    private final boolean deleteEnabled;
    private final String storiesTopic;
    private final String articlesTopic;

    public StorySinkConfig(Map<String, String> props) {
        // No logging of all values here: connection.url may carry a password (masked only by JdbcUrls.mask).
        // The connector and task log describe() instead.
        super(CONFIG_DEF, props, false);
        this.connectionUrl = getString(CONNECTION_URL).trim();
        this.connectionUser = getString(CONNECTION_USER);
        this.connectionPassword = getPassword(CONNECTION_PASSWORD);
        this.dialect = SqlDialects.forUrl(connectionUrl).orElseThrow(() -> new ConfigException(
                CONNECTION_URL, JdbcUrls.mask(connectionUrl), "unsupported JDBC URL"));
        this.tableNames = TableNames.withPrefix(getString(TABLE_PREFIX));
        this.batchSize = getInt(BATCH_SIZE);
        this.maxRetries = getInt(MAX_RETRIES);
        this.retryBackoffMs = getLong(RETRY_BACKOFF_MS);
        this.autoCreate = getBoolean(AUTO_CREATE);
        this.deleteEnabled = getBoolean(DELETE_ENABLED);
        this.storiesTopic = getString(STORIES_TOPIC).trim();
        this.articlesTopic = getString(ARTICLES_TOPIC).trim();
    }

    private static ConfigDef configDef() {
        int order = 0;
        ConfigDef def = new ConfigDef();
        def.define(CONNECTION_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new JdbcUrlValidator(), Importance.HIGH,
                "JDBC URL of the database, e.g. jdbc:sqlite:/var/lib/storywire/stories.db or "
                        + "jdbc:postgresql://db:5432/storywire. Only SQLite and PostgreSQL are supported. A password "
                        + "in the URL is masked in logs and messages; prefer connection.password.",
                GROUP_CONNECTION, ++order, Width.LONG, "JDBC URL");
        def.define(CONNECTION_USER, Type.STRING, null, ConfigDef.LambdaValidator.with(
                        StorySinkConfig::validateUser, () -> "unset, or a name without surrounding spaces"),
                Importance.HIGH,
                "Database user; ignored by SQLite. For PostgreSQL it may instead be given in the URL "
                        + "(jdbc:postgresql://db/storywire?user=storywire); set it in one place only: the URL wins.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Database user");
        def.define(CONNECTION_PASSWORD, Type.PASSWORD, null, new PasswordValidator(), Importance.HIGH,
                "Database password; ignored by SQLite. Never logged. Prefer a Connect config provider over a "
                        + "literal, e.g. ${file:/etc/kafka/secrets/db.properties:password}.",
                GROUP_CONNECTION, ++order, Width.MEDIUM, "Database password");

        order = 0;
        def.define(TABLE_PREFIX, Type.STRING, "", ConfigDef.LambdaValidator.with(
                        StorySinkConfig::validateTablePrefix, () -> "empty or an identifier: [A-Za-z_][A-Za-z0-9_]*"),
                Importance.MEDIUM,
                "Prefix for the table names (stories, story_articles), e.g. 'sw_' gives sw_stories.",
                GROUP_WRITES, ++order, Width.SHORT, "Table prefix");
        def.define(BATCH_SIZE, Type.INT, 500, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                "Statements sent to the database in one JDBC batch. All records of one put() are committed "
                        + "in a single transaction whatever this value.",
                GROUP_WRITES, ++order, Width.SHORT, "Batch size");
        def.define(AUTO_CREATE, Type.BOOLEAN, true, new BooleanValidator(), Importance.MEDIUM,
                "Create the tables and indexes when they are missing.",
                GROUP_WRITES, ++order, Width.SHORT, "Create tables");
        def.define(DELETE_ENABLED, Type.BOOLEAN, true, new BooleanValidator(), Importance.MEDIUM,
                "Treat a tombstone on the stories topic (a story merged into another) as a delete of the story "
                        + "and of the articles still attached to it. When false, tombstones are skipped.",
                GROUP_WRITES, ++order, Width.SHORT, "Delete on tombstone");

        order = 0;
        // 60 at the 3 s backoff: the task rides out a database restart or failover of about three minutes (the
        // fault harness lost its sink to a 30 s PostgreSQL outage with 10); errors that retrying cannot fix
        // (configuration, data) are never retried, so a high count costs nothing there.
        def.define(MAX_RETRIES, Type.INT, 60, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                "How many times in a row a put() that failed on a transient database error (connection refused "
                        + "or lost, deadlock, serialization failure, ...) is retried before the task fails. Data "
                        + "errors (the record goes to the errant record reporter) and configuration errors "
                        + "(authentication, no such database: the task fails at once) are not retried.",
                GROUP_RETRIES, ++order, Width.SHORT, "Maximum retries");
        def.define(RETRY_BACKOFF_MS, Type.LONG, 3000L, ConfigDef.Range.atLeast(0L), Importance.MEDIUM,
                "Milliseconds between two attempts to write a batch that failed on a transient database error: the task"
                        + " asks Connect to wait that long and waits out the rest itself when Connect redelivers"
                        + " sooner.",
                GROUP_RETRIES, ++order, Width.SHORT, "Retry backoff (ms)");

        order = 0;
        def.define(STORIES_TOPIC, Type.STRING, Topics.STORIES.name(), new ConfigDef.NonEmptyString(),
                Importance.MEDIUM,
                "Topic of Story values keyed by story id; null values are tombstones. Must be in 'topics'.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Stories topic");
        def.define(ARTICLES_TOPIC, Type.STRING, Topics.STORIES_ARTICLES.name(), new ConfigDef.NonEmptyString(),
                Importance.MEDIUM,
                "Topic of StoryArticle values keyed by article id. Must be in 'topics'.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Story articles topic");
        return def;
    }

    private static void validateUser(String name, Object value) {
        if (value != null && (value.toString().isBlank() || !value.toString().strip().equals(value.toString()))) {
            throw new ConfigException(name, value, "must be unset or a user name without surrounding spaces");
        }
    }

    private static void validateTablePrefix(String name, Object value) {
        String prefix = value == null ? "" : value.toString();
        if (!TABLE_PREFIX_PATTERN.matcher(prefix).matches()) {
            throw new ConfigException(name, value,
                    "must be empty or letters, digits and underscores not starting with a digit");
        }
    }

    /** Accepts only the JDBC schemes a {@link SqlDialect} exists for. */
    static final class JdbcUrlValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return; // NO_DEFAULT_VALUE: ConfigDef itself reports the missing value.
            }
            String url = value.toString().trim();
            if (SqlDialects.forUrl(url).isEmpty()) {
                throw new ConfigException(name, JdbcUrls.mask(url),
                        "unsupported JDBC URL: expected jdbc:sqlite:<file> or jdbc:postgresql://<host>/<db>");
            }
        }

        @Override
        public String toString() {
            return "a jdbc:sqlite: or jdbc:postgresql: URL";
        }
    }

    /**
     * Accepts only {@code true} or {@code false}. ConfigDef already parses strings of a BOOLEAN key, so this
     * guards what parsing lets through (an explicit null) and values handed over unparsed, and says so plainly.
     */
    static final class BooleanValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            boolean valid = value instanceof Boolean
                    || value instanceof String text && (text.trim().equalsIgnoreCase("true")
                            || text.trim().equalsIgnoreCase("false"));
            if (!valid) {
                throw new ConfigException(name, value, "must be true or false");
            }
        }

        @Override
        public String toString() {
            return "true, false";
        }
    }

    /**
     * Rejects a password that is almost certainly a copy-paste error, which the database would only report as
     * a failed login: one with invisible characters (control or format characters such as a tab, a newline, a
     * zero-width space or a byte order mark) anywhere, or starting or ending with a Unicode space such as a
     * non-breaking space. ConfigDef has already trimmed ASCII whitespace (a secret file's trailing newline)
     * before this runs. The messages never contain the value.
     */
    static final class PasswordValidator implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                return; // unset: SQLite, or a password in the URL
            }
            String password = value instanceof Password secret ? secret.value() : value.toString();
            if (password.codePoints().anyMatch(PasswordValidator::isInvisible)) {
                throw invalid(name, "contains an invisible control or format character (tab, newline, "
                        + "zero-width space, byte order mark, ...)");
            }
            if (!password.isEmpty() && (isSpace(password.codePointAt(0))
                    || isSpace(password.codePointBefore(password.length())))) {
                throw invalid(name, "starts or ends with a space character (a non-breaking space from a "
                        + "copy-paste?)");
            }
        }

        private static boolean isInvisible(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.CONTROL || type == Character.FORMAT;
        }

        private static boolean isSpace(int codePoint) {
            return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
        }

        /** Like {@code ConfigException(name, value, message)}, with the value hidden. */
        private static ConfigException invalid(String name, String problem) {
            return new ConfigException("Invalid value " + Password.HIDDEN + " for configuration " + name + ": "
                    + problem);
        }

        @Override
        public String toString() {
            return "unset, or a password without control or format characters and not starting or ending "
                    + "with a space";
        }
    }

    public String connectionUrl() {
        return connectionUrl;
    }

    public String connectionUser() {
        return connectionUser;
    }

    /** The password, or {@code null}. Keep it out of logs and messages. */
    public String connectionPassword() {
        return connectionPassword == null ? null : connectionPassword.value();
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public TableNames tableNames() {
        return tableNames;
    }

    public int batchSize() {
        return batchSize;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public long retryBackoffMs() {
        return retryBackoffMs;
    }

    public boolean autoCreate() {
        return autoCreate;
    }

    public boolean deleteEnabled() {
        return deleteEnabled;
    }

    public String storiesTopic() {
        return storiesTopic;
    }

    public String articlesTopic() {
        return articlesTopic;
    }

    /** A one-line summary for logs, with the URL's passwords masked ({@link JdbcUrls#mask}). */
    public String describe() {
        return String.format(Locale.ROOT, "%s tables %s/%s, batch.size=%d, delete.enabled=%s, topics %s + %s",
                JdbcUrls.mask(connectionUrl), tableNames.stories(), tableNames.storyArticles(), batchSize,
                deleteEnabled, storiesTopic, articlesTopic);
    }
}
