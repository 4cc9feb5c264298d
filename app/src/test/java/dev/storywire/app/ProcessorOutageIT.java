package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.embedded.EmbeddedKafkaBroker;
import dev.storywire.model.Article;
import dev.storywire.model.Provider;
import dev.storywire.model.Topics;
import dev.storywire.processor.ProcessorConfig;
import dev.storywire.processor.StoryTopology;
import dev.storywire.processor.StreamProcessorApp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 21, defect 5: the processor rides out a broker outage longer than its clients' timeouts and resumes by
 * itself. The clients' timeouts are shortened (10 s instead of minutes) so that a 30 s outage exceeds them, as a
 * 95 s outage exceeds the defaults; the broker restarts on its data directory and port.
 */
class ProcessorOutageIT {

    private static final Logger log = LoggerFactory.getLogger(ProcessorOutageIT.class);
    private static final String APPLICATION_ID = "outage-it";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int BEFORE = 200;
    private static final int AFTER = 20;

    @TempDir
    Path brokerDir;
    @TempDir
    Path stateDir;

    @Test
    void shouldResumeProcessingAfterTheBrokerWasDownLongerThanTheClientTimeouts() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(brokerDir).build().start();
        String bootstrap = broker.bootstrapServers();
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicSetup.createMissing(admin, TopicSetup.pipelineTopics(2));
        }
        try (StreamProcessorApp processor = StreamProcessorApp.start(
                StoryTopology.buildTopology(ProcessorConfig.defaults()), processorProperties(bootstrap))) {
            assertThat(processor.awaitRunning(Duration.ofSeconds(60))).isTrue();
            produce(bootstrap, 0, BEFORE);
            // Down while the processor works through the batch: open transactions, sends in flight.
            broker.close();
            Instant down = Instant.now();
            Thread.sleep(OUTAGE.toMillis());
            broker = EmbeddedKafkaBroker.builder().dataDir(brokerDir).port(port).build().start();
            log.info("Broker back after {} s; processor {}, {} stream threads replaced so far",
                    Duration.between(down, Instant.now()).toSeconds(), processor.state(), processor.replacedThreads());
            produce(bootstrap, BEFORE, AFTER);

            Set<String> output = awaitOutput(bootstrap, BEFORE + AFTER, Duration.ofSeconds(120));

            log.info("{} of {} articles on {} {} s after the broker went down; {} stream threads replaced",
                    output.size(), BEFORE + AFTER, Topics.STORIES_ARTICLES.name(),
                    Duration.between(down, Instant.now()).toSeconds(), processor.replacedThreads());
            assertThat(output).as("articles on %s; processor %s after %d stream thread replacements",
                    Topics.STORIES_ARTICLES.name(), processor.state(), processor.replacedThreads())
                    .hasSize(BEFORE + AFTER);
            assertThat(processor.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);
        } finally {
            broker.close();
        }
    }

    private Properties processorProperties(String bootstrap) {
        Properties props = TopicSetup.withTimestampRule(
                StreamProcessorApp.streamsProperties(bootstrap, APPLICATION_ID, stateDir, 1));
        // Client timeouts of seconds instead of minutes, so that a 30 s outage outlasts them.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG), 3_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), 8_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_BLOCK_MS_CONFIG), 8_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG), 8_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG), 3_000);
        props.put(StreamsConfig.TASK_TIMEOUT_MS_CONFIG, 2_000);
        return props;
    }

    private static void produce(String bootstrap, int from, int count) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
            IntStream.range(from, from + count).mapToObj(ProcessorOutageIT::article).forEach(article -> producer.send(
                    new ProducerRecord<>(Topics.FEED_ARTICLES.name(), article.id(),
                            new String(Topics.ARTICLE_SERDE.serializer().serialize(Topics.FEED_ARTICLES.name(), article),
                                    java.nio.charset.StandardCharsets.UTF_8))));
            producer.flush();
        }
    }

    private static Article article(int i) {
        String url = "https://outage.example.org/story-" + i;
        return new Article("outage.example.org/story-" + i, "Distinct headline " + i + " about subject" + i,
                "Excerpt " + i + " term" + i, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * i), url, null,
                null, null, "article", "news", null, null, true, new Provider("Example", "example.org", List.of()),
                List.of(), List.of(), List.of(), null, null, "outage-" + i, null, null);
    }

    private static Set<String> awaitOutput(String bootstrap, int expected, Duration limit) {
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap, "group.id", "outage-reader", "auto.offset.reset", "earliest",
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(Topics.STORIES_ARTICLES.name()));
            Instant deadline = Instant.now().plus(limit);
            while (keys.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        return keys;
    }
}
