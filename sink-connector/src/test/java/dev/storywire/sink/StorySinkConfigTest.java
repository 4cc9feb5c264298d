package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(config.maxRetries()).isEqualTo(60);
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

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0s3cret", "s3cret\u2003", "\ufeffs3cret", "s3c\u200bret", "s3c\tret",
            "s3c\u0000ret"})
    void shouldRejectPasswordWithInvisibleOrSurroundingSpaceCharactersWithoutShowingIt(String password) {
        assertThatThrownBy(() -> new StorySinkConfig(props(StorySinkConfig.CONNECTION_PASSWORD, password)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("connection.password")
                .message().doesNotContain("s3c");
    }

    @Test
    void shouldReportBadPasswordInConnectValidationWithoutShowingIt() {
        Map<String, ConfigValue> results = StorySinkConfig.CONFIG_DEF.validateAll(
                props(StorySinkConfig.CONNECTION_PASSWORD, "s3cret\u00a0"));

        assertThat(results.get(StorySinkConfig.CONNECTION_PASSWORD).errorMessages()).singleElement()
                .satisfies(message -> assertThat(message).contains("space").doesNotContain("s3cret"));
        assertThat(results.get(StorySinkConfig.CONNECTION_URL).errorMessages()).isEmpty();
    }

    /** ConfigDef trims ASCII whitespace from every value before validating it. */
    @Test
    void shouldTrimTheTrailingNewlineOfASecretFile() {
        StorySinkConfig config = new StorySinkConfig(props(StorySinkConfig.CONNECTION_PASSWORD, "s3cret\n"));

        assertThat(config.connectionPassword()).isEqualTo("s3cret");
    }

    @Test
    void shouldAcceptPasswordWithInnerSpacesAndSymbols() {
        StorySinkConfig config = new StorySinkConfig(props(StorySinkConfig.CONNECTION_PASSWORD, "correct horse #!$"));

        assertThat(config.connectionPassword()).isEqualTo("correct horse #!$");
    }

    @ParameterizedTest
    @ValueSource(strings = {StorySinkConfig.AUTO_CREATE, StorySinkConfig.DELETE_ENABLED})
    void shouldAcceptOnlyTrueOrFalseForBooleans(String key) {
        assertThat(new StorySinkConfig(props(key, "FALSE")).getBoolean(key)).isFalse();
        assertThat(new StorySinkConfig(props(key, "true")).getBoolean(key)).isTrue();
        assertThatThrownBy(() -> new StorySinkConfig(props(key, "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void shouldExplainBooleanValidatorFailure() {
        StorySinkConfig.BooleanValidator validator = new StorySinkConfig.BooleanValidator();

        validator.ensureValid(StorySinkConfig.AUTO_CREATE, true);
        validator.ensureValid(StorySinkConfig.AUTO_CREATE, " False ");
        assertThatThrownBy(() -> validator.ensureValid(StorySinkConfig.AUTO_CREATE, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auto.create")
                .hasMessageContaining("must be true or false");
        assertThatThrownBy(() -> validator.ensureValid(StorySinkConfig.DELETE_ENABLED, "1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("delete.enabled")
                .hasMessageContaining("must be true or false");
    }

    @Test
    void shouldValidateEveryKey() {
        assertThat(StorySinkConfig.CONFIG_DEF.configKeys().values())
                .allSatisfy(key -> assertThat(key.validator).as(key.name).isNotNull());
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
