package dev.storywire.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Json;
import dev.storywire.model.Provider;
import dev.storywire.model.Topics;
import dev.storywire.serve.ServeConfig;
import dev.storywire.serve.SubscriberServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Benchmark (not a test) of {@code storywire serve}: N stream clients while the pipeline takes R articles/s, with
 * the delivery latency from a story record's commit on {@code stories} to each client's receipt; then queries per
 * second of a filtered {@code GET /api/stories} against the same query on the sink's PostgreSQL table.
 *
 * <p>The commit time of a record is when a read_committed observer consumer in the same JVM (fetch.max.wait.ms=5)
 * first received it: a record is visible to read_committed consumers only once its transaction committed, so this
 * is the commit time plus the observer's own fetch delay (a few ms), and latencies are clipped at 0.
 *
 * <p>Usage: {@code ServeBenchmark OUT.json JDBC_URL DB_USER [CLIENTS] [ARTICLES_PER_SECOND] [SECONDS]}
 */
public final class ServeBenchmark {

    private static final String[] TOPICS = {"AI", "Robotics", "Cloud", "Chips", "Security", "Startups"};
    private static final String[] PROVIDERS = {"Reuters", "AP", "Bloomberg", "ZDNet", "The Verge", "Wired", "BBC"};
    private static final String[] WORDS = ("launch deal quarter outage lawsuit merger chip model robot cloud breach "
            + "funding startup regulator court battery satellite vaccine drone network platform").split(" ");

