package dev.storywire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.storywire.model.Headers;
import dev.storywire.model.Json;
import dev.storywire.model.Topics;
import dev.storywire.serve.SubscriberServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code storywire run --serve} over the bundled samples on one pipeline: every record of both stories topics (and
 * the headers of feed.dlq) against the JSON Schemas shipped in the jar, then the live page in headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeOverPipelineIT {

    private static final Path SAMPLES = Path.of("..", "samples", "feed");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Path workDir;
    private LocalPipeline pipeline;
    private FeedIngest ingest;
    private SubscriberServer server;

    @BeforeAll
    void startPipeline() throws Exception {
        workDir = Files.createTempDirectory("serve-pipeline-it-");
        Path rejected = Files.createDirectories(workDir.resolve("rejected"));
        Files.writeString(rejected.resolve("broken.md"), "just some text, no front matter\n");
        pipeline = LocalPipeline.start(new PipelineSettings(null, List.of(SAMPLES), "jdbc:sqlite:"
                + workDir.resolve("stories.db"), workDir, Duration.ofMinutes(5)));
        ingest = new FeedIngest(pipeline.bootstrapServers());
        ingest.publish(List.of(SAMPLES.toAbsolutePath(), rejected));
        pipeline.awaitCaughtUp();
        server = ServeCommand.startForRun(pipeline, 0);
        assertThat(server.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        dev.storywire.embedded.Directories.deleteQuietly(workDir);
    }

    @Test
    @Order(1)
    void shouldPublishOnlyRecordsTheShippedSchemasAccept() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                        .formatAssertionsEnabled(true).build()));
        Schema storySchema = schema(registry, "story.schema.json");
        Schema articleSchema = schema(registry, "story-article.schema.json");
        Schema dlqSchema = schema(registry, "feed-dlq-headers.schema.json");

        List<ConsumerRecord<String, byte[]>> stories = readAll(Topics.STORIES.name());
        List<ConsumerRecord<String, byte[]>> articles = readAll(Topics.STORIES_ARTICLES.name());
        List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.FEED_DLQ.name());

        assertThat(stories).isNotEmpty();
        assertThat(articles).isNotEmpty();
        assertThat(dlq).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : stories) {
            if (record.value() == null) {
                Header survivor = record.headers().lastHeader(Headers.MERGED_INTO);
                if (survivor == null || !new String(survivor.value(), StandardCharsets.UTF_8).startsWith("st-")) {
                    problems.add(position(record) + ": tombstone without " + Headers.MERGED_INTO);
                }
            } else {
                validate(storySchema, record, new String(record.value(), StandardCharsets.UTF_8), problems);
                keyMatches(record, "storyId", problems);
            }
        }
        for (ConsumerRecord<String, byte[]> record : articles) {
            validate(articleSchema, record, new String(record.value(), StandardCharsets.UTF_8), problems);
        }
        for (ConsumerRecord<String, byte[]> record : dlq) {
            Map<String, String> headers = new LinkedHashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            validate(dlqSchema, record, Json.mapper().writeValueAsString(headers), problems);
        }
        assertThat(problems).isEmpty();
        writeExamples(stories, articles, dlq);
    }

    @Test
    @Order(2)
    void shouldShowANewStoryOnTheLivePageAndOpenIt() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: the browser test needs Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver)");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String headline = "Rotterdam harbour cranes restart after week-long strike " + marker;
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.get("http://localhost:" + server.port() + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".story-card")));
            wait.until(ExpectedConditions.attributeContains(By.id("connection"), "class", "live"));

            ingest.publish(List.of(newDocument(headline, marker)));

            By card = By.xpath("//li[contains(@class,'story-card')][.//div[contains(@class,'story-headline')]"
                    + "[contains(., '" + marker + "')]]");
            wait.until(ExpectedConditions.presenceOfElementLocated(card));
            // The list is redrawn on every change: find and click in one step, again if the card was redrawn.
            wait.ignoring(StaleElementReferenceException.class).until(driver -> {
                driver.findElement(card).click();
                return true;
            });
            WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("story-detail")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#story-detail .article"),
                    marker));
            assertThat(detail.findElements(By.cssSelector(".article"))).isNotEmpty();
            assertThat(detail.getText()).contains(headline, "Browser Test Wire");
            Path shot = Path.of("target", "serve-live-page.png");
            Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }

    private Path newDocument(String headline, String marker) throws IOException {
        Path file = Files.createDirectories(workDir.resolve("browser")).resolve("cranes-" + marker + ".md");
        Files.writeString(file, String.join("\n",
                "---",
                "category: news",
                "title: \"" + headline + "\"",
                "excerpt: \"Dock workers in Rotterdam ended a strike over automation; the cranes of the container "
                        + "terminals moved again on Friday morning, the port authority said.\"",
                "publishedDateTime: " + Instant.now().truncatedTo(ChronoUnit.SECONDS),
                "webUrl: \"https://browser-test.example/rotterdam-cranes-" + marker + "\"",
                "type: article",
                "provider:",
                "  name: Browser Test Wire",
                "  domain: browser-test.example",
                "topics:",
                "  - Ports",
                "  - Labour",
                "---",
                ""));
        return file;
    }

    private static Schema schema(SchemaRegistry registry, String name) throws IOException {
        try (InputStream in = SubscriberServer.class.getResourceAsStream("/schemas/" + name)) {
            assertThat(in).as("schemas/" + name + " in the jar").isNotNull();
            return registry.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    private static void validate(Schema schema, ConsumerRecord<String, byte[]> record, String json,
            List<String> problems) {
        schema.validate(json, InputFormat.JSON).forEach(error -> problems.add(position(record) + ": " + error));
    }

    private static void keyMatches(ConsumerRecord<String, byte[]> record, String field, List<String> problems)
            throws IOException {
        String inValue = Json.mapper().readTree(record.value()).path(field).asText();
        if (!inValue.equals(record.key())) {
            problems.add(position(record) + ": key '" + record.key() + "' but " + field + " '" + inValue + "'");
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Every committed record of {@code topic}, read_committed as the contract tells subscribers to. */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The first record of each kind, for docs/subscribers.md (target/subscriber-examples.json). */
    private static void writeExamples(List<ConsumerRecord<String, byte[]>> stories,
            List<ConsumerRecord<String, byte[]>> articles, List<ConsumerRecord<String, byte[]>> dlq)
            throws IOException {
        StringBuilder text = new StringBuilder();
        stories.stream().filter(r -> r.value() != null).max(java.util.Comparator.comparingInt(r -> r.value().length))
                .ifPresent(r -> text.append("stories ").append(r.key()).append('\n')
                        .append(new String(r.value(), StandardCharsets.UTF_8)).append("\n\n"));
        stories.stream().filter(r -> r.value() == null).findFirst().ifPresent(r -> text.append("tombstone ")
                .append(r.key()).append(' ').append(r.headers()).append("\n\n"));
        articles.stream().filter(r -> r.value() != null && new String(r.value(), StandardCharsets.UTF_8)
                .contains("\"storyId\":\"st-")).findFirst()
                .ifPresent(r -> text.append("stories.articles ").append(r.key()).append('\n')
                        .append(new String(r.value(), StandardCharsets.UTF_8)).append("\n\n"));
        dlq.stream().findFirst().ifPresent(r -> text.append("feed.dlq ").append(r.key()).append(' ')
                .append(r.headers()).append('\n'));
        Files.writeString(Path.of("target", "subscriber-examples.txt"), text);
    }
}
