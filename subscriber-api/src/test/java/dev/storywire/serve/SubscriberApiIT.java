package dev.storywire.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Article;
import dev.storywire.model.Headers;
import dev.storywire.model.Provider;
import dev.storywire.model.ResolvedRelated;
import dev.storywire.model.Role;
import dev.storywire.model.Json;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryMember;
import dev.storywire.model.Topics;
import dev.storywire.testsupport.KafkaClusterExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP API and the event stream of {@code storywire serve} on a real broker. Stories are written to the topics
 * directly, so every case (a merge with and without the survivor header) is exact; the app's pipeline IT covers the
 * same server over the real processor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriberApiIT {

    @RegisterExtension
    static final KafkaClusterExtension KAFKA = new KafkaClusterExtension();

    private static final Instant MAY = Instant.parse("2021-05-18T12:00:00Z");
    private static final Instant MARCH = Instant.parse("2021-03-02T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String storiesTopic = "it-stories-" + run;
    private final String articlesTopic = "it-story-articles-" + run;
    private KafkaProducer<String, byte[]> producer;
    private SubscriberServer server;

    @BeforeAll
    void start() throws Exception {
        createTopics(storiesTopic, articlesTopic);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        publishStory(story("st-amazon", "Amazon extends police ban on facial recognition", MAY,
                List.of("AP", "ZDNet"), List.of("Amazon", "Facial recognition"), 2, 3,
                member("apnews.com/ban", "AP", Role.PRIMARY), member("zdnet.com/ban", "ZDNet", Role.PRIMARY)));
        publishArticle(storyArticle("st-amazon", "apnews.com/ban", "AP", Role.PRIMARY,
                new ResolvedRelated("zdnet.com/ban", "st-amazon", "ZDNet on the ban", "https://zdnet.com/ban")));
        publishArticle(storyArticle("st-amazon", "zdnet.com/ban", "ZDNet", Role.PRIMARY));
        publishStory(story("st-search", "Microsoft launches semantic search for enterprises", MARCH,
                List.of("VentureBeat"), List.of("Microsoft"), 1, 1,
                member("venturebeat.com/search", "VentureBeat", Role.PRIMARY)));
        // Merged with the survivor in the tombstone's header.
        publishStory(story("st-merged", "Amazon ban extended", MAY, List.of("Reuters"), List.of("Amazon"), 1, 1,
                member("reuters.com/ban", "Reuters", Role.PRIMARY)));
        publishTombstone("st-merged", "st-amazon");
        // Merged by an older processor: no header, its member re-emitted with the surviving id.
        publishStory(story("st-old-merge", "Police ban on Rekognition", MAY, List.of("Verge"), List.of("Amazon"), 1, 1,
                member("theverge.com/ban", "Verge", Role.PRIMARY)));
        publishTombstone("st-old-merge", null);
        publishArticle(storyArticle("st-amazon", "theverge.com/ban", "Verge", Role.PRIMARY));
        producer.flush();
        server = startServer(60);
        awaitStories(server, 2);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void shouldListStoriesNewestUpdatedFirstWithFilters() throws Exception {
        assertThat(ids(get(server, "/api/stories?topic=microsoft"))).containsExactly("st-search");
        assertThat(ids(get(server, "/api/stories?provider=zdnet"))).containsExactly("st-amazon");
        assertThat(ids(get(server, "/api/stories?q=SEMANTIC%20search"))).containsExactly("st-search");
        assertThat(ids(get(server, "/api/stories?since=2021-04-01&topic=Amazon"))).containsExactly("st-amazon");
        assertThat(ids(get(server, "/api/stories?topic=Amazon&provider=VentureBeat"))).isEmpty();
        List<String> all = ids(get(server, "/api/stories?limit=500"));
        assertThat(all).contains("st-amazon", "st-search").doesNotContain("st-merged", "st-old-merge");
        assertThat(all.indexOf("st-amazon")).isLessThan(all.indexOf("st-search"));

        JsonNode amazon = body(get(server, "/api/stories?topic=amazon")).get("stories").get(0);
        assertThat(amazon.get("headline").asText()).isEqualTo("Amazon extends police ban on facial recognition");
        assertThat(amazon.get("size").asInt()).isEqualTo(2);
        assertThat(amazon.get("providers")).extracting(JsonNode::asText).containsExactly("AP", "ZDNet");
        assertThat(amazon.get("topics")).extracting(JsonNode::asText).containsExactly("Amazon", "Facial recognition");
        assertThat(amazon.get("firstSeen").asText()).isEqualTo(MAY.minusSeconds(3600).toString());
        assertThat(amazon.get("lastUpdated").asText()).isEqualTo(MAY.toString());
    }

    @Test
    void shouldAnswerAStoryWithItsArticles() throws Exception {
        HttpResponse<String> response = get(server, "/api/stories/st-amazon");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode articles = body(response).get("articles");
        assertThat(articles).hasSize(2);
        JsonNode ap = articles.get(0);
        assertThat(ap.get("role").asText()).isEqualTo("primary");
        assertThat(ap.get("provider").asText()).isEqualTo("AP");
        assertThat(ap.get("url").asText()).isEqualTo("https://apnews.com/ban");
        assertThat(ap.get("publishedAt").asText()).isEqualTo(MAY.toString());
        assertThat(ap.get("related").get(0).get("storyId").asText()).isEqualTo("st-amazon");
    }

    @Test
    void shouldRefuseUnknownParametersAndBadValuesNamingThem() throws Exception {
        assertBadRequest("/api/stories?color=red", "color");
        assertBadRequest("/api/stories?limit=many", "limit");
        assertBadRequest("/api/stories?limit=0", "limit");
        assertBadRequest("/api/stories?since=yesterday", "since");
        assertBadRequest("/api/stories?topic=a&topic=b", "topic");
        assertBadRequest("/api/stories/st-amazon?full=true", "full");
        assertBadRequest("/api/stream?lastEventId=banana", "lastEventId");
        assertBadRequest("/api/stream?limit=3", "limit");
        HttpResponse<String> badHeader = http.send(HttpRequest.newBuilder(uri(server, "/api/stream"))
                .header("Last-Event-ID", "0:x").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(body(badHeader).get("parameter").asText()).isEqualTo("Last-Event-ID");
    }

    @Test
    void shouldAnswer404ForAnUnknownIdWithoutAStackTrace() throws Exception {
        HttpResponse<String> story = get(server, "/api/stories/st-nothing");
        HttpResponse<String> path = get(server, "/api/nothing");

        assertThat(story.statusCode()).isEqualTo(404);
        assertThat(body(story).get("error").asText()).contains("st-nothing");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(story.body() + path.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void shouldRedirectAMergedAwayIdToTheSurvivingStory() throws Exception {
        HttpResponse<String> withHeader = get(server, "/api/stories/st-merged");
        HttpResponse<String> withoutHeader = get(server, "/api/stories/st-old-merge");

        assertThat(withHeader.statusCode()).isEqualTo(308);
        assertThat(withHeader.headers().firstValue("Location")).contains("/api/stories/st-amazon");
        assertThat(withoutHeader.statusCode()).isEqualTo(308);
        assertThat(withoutHeader.headers().firstValue("Location")).contains("/api/stories/st-amazon");
    }

    @Test
    void shouldReportHealthAndDescribeTheApi() throws Exception {
        assertThat(get(server, "/health").statusCode()).isEqualTo(200);
        JsonNode openApi = body(get(server, "/api/openapi.json"));
        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        assertThat(openApi.get("paths").fieldNames()).toIterable()
                .contains("/api/stories", "/api/stories/{id}", "/api/stream", "/health");
    }

    @Test
    void shouldSendTheSameUpdatesToFiftyConcurrentStreamClients() throws Exception {
        List<SseTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                clients.add(SseTestClient.connect(uri(server, "/api/stream?topic=fanout"), null));
            }
            for (SseTestClient client : clients) {
                assertThat(client.awaitConnected(WAIT)).isTrue();
            }
            for (int i = 1; i <= 10; i++) {
                publishStory(story("st-fanout-" + (i % 4), "Fan-out story " + i, MARCH.minusSeconds(86_400L * 30),
                        List.of("Wire"), List.of("Fanout"), i, i, member("wire.example/" + i, "Wire", Role.PRIMARY)));
            }
            producer.flush();

            List<SseTestClient.Event> first = clients.get(0).take(10, WAIT);
            assertThat(first).hasSize(10);
            for (SseTestClient client : clients.subList(1, clients.size())) {
                assertThat(client.take(10, WAIT)).isEqualTo(first);
            }
        } finally {
            clients.forEach(SseTestClient::close);
        }
    }

    @Test
    void shouldResumeFromLastEventIdAcrossARestartWithoutGapOrDuplicate() throws Exception {
        String topic = "resume-" + run;
        String lastId;
        List<String> seen = new ArrayList<>();
        try (SubscriberServer first = startServer(5)) {
            awaitStories(first, 2);
            try (SseTestClient client = SseTestClient.connect(uri(first, "/api/stream?topic=" + topic), null)) {
                assertThat(client.awaitConnected(WAIT)).isTrue();
                publishVersions(topic, 1, 6);
                List<SseTestClient.Event> events = client.take(6, WAIT);
                assertThat(events).hasSize(6);
                events.forEach(e -> seen.add(headline(e)));
                lastId = events.get(events.size() - 1).id();
            }
        }
        publishVersions(topic, 7, 12); // while no server runs

        try (SubscriberServer second = startServer(1)) {
            awaitStories(second, 2);
            try (SseTestClient client = SseTestClient.connect(uri(second, "/api/stream?topic=" + topic), lastId)) {
                assertThat(client.awaitConnected(WAIT)).isTrue();
                publishVersions(topic, 13, 15); // live after the resume
                client.take(9, WAIT).forEach(e -> seen.add(headline(e)));
                seen.addAll(client.drain(Duration.ofSeconds(2)).stream().map(SubscriberApiIT::headline).toList());

                try (SseTestClient oneTooMany = SseTestClient.connect(uri(second, "/api/stream"), null)) {
                    oneTooMany.awaitConnected(WAIT);
                    assertThat(oneTooMany.status()).as("beyond stream.max.clients=1").isEqualTo(503);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            expected.add(topic + " " + i);
        }
        // Per story the order is the topic's; across stories (partitions) the interleaving may differ.
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        for (int story = 0; story < 3; story++) {
            String prefix = topic + "-" + story;
            List<Integer> versions = seen.stream().filter(h -> storyOf(h, topic) == storyNumber(prefix, topic))
                    .map(h -> Integer.parseInt(h.substring(topic.length() + 1))).toList();
            assertThat(versions).isSorted();
        }
    }

    @Test
    void shouldWaitForTheTopicsAndReportNotReadyUntilTheStoresAreRestored() throws Exception {
        String later = "later-" + run;
        Map<String, Object> props = new HashMap<>();
        props.put(ServeConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        props.put(ServeConfig.HTTP_PORT, 0);
        props.put(ServeConfig.HTTP_HOST, "127.0.0.1");
        props.put(ServeConfig.STORIES_TOPIC, later + "-stories");
        props.put(ServeConfig.STORY_ARTICLES_TOPIC, later + "-articles");
        try (SubscriberServer early = SubscriberServer.start(new ServeConfig(props))) {
            HttpResponse<String> health = get(early, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(body(health).get("stores").asText()).isEqualTo("WAITING_FOR_TOPICS");
            assertThat(get(early, "/api/stories").statusCode()).isEqualTo(503);

            createTopics(later + "-stories", later + "-articles");
            producer.send(new ProducerRecord<>(later + "-stories", "st-later", Topics.STORY_SERDE.serialize(
                    later, story("st-later", "Late topics", MAY, List.of("AP"), List.of("Late"), 1, 1,
                            member("apnews.com/late", "AP", Role.PRIMARY)))));
            producer.flush();

            assertThat(early.awaitReady(WAIT)).isTrue();
            assertThat(get(early, "/health").statusCode()).isEqualTo(200);
            awaitStories(early, 1);
        }
    }

    private static int storyNumber(String prefix, String topic) {
        return Integer.parseInt(prefix.substring(topic.length() + 1));
    }

    private static int storyOf(String headline, String topic) {
        return Integer.parseInt(headline.substring(topic.length() + 1)) % 3;
    }

    /** Versions {@code from..to} spread over three stories (so over partitions), headline "topic n". */
    private void publishVersions(String topic, int from, int to) {
        for (int i = from; i <= to; i++) {
            publishStory(story(topic + "-" + (i % 3), topic + " " + i, MARCH.minusSeconds(86_400L * 60),
                    List.of("Wire"), List.of(topic), i, i, member("wire.example/" + topic + i, "Wire", Role.PRIMARY)));
        }
        producer.flush();
    }

    private static String headline(SseTestClient.Event event) {
        try {
            return Json.mapper().readTree(event.data()).get("story").get("headline").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private SubscriberServer startServer(int maxClients) throws InterruptedException {
        Map<String, Object> props = new HashMap<>();
        props.put(ServeConfig.BOOTSTRAP_SERVERS, KAFKA.bootstrapServers());
        props.put(ServeConfig.HTTP_PORT, 0);
        props.put(ServeConfig.HTTP_HOST, "127.0.0.1");
        props.put(ServeConfig.STORIES_TOPIC, storiesTopic);
        props.put(ServeConfig.STORY_ARTICLES_TOPIC, articlesTopic);
        props.put(ServeConfig.STREAM_MAX_CLIENTS, maxClients);
        SubscriberServer started = SubscriberServer.start(new ServeConfig(props));
        assertThat(started.awaitReady(WAIT)).as("ready").isTrue();
        return started;
    }

    private void awaitStories(SubscriberServer target, int atLeast) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ids(get(target, "/api/stories?limit=500")).size() >= atLeast) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("the server did not load " + atLeast + " stories");
    }

    private void assertBadRequest(String path, String parameter) throws Exception {
        HttpResponse<String> response = get(server, path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(body(response).get("parameter").asText()).as(path).isEqualTo(parameter);
        assertThat(body(response).get("error").asText()).as(path).contains(parameter);
    }

    private HttpResponse<String> get(SubscriberServer target, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(target, path)).timeout(WAIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(SubscriberServer target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    private static JsonNode body(HttpResponse<String> response) throws java.io.IOException {
        return Json.mapper().readTree(response.body());
    }

    private static List<String> ids(HttpResponse<String> response) throws java.io.IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        body(response).get("stories").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private void createTopics(String... names) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, Optional.of(3), Optional.empty()));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static StoryMember member(String id, String provider, Role role) {
        return new StoryMember(id, "https://" + id, provider + " on the ban", provider, MAY, role);
    }

    private static Story story(String id, String headline, Instant lastUpdated, List<String> providers,
            List<String> topics, int size, long version, StoryMember... members) {
        return new Story(id, headline, size, List.of(members), providers, topics, lastUpdated.minusSeconds(3600),
                lastUpdated, version);
    }

    private static StoryArticle storyArticle(String storyId, String articleId, String provider, Role role,
            ResolvedRelated... related) {
        Article article = new Article(articleId, provider + " on the ban", "An excerpt.", MAY, "https://" + articleId,
                null, null, null, "article", "news", 3, 1, true, new Provider(provider, null, null), List.of(),
                List.of(), List.of(), null, Map.of(), "it", "hash", MAY);
        return new StoryArticle(storyId, role, article, List.of(related));
    }

    private void publishStory(Story story) {
        producer.send(new ProducerRecord<>(storiesTopic, story.storyId(),
                Topics.STORY_SERDE.serialize(storiesTopic, story)));
    }

    private void publishTombstone(String storyId, String survivor) {
        ProducerRecord<String, byte[]> tombstone = new ProducerRecord<>(storiesTopic, storyId, null);
        if (survivor != null) {
            tombstone.headers().add(Headers.MERGED_INTO, survivor.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(tombstone);
    }

    private void publishArticle(StoryArticle article) {
        producer.send(new ProducerRecord<>(articlesTopic, article.article().id(),
                Topics.STORY_ARTICLE_SERDE.serialize(articlesTopic, article)));
    }
}
