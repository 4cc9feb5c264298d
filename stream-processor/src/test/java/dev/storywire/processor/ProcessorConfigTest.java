package dev.storywire.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
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
        assertThat(config.dedupeRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(config.storyStateRetention()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void shouldKeepTheDocumentedClusteringDefaults() {
        ProcessorConfig config = ProcessorConfig.defaults();

        assertThat(config.joinThreshold()).isEqualTo(0.33);
        assertThat(config.linkBonus()).isEqualTo(0.15);
        assertThat(config.minTextSimilarity()).isEqualTo(0.12);
        assertThat(config.relatedMemberThreshold()).isEqualTo(0.33);
        assertThat(config.titleWeight()).isEqualTo(3);
        assertThat(config.titleSimilarityShare()).isEqualTo(0.5);
        assertThat(config.maxStoryTerms()).isEqualTo(200);
        assertThat(config.maxPostingsPerTerm()).isEqualTo(16);
        assertThat(config.maxQueryTerms()).isEqualTo(12);
        assertThat(config.mergeThreshold()).isEqualTo(0.5);
        assertThat(config.inMemoryStores()).isFalse();
    }

    @Test
    void shouldOverrideDefaultsFromAMap() {
        ProcessorConfig config = ProcessorConfig.fromMap(Map.of(
                ProcessorConfig.INPUT_TOPIC, "in",
                ProcessorConfig.JOIN_THRESHOLD, "0.45",
                ProcessorConfig.MAX_EVENT_TIME_DISTANCE, "PT36H",
                ProcessorConfig.MAX_FUTURE_SKEW, " P90D ",
                ProcessorConfig.IN_MEMORY_STORES, "true"));

        assertThat(config.inputTopic()).isEqualTo("in");
        assertThat(config.joinThreshold()).isEqualTo(0.45);
        assertThat(config.maxEventTimeDistance()).isEqualTo(Duration.ofHours(36));
        assertThat(config.maxFutureSkew()).isEqualTo(Duration.ofDays(90));
        assertThat(config.inMemoryStores()).isTrue();
        assertThat(config.storiesTopic()).isEqualTo("stories");
    }

    @Test
    void shouldReadProperties() {
        Properties properties = new Properties();
        properties.setProperty(ProcessorConfig.STORIES_TOPIC, "my.stories");

        assertThat(ProcessorConfig.fromProperties(properties).storiesTopic()).isEqualTo("my.stories");
    }

    @Test
    void shouldRejectAnUnknownKeyNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of("cluster.join-treshold", "0.4")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cluster.join-treshold")
                .hasMessageContaining("0.4")
                .hasMessageContaining(ProcessorConfig.JOIN_THRESHOLD);
    }

    @Test
    void shouldRejectValuesOutOfRangeNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.JOIN_THRESHOLD, "1.5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.JOIN_THRESHOLD)
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.MAX_STORY_TERMS, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.MAX_STORY_TERMS);
    }

    @Test
    void shouldRejectValuesOfTheWrongTypeNamingTheKeyAndTheValue() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.TITLE_WEIGHT, "three")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.TITLE_WEIGHT)
                .hasMessageContaining("three");
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.IN_MEMORY_STORES, "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.IN_MEMORY_STORES)
                .hasMessageContaining("yes");
    }

    @Test
    void shouldRejectDurationsThatAreNotPositiveIsoDurations() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.STORY_RETENTION, "7 days")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.STORY_RETENTION)
                .hasMessageContaining("7 days");
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.DEDUPE_RETENTION, "PT0S")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.DEDUPE_RETENTION)
                .hasMessageContaining("positive");
    }

    @Test
    void shouldRejectAnIllegalTopicName() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.STORIES_TOPIC, "my stories")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.STORIES_TOPIC)
                .hasMessageContaining("my stories");
    }

    @Test
    void shouldRejectAMergeThresholdBelowTheJoinThreshold() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(
                        ProcessorConfig.JOIN_THRESHOLD, "0.4", ProcessorConfig.MERGE_THRESHOLD, "0.3")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.MERGE_THRESHOLD)
                .hasMessageContaining("0.3")
                .hasMessageContaining(ProcessorConfig.JOIN_THRESHOLD);
    }

    @Test
    void shouldRejectAFutureSkewShorterThanTheStoryWindow() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.MAX_FUTURE_SKEW, "P2D")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.MAX_FUTURE_SKEW)
                .hasMessageContaining("P2D");
    }

    @Test
    void shouldGiveTheClusteringCoreItsOwnDefaults() {
        assertThat(ClusteringProcessor.settings(ProcessorConfig.defaults()))
                .isEqualTo(dev.storywire.processor.cluster.ClusteringSettings.defaults());
    }

    @Test
    void shouldRejectAStoryStateRetentionShorterThanTheStoryRetention() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.STORY_STATE_RETENTION, "P3D")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(ProcessorConfig.STORY_STATE_RETENTION)
                .hasMessageContaining("P3D");
    }

    @Test
    void shouldRejectAnOutputTopicEqualToTheInput() {
        assertThatThrownBy(() -> ProcessorConfig.fromMap(Map.of(ProcessorConfig.STORIES_TOPIC, "feed.articles")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("feed.articles");
    }

    @Test
    void shouldDeriveVariantsKeepingTheOtherValues() {
        ProcessorConfig base = ProcessorConfig.fromMap(Map.of(ProcessorConfig.JOIN_THRESHOLD, "0.4"));

        ProcessorConfig variant = base.withStoryRetention(Duration.ofDays(1))
                .withMergeThreshold(0.6)
                .withInMemoryStores(true)
                .withTopics("a", "b", "c");

        assertThat(variant.joinThreshold()).isEqualTo(0.4);
        assertThat(variant.storyRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(variant.mergeThreshold()).isEqualTo(0.6);
        assertThat(variant.inMemoryStores()).isTrue();
        assertThat(variant.inputTopic()).isEqualTo("a");
        assertThat(variant.storyArticlesTopic()).isEqualTo("b");
        assertThat(variant.storiesTopic()).isEqualTo("c");
        assertThat(base.storyRetention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldTellItsOwnKeysFromKafkaKeys() {
        assertThat(ProcessorConfig.isProcessorKey(ProcessorConfig.IN_MEMORY_STORES)).isTrue();
        assertThat(ProcessorConfig.isProcessorKey("cluster.typo")).isTrue();
        assertThat(ProcessorConfig.isProcessorKey("state.dir")).isFalse();
        assertThat(ProcessorConfig.isProcessorKey("num.stream.threads")).isFalse();
    }

    @Test
    void shouldDefineEveryKeyWithDocumentationAndAGroup() {
        assertThat(ProcessorConfig.CONFIG_DEF.configKeys().values()).allSatisfy(key -> {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
            assertThat(key.displayName).as(key.name).isNotBlank();
            assertThat(key.hasDefault()).as(key.name).isTrue();
        });
    }
}
