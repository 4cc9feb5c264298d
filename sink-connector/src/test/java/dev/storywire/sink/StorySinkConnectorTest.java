package dev.storywire.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class StorySinkConnectorTest {

    private final StorySinkConnector connector = new StorySinkConnector();

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put(StorySinkConfig.CONNECTION_URL, "jdbc:sqlite:/tmp/stories.db");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private Map<String, List<String>> errors(Map<String, String> props) {
        return connector.validate(props).configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void shouldAcceptTopicsThatMatchTheConfiguredTopics() {
        assertThat(errors(props("topics", "stories, stories.articles"))).isEmpty();
        assertThat(errors(props("topics.regex", "stories(\\.articles)?"))).isEmpty();
    }

    @Test
    void shouldReportConfiguredTopicMissingFromTopics() {
        assertThat(errors(props("topics", "stories"))).containsOnlyKeys(StorySinkConfig.ARTICLES_TOPIC)
                .extractingByKey(StorySinkConfig.ARTICLES_TOPIC).asString().contains("stories.articles", "topics");
    }

    @Test
    void shouldReportTopicsTheConnectorCannotRead() {
        assertThat(errors(props("topics", "stories,stories.articles,feed.articles")))
                .containsOnlyKeys("topics")
                .extractingByKey("topics").asString().contains("feed.articles");
    }

    @Test
    void shouldReportConfiguredTopicNotMatchingRegex() {
        assertThat(errors(props("topics.regex", "stories", StorySinkConfig.ARTICLES_TOPIC, "my.articles")))
                .containsOnlyKeys(StorySinkConfig.ARTICLES_TOPIC);
    }

    @Test
    void shouldReportSameTopicForStoriesAndArticles() {
        assertThat(errors(props("topics", "stories", StorySinkConfig.ARTICLES_TOPIC, "stories")))
                .containsKey(StorySinkConfig.ARTICLES_TOPIC);
    }

    @Test
    void shouldReportBadSchemeOnTheUrlKey() {
        assertThat(errors(props("topics", "stories,stories.articles",
                StorySinkConfig.CONNECTION_URL, "jdbc:mysql://db/x")))
                .containsOnlyKeys(StorySinkConfig.CONNECTION_URL);
    }

    @Test
    void shouldGiveEveryTaskTheSameConfig() {
        Map<String, String> props = props("topics", "stories,stories.articles");
        connector.start(props);

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(task -> assertThat(task).isEqualTo(props));
        assertThat(connector.taskClass()).isEqualTo(StorySinkTask.class);
        connector.stop();
    }

    @Test
    void shouldBeFoundByServiceLoader() {
        assertThat(ServiceLoader.load(SinkConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(StorySinkConnector.class);
    }

    @Test
    void shouldReportTheBuildVersion() {
        assertThat(connector.version()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
    }
}
