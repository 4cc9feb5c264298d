package dev.storywire.sink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Connect sink that upserts stories ({@code stories} topic) and their articles ({@code stories.articles})
 * into SQLite or PostgreSQL. See {@link StorySinkConfig} for the settings and {@link SinkStatements} for the
 * write rules.
 */
public final class StorySinkConnector extends SinkConnector {

    private static final Logger LOG = LoggerFactory.getLogger(StorySinkConnector.class);

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        StorySinkConfig config = new StorySinkConfig(props);
        this.props = Map.copyOf(props);
        LOG.info("Starting story sink connector {}: {}", version(), config.describe());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StorySinkTask.class;
    }

    /** Every task gets the same settings; Connect spreads the topic partitions over them. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        LOG.info("Stopped story sink connector");
    }

    @Override
    public ConfigDef config() {
        return StorySinkConfig.CONFIG_DEF;
    }

    /**
     * Checks each setting, then that the connector's {@code topics} (or {@code topics.regex}) cover exactly the
     * configured stories and articles topics.
     */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        // A mutable copy: a topics entry may have to be added.
        Config config = new Config(new ArrayList<>(super.validate(connectorConfigs).configValues()));
        Map<String, ConfigValue> values = config.configValues().stream()
                .collect(Collectors.toMap(ConfigValue::name, v -> v));
        ConfigValue storiesTopic = values.get(StorySinkConfig.STORIES_TOPIC);
        ConfigValue articlesTopic = values.get(StorySinkConfig.ARTICLES_TOPIC);
        if (!storiesTopic.errorMessages().isEmpty() || !articlesTopic.errorMessages().isEmpty()) {
            return config;
        }
        String stories = String.valueOf(storiesTopic.value()).trim();
        String articles = String.valueOf(articlesTopic.value()).trim();
        if (stories.equals(articles)) {
            articlesTopic.addErrorMessage("must differ from " + StorySinkConfig.STORIES_TOPIC + " ('" + stories + "')");
            return config;
        }
        String topicsValue = connectorConfigs.get(SinkConnector.TOPICS_CONFIG);
        String regexValue = connectorConfigs.get(SinkTask.TOPICS_REGEX_CONFIG);
        if (topicsValue != null && !topicsValue.isBlank()) {
            checkTopicList(config, topicsValue, storiesTopic, articlesTopic);
        } else if (regexValue != null && !regexValue.isBlank()) {
            checkTopicRegex(regexValue, storiesTopic, articlesTopic);
        }
        return config;
    }

    private static void checkTopicList(Config config, String topicsValue, ConfigValue storiesTopic,
            ConfigValue articlesTopic) {
        List<String> topics = Arrays.stream(topicsValue.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
        for (ConfigValue topic : List.of(storiesTopic, articlesTopic)) {
            if (!topics.contains(String.valueOf(topic.value()).trim())) {
                topic.addErrorMessage("'" + topic.value() + "' is not in " + SinkConnector.TOPICS_CONFIG
                        + " (" + topicsValue + "); add it there or change " + topic.name());
            }
        }
        List<String> foreign = new ArrayList<>(topics);
        foreign.remove(String.valueOf(storiesTopic.value()).trim());
        foreign.remove(String.valueOf(articlesTopic.value()).trim());
        if (!foreign.isEmpty()) {
            topicsValue(config).addErrorMessage("topics " + foreign + " are neither "
                    + StorySinkConfig.STORIES_TOPIC + " nor " + StorySinkConfig.ARTICLES_TOPIC
                    + "; this connector cannot read them");
        }
    }

    private static void checkTopicRegex(String regexValue, ConfigValue storiesTopic, ConfigValue articlesTopic) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regexValue);
        } catch (PatternSyntaxException e) {
            return; // Connect's own validation of topics.regex reports it
        }
        for (ConfigValue topic : List.of(storiesTopic, articlesTopic)) {
            if (!pattern.matcher(String.valueOf(topic.value()).trim()).matches()) {
                topic.addErrorMessage("'" + topic.value() + "' does not match " + SinkTask.TOPICS_REGEX_CONFIG
                        + " (" + regexValue + ")");
            }
        }
    }

    /** The {@code topics} entry of the result, added when the connector's own definition has none. */
    private static ConfigValue topicsValue(Config config) {
        Optional<ConfigValue> existing = config.configValues().stream()
                .filter(v -> v.name().equals(SinkConnector.TOPICS_CONFIG))
                .findFirst();
        return existing.orElseGet(() -> {
            ConfigValue added = new ConfigValue(SinkConnector.TOPICS_CONFIG);
            config.configValues().add(added);
            return added;
        });
    }
}
