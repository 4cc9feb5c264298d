package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ProcessorConfigTest {

    @Test
    void shouldDefaultToTheSharedTopicNamesAndASevenDayWindow() {
        ProcessorConfig config = ProcessorConfig.defaults();

        assertThat(config.inputTopic()).isEqualTo("feed.articles");
        assertThat(config.storyArticlesTopic()).isEqualTo("stories.articles");
        assertThat(config.storiesTopic()).isEqualTo("stories");
        assertThat(config.maxEventTimeDistance()).isEqualTo(Duration.ofDays(7));
        assertThat(config.storyRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(config.maxFutureSkew()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldOverrideDefaultsFromAMap() {
        ProcessorConfig config = ProcessorConfig.fromMap(Map.of(
                ProcessorConfig.INPUT_TOPIC, "in",
                ProcessorConfig.JOIN_THRESHOLD, "0.5",
                ProcessorConfig.MAX_EVENT_TIME_DISTANCE, "PT36H",
                ProcessorConfig.MAX_FUTURE_SKEW, "P90D",
                "unrelated.key", "ignored"));

        assertThat(config.inputTopic()).isEqualTo("in");
        assertThat(config.joinThreshold()).isEqualTo(0.5);
        assertThat(config.maxEventTimeDistance()).isEqualTo(Duration.ofHours(36));
        assertThat(config.maxFutureSkew()).isEqualTo(Duration.ofDays(90));
        assertThat(config.storiesTopic()).isEqualTo("stories");
    }

    @Test
    void shouldReadProperties() {
        Properties properties = new Properties();
        properties.setProperty(ProcessorConfig.STORIES_TOPIC, "my.stories");

        assertThat(ProcessorConfig.fromProperties(properties).storiesTopic()).isEqualTo("my.stories");
    }

    @Test
    void shouldRejectValuesOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.JOIN_THRESHOLD, "1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ProcessorConfig.JOIN_THRESHOLD);
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.STORY_RETENTION, "7 days")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 days");
    }
}
