package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.storywire.model.Json;
import dev.storywire.model.Topics;
import dev.storywire.sink.StorySinkConfig;
import dev.storywire.sink.StorySinkConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * No Docker engine runs where the tests run, so this checks that docker-compose.yml, the Dockerfile and the
 * files they mount agree with the code: subcommands and flags, topics, connector config keys, ports, jar paths.
 */
class DockerComposeConsistencyTest {

    private static final Path ROOT = Path.of("..");
    private static final String STORYWIRE_IMAGE = "storywire:latest";

    private final Map<String, Map<String, Object>> services = services();

    @Test
    void shouldRunOnlyExistingSubcommandsWithExistingFlags() {
        List<String> storywireServices = services.entrySet().stream()
                .filter(e -> STORYWIRE_IMAGE.equals(e.getValue().get("image")))
                .map(Map.Entry::getKey).toList();
        assertThat(storywireServices).contains("processor", "producer", "lag");
        for (String service : storywireServices) {
            List<String> command = command(service);
            // Parsing validates subcommand, option names, arity and value types without running anything.
            CommandLine.ParseResult parsed = StorywireCli.commandLine().parseArgs(command.toArray(String[]::new));
            assertThat(parsed.subcommand()).as("service %s runs a storywire subcommand", service).isNotNull();
        }
    }