    private ServeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MachineLoad atStart = MachineLoad.now();
        Path out = Path.of(args[0]);
        String jdbcUrl = args[1];
        String dbUser = args[2];
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        Path work = Files.createTempDirectory("serve-bench-");
        PipelineSettings settings = new PipelineSettings(null, List.of(), jdbcUrl, work, Duration.ofMinutes(10),
                dbUser, null);
        try (LocalPipeline pipeline = LocalPipeline.start(settings);
                SubscriberServer server = SubscriberServer.start(new ServeConfig(Map.of(
                        ServeConfig.BOOTSTRAP_SERVERS, pipeline.bootstrapServers(), ServeConfig.HTTP_PORT, 0,
                        ServeConfig.STREAM_MAX_CLIENTS, clients + 10)))) {
            if (!server.awaitReady(Duration.ofSeconds(120))) {
                throw new IllegalStateException("serve did not become ready");
            }
            Observer observer = Observer.start(pipeline.bootstrapServers());
            SseReceivers receivers = SseReceivers.connect(new InetSocketAddress("127.0.0.1", server.port()),
                    "/api/stream", clients, 60);
            List<SseReceivers.Receiver> streams = receivers.receivers();
            MachineLoad runStart = MachineLoad.now();
            long produced = produce(pipeline.bootstrapServers(), rate, seconds);
            MachineLoad runEnd = MachineLoad.now();
            pipeline.awaitCaughtUp();
            awaitDelivered(streams, observer, Duration.ofSeconds(30));
            long observed = observer.size();
            observer.close();
            receivers.close();

            long[] latencies = latencies(streams, observer);
            ArrayNode byWindow = latencyByWindow(streams, observer, Duration.ofSeconds(5));
            // The server notices the closed clients on its next write; queries are measured once it has.
            long quietBy = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (server.streamClients() > 0 && System.nanoTime() < quietBy) {
                Thread.sleep(100);
            }
            double apiQps = apiQueriesPerSecond(server.port(), 4, Duration.ofSeconds(10));
            double sqlQps = sqlQueriesPerSecond(jdbcUrl, dbUser, 4, Duration.ofSeconds(10));
            write(out, clients, rate, seconds, produced, observed, streams, latencies, apiQps, sqlQps,
                    byWindow, runEnd.since(runStart), MachineLoad.now().since(atStart));
        } finally {
            dev.storywire.embedded.Directories.deleteQuietly(work);
        }
    }

    /** Synthetic articles at a steady rate: 600 events, each article a variation of one, so stories form. */
    private static long produce(String bootstrapServers, int rate, int seconds) throws InterruptedException {
        Random random = new Random(42);
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), Topics.ARTICLE_SERDE)) {
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Article article = article(i, random);
                producer.send(new ProducerRecord<>(Topics.FEED_ARTICLES.name(), article.id(), article));
            }
        }
        return total;
    }

    private static Article article(long i, Random random) {
        int event = random.nextInt(600);
        String subject = "Company" + event + " " + WORDS[event % WORDS.length] + " " + WORDS[(event * 7) % WORDS.length];
        String title = subject + " " + WORDS[random.nextInt(WORDS.length)] + " report " + i;
        String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
        String url = "https://" + provider.toLowerCase().replace(' ', '-') + ".example/news/" + i;
        Instant published = Instant.now().minusSeconds(random.nextInt(600));
        return new Article(CanonicalUrl.canonicalId(url), title, "Company" + event + " said on Monday that its "
                + subject + " went ahead, according to people familiar with the matter.", published, url, null, null,
                null, "article", "news", 50, 1, true, new Provider(provider, null, null),
                List.of(TOPICS[event % TOPICS.length]), List.of(), List.of(), null, Map.of(), "bench", null,
                Instant.now());
    }

    /**
     * Waits until every client received as many events as the observer saw committed (or the timeout passed), so a
     * run measures how late the last events arrive instead of cutting them off.
     */
    private static void awaitDelivered(List<SseReceivers.Receiver> streams, Observer observer, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Thread.sleep(500); // the observer sees the last commit
        while (System.nanoTime() < deadline
                && streams.stream().anyMatch(r -> r.failure == null && r.count() < observer.size())) {
            Thread.sleep(100);
        }
    }

    /** p50 and p99 of the deliveries of the changes committed in each window since the first commit. */
    private static ArrayNode latencyByWindow(List<SseReceivers.Receiver> clients, Observer observer,
            Duration window) {
        long first = observer.seen.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<Long, List<Long>> windows = new java.util.TreeMap<>();
        for (SseReceivers.Receiver client : clients) {
            for (int i = 0; i < client.count(); i++) {
                Long committed = observer.seen.get(client.key(i));
                if (committed != null) {
                    windows.computeIfAbsent((committed - first) / window.toNanos(), w -> new ArrayList<>())
                            .add(Math.max(0, client.time(i) - committed));
                }
            }
        }
        ArrayNode json = Json.mapper().createArrayNode();
        windows.forEach((index, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            json.addObject().put("fromSecond", index * window.toSeconds()).put("deliveries", sorted.length)
                    .put("p50", percentile(sorted, 0.50)).put("p99", percentile(sorted, 0.99));
        });
        return json;
    }

    private static long[] latencies(List<SseReceivers.Receiver> clients, Observer observer) {
        List<Long> all = new ArrayList<>();
        for (SseReceivers.Receiver client : clients) {
            for (int i = 0; i < client.count(); i++) {
                Long committed = observer.seen.get(client.key(i));
                if (committed != null) {
                    all.add(Math.max(0, client.time(i) - committed));
                }
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double apiQueriesPerSecond(int port, int threads, Duration duration) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/stories?topic=Robotics&limit=50")).build();
        return run(threads, duration, () -> {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/stories answered " + response.statusCode());
            }
        });
    }

    private static double sqlQueriesPerSecond(String url, String user, int threads, Duration duration)
            throws Exception {
        String sql = "SELECT story_id, headline, article_count, providers, topics, first_seen, last_updated, version "
                + "FROM stories WHERE topics @> '[\"Robotics\"]'::jsonb ORDER BY last_updated DESC LIMIT 50";
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = DriverManager.getConnection(url, user, null);
                return connection.prepareStatement(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return run(threads, duration, () -> {
            try (ResultSet rows = statements.get().executeQuery()) {
                while (rows.next()) {
                    rows.getString(2);
                }
            }
        });
    }

    interface Call {
        void run() throws Exception;
    }

    private static double run(int threads, Duration duration, Call call) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        call.run();
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static void write(Path out, int clients, int rate, int seconds, long produced, long observed,
            List<SseReceivers.Receiver> streams, long[] latencies, double apiQps, double sqlQps, ArrayNode byWindow,
            ObjectNode duringRun,
            ObjectNode wholeBenchmark) throws Exception {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("clients", clients);
        root.put("articlesPerSecond", rate);
        root.put("seconds", seconds);
        root.put("articlesProduced", produced);
        root.put("storyRecordsCommitted", observed);
        long minEvents = streams.stream().mapToLong(SseReceivers.Receiver::count).min().orElse(0);
        long maxEvents = streams.stream().mapToLong(SseReceivers.Receiver::count).max().orElse(0);
        root.put("eventsPerClientMin", minEvents);
        root.put("eventsPerClientMax", maxEvents);
        root.put("clientsDisconnectedByServer", streams.stream().filter(r -> r.failure != null).count());
        streams.stream().map(r -> r.failure).filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(reason -> root.put("firstDisconnectReason", reason));
        root.put("deliveries", latencies.length);
        ObjectNode delivery = root.putObject("deliveryMs");
        delivery.put("p50", percentile(latencies, 0.50));
        delivery.put("p99", percentile(latencies, 0.99));
        delivery.put("max", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        root.set("deliveryMsByCommitWindow", byWindow);
        ObjectNode queries = root.putObject("queriesPerSecond");
        queries.put("query", "stories with topic Robotics, newest-updated first, limit 50; 4 concurrent callers, 10 s");
        queries.put("api", Math.round(apiQps));
        queries.put("postgresql", Math.round(sqlQps));
        root.put("measuredAt", Instant.now().toString());
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        root.put("loadAverageAtStart", wholeBenchmark.get("loadAverageAtStart").asDouble());
        root.put("loadAverageAtEnd", wholeBenchmark.get("loadAverageAtEnd").asDouble());
        root.set("machineWhileProducing", duringRun);
        root.set("machineWholeBenchmark", wholeBenchmark);
        root.put("note", "delivery = client receipt minus the first receipt by a read_committed observer consumer in "
                + "the same JVM (commit visibility). One JVM holds the embedded broker, the pipeline (processor, "
                + "Connect worker with the PostgreSQL sink), the serve instance and the clients (all on one selector "
                + "thread, reading only each event's partition and offset); PostgreSQL runs beside it. "
                + "machineWhileProducing says how many cores were busy in all, in this JVM and in the busiest other "
                + "processes (other jobs on the shared machine, and this run's PostgreSQL). While producing: "
                + duringRun.path("coresBusy").asDouble() + " of " + duringRun.path("cores").asInt() + " cores busy, "
                + duringRun.path("coresBusyInThisJvm").asDouble() + " in this JVM, "
                + duringRun.path("coresBusyInOtherProcesses").asDouble() + " in other processes, load average "
                + duringRun.path("loadAverageAtStart").asDouble() + " to "
                + duringRun.path("loadAverageAtEnd").asDouble());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        System.out.println(Files.readString(out));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return Math.round(sorted[Math.max(0, index)] / 1e4) / 100.0;
    }

    static long key(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    /** First receipt time of every record on stories by a read_committed consumer. */
    private static final class Observer implements AutoCloseable {
        final Map<Long, Long> seen = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        private Observer(String bootstrapServers) {
            CountDownLatch ready = new CountDownLatch(1);
            thread = new Thread(() -> {
                try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                    List<TopicPartition> partitions = consumer.partitionsFor(Topics.STORIES.name()).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    consumer.assign(partitions);
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position);
                    ready.countDown();
                    while (running) {
                        consumer.poll(Duration.ofMillis(20)).forEach(r -> {
                            seen.putIfAbsent(key(r.partition(), r.offset()), System.nanoTime());
                        });
                    }
                }
            }, "bench-observer");
            thread.start();
            try {
                ready.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static Observer start(String bootstrapServers) {
            return new Observer(bootstrapServers);
        }

        long size() {
            return seen.size();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
