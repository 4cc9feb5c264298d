package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StorySinkConfigTest {

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(StorySinkConfig.CONNECTION_URL, "jdbc:sqlite:/tmp/stories.db");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    @Test
    void shouldApplyDefaults() {
        StorySinkConfig config = new StorySinkConfig(props());

        assertThat(config.dialect()).isInstanceOf(SqliteDialect.class);
        assertThat(config.tableNames()).isEqualTo(new TableNames("stories", "story_articles"));
        assertThat(config.batchSize()).isEqualTo(500);
        assertThat(config.maxRetries()).isEqualTo(10);
        assertThat(config.retryBackoffMs()).isEqualTo(3000L);
        assertThat(config.autoCreate()).isTrue();
        assertThat(config.deleteEnabled()).isTrue();
        assertThat(config.storiesTopic()).isEqualTo("stories");
        assertThat(config.articlesTopic()).isEqualTo("stories.articles");
        assertThat(config.connectionUser()).isNull();
        assertThat(config.connectionPassword()).isNull();
    }

    @Test
    void shouldPickPostgresDialect() {
        StorySinkConfig config = new StorySinkConfig(props(
                StorySinkConfig.CONNECTION_URL, "jdbc:postgresql://db:5432/storywire",
                StorySinkConfig.CONNECTION_USER, "storywire",
                StorySinkConfig.CONNECTION_PASSWORD, "s3cret",
                StorySinkConfig.TABLE_PREFIX, "sw_"));

        assertThat(config.dialect()).isInstanceOf(PostgresDialect.class);
        assertThat(config.connectionPassword()).isEqualTo("s3cret");
        assertThat(config.tableNames().stories()).isEqualTo("sw_stories");
        assertThat(config.describe()).doesNotContain("s3cret");
    }

    @Test
    void shouldRejectUnsupportedScheme() {
        assertThatThrownBy(() -> new StorySinkConfig(props(StorySinkConfig.CONNECTION_URL, "jdbc:mysql://db/x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url")
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void shouldKeepUrlQueryOutOfMessages() {
        assertThatThrownBy(() -> new StorySinkConfig(props(
                StorySinkConfig.CONNECTION_URL, "jdbc:oracle:thin:@db?password=s3cret")))
                .isInstanceOf(ConfigException.class)
                .message().doesNotContain("s3cret");
    }

    @Test
    void shouldRequireConnectionUrl() {
        Map<String, String> props = props();
        props.remove(StorySinkConfig.CONNECTION_URL);

        assertThatThrownBy(() -> new StorySinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.url");
    }

    @Test
    void shouldRejectBatchSizeZero() {
        assertThatThrownBy(() -> new StorySinkConfig(props(StorySinkConfig.BATCH_SIZE, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("batch.size");
    }

    @Test
    void shouldRejectNegativeRetries() {
        assertThatThrownBy(() -> new StorySinkConfig(props(StorySinkConfig.MAX_RETRIES, "-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("max.retries");
    }

    @Test
    void shouldRejectTablePrefixThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> new StorySinkConfig(props(StorySinkConfig.TABLE_PREFIX, "x; DROP TABLE y; --")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("table.prefix");
    }

    @Test
    void shouldDocumentEveryKey() {
        assertThat(StorySinkConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        });
    }
}