    @Test
    void shouldExposeTheMetricsPortsThatPrometheusScrapes() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("ops/prometheus/prometheus.yml"));
        String processorPort = optionValue(command("processor"), "--metrics-port");
        String producerPort = optionValue(command("producer"), "--metrics-port");
        String lagPort = optionValue(command("lag"), "--serve");
        assertThat(ports("processor")).contains(processorPort + ":" + processorPort);
        assertThat(ports("producer")).contains(producerPort + ":" + producerPort);
        assertThat(ports("lag")).contains(lagPort + ":" + lagPort);
        assertThat(prometheus).contains("processor:" + processorPort).contains("producer:" + producerPort)
                .contains("lag:" + lagPort);
    }

    @Test
    void shouldProcessWithTheApplicationIdTheLagDefaultsWatch() {
        assertThat(optionValue(command("processor"), "--application-id"))
                .isEqualTo(PipelineSettings.PROCESSOR_APPLICATION_ID);
    }

    @Test
    void shouldRegisterTheSinkWithKnownKeysTopicsAndName() throws IOException {
        Map<String, String> connector = Json.mapper().readValue(
                ROOT.resolve("ops/connect/storywire-sink.json").toFile(), new TypeReference<>() { });
        assertThat(connector.get("connector.class")).isEqualTo(StorySinkConnector.class.getName());
        assertThat(Arrays.asList(connector.get("topics").split(",")))
                .containsExactlyInAnyOrder(Topics.STORIES.name(), Topics.STORIES_ARTICLES.name());
        assertThat(connector.get("errors.deadletterqueue.topic.name")).isEqualTo(PipelineSettings.SINK_DLQ_TOPIC);
        connector.keySet().stream().filter(key -> !isConnectFrameworkKey(key)).forEach(key ->
                assertThat(StorySinkConfig.CONFIG_DEF.names()).as("sink config key %s", key).contains(key));
        assertThat(new StorySinkConnector().validate(connector).configValues())
                .allSatisfy(value -> assertThat(value.errorMessages()).as(value.name()).isEmpty());
        assertThat(String.join(" ", command("connect-init")))
                .contains("/connectors/" + PipelineSettings.SINK_CONNECTOR_NAME + "/config");
    }

    @Test
    void shouldGiveConnectTheSettingsExactlyOnceAndThePluginNeed() throws IOException {
        Properties worker = new Properties();
        try (var reader = Files.newBufferedReader(ROOT.resolve("ops/connect/connect-distributed.properties"))) {
            worker.load(reader);
        }
        assertThat(worker.getProperty("consumer.isolation.level")).isEqualTo("read_committed");
        assertThat(worker.getProperty("plugin.discovery")).isEqualTo("service_load");
        String pluginMount = volumes("connect").stream().filter(v -> v.endsWith(":" + worker.getProperty("plugin.path") + ":ro"))
                .findFirst().orElseThrow();
        assertThat(pluginMount).startsWith("./sink-connector/target/sink-connector-" + projectVersion() + "-plugin:");
    }

    @Test
    void shouldConfigureTheSingleNodeBrokerForExactlyOnce() {
        @SuppressWarnings("unchecked")
        Map<String, String> environment = (Map<String, String>) services.get("kafka").get("environment");
        for (String setting : List.of("OFFSETS_TOPIC_REPLICATION_FACTOR", "TRANSACTION_STATE_LOG_REPLICATION_FACTOR",
                "TRANSACTION_STATE_LOG_MIN_ISR", "SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR",
                "SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR")) {
            assertThat(environment).as(setting).containsEntry("KAFKA_" + setting, "1");
        }
        assertThat(environment).containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    }

    @Test
    void shouldStampRecordsOnAppendAsTheTopicSetupDoes() {
        @SuppressWarnings("unchecked")
        Map<String, String> environment = (Map<String, String>) services.get("kafka").get("environment");
        assertThat(environment).containsEntry("KAFKA_LOG_MESSAGE_TIMESTAMP_TYPE", TopicSetup.TIMESTAMP_TYPE);
        assertThat(TopicSetup.pipelineTopics(1)).allSatisfy(topic -> assertThat(topic.configs())
                .as("configs of %s", topic.name()).containsAllEntriesOf(TopicSetup.TIMESTAMP_RULE));
    }

    @Test
    void shouldCreateTheDocumentedTopicsWithTheTimestampRule() throws IOException {
        String readme = Files.readString(ROOT.resolve("docs/deployment.md"));
        Matcher rule = Pattern.compile("T=\"--config ([^=\"]+)=([^\"]+)\"").matcher(readme);
        assertThat(rule.find()).as("the $T rule of the kafka-topics.sh commands").isTrue();
        assertThat(Map.of(rule.group(1), rule.group(2))).isEqualTo(TopicSetup.TIMESTAMP_RULE);
        List<String> creates = readme.lines().filter(line -> line.contains("kafka-topics.sh") && line.contains("--create"))
                .toList();
        List<String> created = creates.stream().map(line -> firstGroup(line, "--topic (\\S+)")).toList();
        assertThat(created).containsAll(TopicSetup.pipelineTopics(1).stream().map(t -> t.name()).toList())
                .contains(PipelineSettings.SINK_DLQ_TOPIC);
        assertThat(creates).allSatisfy(line -> assertThat(line).contains("$T"));
    }

    @Test
    void shouldCopyTheJarTheBuildProduces() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        String finalName = firstGroup(Files.readString(ROOT.resolve("app/pom.xml")), "<finalName>(.+)</finalName>");
        assertThat(dockerfile).contains("COPY --from=build /src/app/target/" + finalName + ".jar ")
                .contains("COPY --from=build /src/app/target/lib ")
                .contains("USER storywire");
        assertThat(Files.readString(ROOT.resolve("app/pom.xml"))).contains("<classpathPrefix>lib/</classpathPrefix>");
    }

    private List<String> command(String service) {
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) services.get(service).get("command");
        assertThat(command).as("command of %s", service).isNotNull();
        return command;
    }

    @SuppressWarnings("unchecked")
    private List<String> ports(String service) {
        return (List<String>) services.get(service).get("ports");
    }

    @SuppressWarnings("unchecked")
    private List<String> volumes(String service) {
        return (List<String>) services.get(service).get("volumes");
    }

    private static String optionValue(List<String> command, String option) {
        int index = command.indexOf(option);
        assertThat(index).as("%s in %s", option, command).isNotNegative();
        return command.get(index + 1);
    }

    private static boolean isConnectFrameworkKey(String key) {
        return key.equals("connector.class") || key.equals("tasks.max") || key.equals("topics")
                || key.startsWith("errors.") || key.startsWith("key.") || key.startsWith("value.");
    }

    private static String projectVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        return firstGroup(pom.substring(pom.indexOf("<artifactId>storywire-parent</artifactId>")),
                "<version>(.+?)</version>");
    }

    private static String firstGroup(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
