package dev.storywire.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storywire.model.Json;
import dev.storywire.model.Story;
import dev.storywire.serve.store.StoryReadModel;
import dev.storywire.serve.stream.ChangeReplay;
import dev.storywire.serve.stream.StoryChangeHub;
import dev.storywire.serve.stream.StreamPosition;
import dev.storywire.serve.stream.StreamSession;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code storywire serve}: the HTTP API, the event stream and the live page over one instance's global stores.
 * Closing it stops the HTTP server, the streams, the hub and the Streams application, and removes a temporary
 * state directory.
 */
public final class SubscriberServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SubscriberServer.class);
    static final String JSON = "application/json";
    private static final Set<String> LIST_PARAMS = Set.of("limit");
    private static final Set<String> STREAM_PARAMS = Set.of("lastEventId");

    private final ServeConfig config;
    private final Path stateDir;
    private final boolean temporaryStateDir;
    /** Started once both topics exist; null before. */
    private volatile StoryReadModel readModel;
    private volatile boolean closing;
    private final LagView lag;
    private final Semaphore streamSlots;
    private final AtomicInteger streamThreads = new AtomicInteger();
    private final ExecutorService streamExecutor;
    private final Set<StreamSession> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread hubStarter;
    private volatile StoryChangeHub hub;
    private Javalin http;

    private SubscriberServer(ServeConfig config) throws IOException {
        this.config = config;
        this.temporaryStateDir = config.stateDir() == null;
        this.stateDir = temporaryStateDir ? Files.createTempDirectory("storywire-serve-") : config.stateDir();
        this.lag = new LagView(config.bootstrapServers(), config.lagGroups());
        this.streamSlots = new Semaphore(config.streamMaxClients());
        this.streamExecutor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "serve-stream-" + streamThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.hubStarter = new Thread(this::startWhenTopicsExist, "serve-starter");
        hubStarter.setDaemon(true);
    }

    /** Starts the stores and the HTTP server; {@code /health} says when the stores are restored. */
    public static SubscriberServer start(ServeConfig config) {
        SubscriberServer server;
        try {
            server = new SubscriberServer(config);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a state directory for storywire serve", e);
        }
        try {
            server.hubStarter.start();
            server.http = Javalin.create(server::configure).start(config.httpHost(), config.httpPort());
            log.info("storywire serve listening on port {} (instance {})", server.port(), config.instanceId());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    /** Stream clients connected now. */
    public int streamClients() {
        return sessions.size();
    }

    /** True once the stores are restored and the change stream follows the topic. */
    public boolean ready() {
        StoryChangeHub current = hub;
        StoryReadModel model = readModel;
        return model != null && model.ready() && current != null && current.alive();
    }

    /** Waits until {@link #ready()}; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return ready();
    }

    /**
     * Waits for both topics (serve may start before the pipeline created them), then starts the stores and, once
     * they are restored, the change stream. /health says which step it is at.
     */
    private void startWhenTopicsExist() {
        try {
            TopicWait.until(config.bootstrapServers(), List.of(config.storiesTopic(), config.storyArticlesTopic()),
                    () -> !closing);
            StoryReadModel model;
            synchronized (this) {
                if (closing) {
                    return;
                }
                model = StoryReadModel.start(config.bootstrapServers(), config.applicationId(), stateDir,
                        config.storiesTopic(), config.storyArticlesTopic());
                readModel = model;
            }
            while (!model.awaitReady(Duration.ofSeconds(5))) {
                if (closing || model.state().hasCompletedShutdown() || model.state().isShuttingDown()) {
                    return;
                }
            }
            Map<String, Integer> sizes = new HashMap<>();
            model.list(new StoryQuery(null, null, null, null, Integer.MAX_VALUE))
                    .forEach(story -> sizes.put(story.storyId(), story.articleCount()));
            hub = StoryChangeHub.start(consumerConfig("hub"), config.storiesTopic(), sizes, StoryJson::summary);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("The event stream could not start: {}", e.toString(), e);
        }
    }

    private Map<String, Object> consumerConfig(String role) {
        return ChangeReplay.consumerConfig(config.bootstrapServers(), config.applicationId() + "-" + role);
    }

    private void configure(JavalinConfig javalin) {
        javalin.startup.showJavalinBanner = false;
        javalin.http.asyncTimeout = 0; // streams stay open as long as the client wants
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/serve-web";
            files.location = Location.CLASSPATH;
        });
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/schemas";
            files.directory = "/schemas";
            files.location = Location.CLASSPATH;
        });
        javalin.routes.get("/health", this::health);
        javalin.routes.get("/api/stories", this::listStories);
        javalin.routes.get("/api/stories/{id}", this::getStory);
        javalin.routes.get("/api/stream", this::stream);
        javalin.routes.get("/api/openapi.json", this::openApi);
        javalin.routes.get("/api/lag", this::lag);
        javalin.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage(),
                e.parameter()));
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            try {
                log.error("{} {} failed: {}", ctx.method(), ctx.path(), e.toString(), e);
                error(ctx, 500, "internal error; the server log has the details", null);
            } catch (RuntimeException gone) {
                // The request is gone (client or server closed it): nothing to answer, and throwing here would
                // send Javalin into handling its own failure.
                log.debug("Failure on a request that is gone: {} (then {})", e.toString(), gone.toString());
            }
        });
        javalin.routes.error(404, ctx -> {
            if (ctx.resultInputStream() == null) {
                error(ctx, 404, "no such resource: " + ctx.path(), null);
            }
        });
        javalin.routes.error(405, ctx -> error(ctx, 405, "method not allowed: " + ctx.method(), null));
    }

    private void health(Context ctx) {
        noParameters(ctx);
        ObjectNode body = Json.mapper().createObjectNode();
        boolean ready = ready();
        body.put("status", ready ? "UP" : "STARTING");
        StoryReadModel model = readModel;
        body.put("stores", model == null ? "WAITING_FOR_TOPICS" : model.state().name());
        body.put("stream", hub != null && hub.alive() ? "FOLLOWING" : "WAITING");
        body.put("instance", config.instanceId());
        json(ctx, ready ? 200 : 503, body);
    }

    private void listStories(Context ctx) {
        StoryQuery query = StoryQuery.parse(ctx.queryParamMap(), LIST_PARAMS, config.queryMaxLimit());
        StoryReadModel model = readModel;
        if (model == null || !model.ready()) {
            notReady(ctx);
            return;
        }
        List<Story> stories = model.list(query);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("count", stories.size());
        ArrayNode array = body.putArray("stories");
        stories.forEach(story -> array.add(StoryJson.summary(story)));
        json(ctx, 200, body);
    }

    private void getStory(Context ctx) {
        noParameters(ctx);
        StoryReadModel model = readModel;
        if (model == null || !model.ready()) {
            notReady(ctx);
            return;
        }
        String id = ctx.pathParam("id");
        StoryReadModel.Lookup lookup = model.lookup(id);
        if (lookup instanceof StoryReadModel.Lookup.Found found) {
            json(ctx, 200, StoryJson.detail(found.story(), model.membersOf(found.story())));
        } else if (lookup instanceof StoryReadModel.Lookup.MergedInto merged) {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("mergedInto", merged.survivorId());
            ctx.header("Location", "/api/stories/" + merged.survivorId());
            // 308: a permanent move that keeps the method; the id will never come back.
            json(ctx, 308, body);
        } else {
            error(ctx, 404, ((StoryReadModel.Lookup.Unknown) lookup).reason(), null);
        }
    }

    private void stream(Context ctx) {
        StoryQuery query = StoryQuery.parse(ctx.queryParamMap(), STREAM_PARAMS, Integer.MAX_VALUE);
        String fromParam = ctx.queryParam("lastEventId");
        Optional<StreamPosition> resume = fromParam != null
                ? StreamPosition.parse(fromParam, "lastEventId")
                : StreamPosition.parse(ctx.header(StreamPosition.HEADER), StreamPosition.HEADER);
        StoryChangeHub current = hub;
        if (current == null || !ready()) {
            notReady(ctx);
            return;
        }
        if (!streamSlots.tryAcquire()) {
            ctx.header("Retry-After", "5");
            error(ctx, 503, "too many stream clients (stream.max.clients=" + config.streamMaxClients() + ")", null);
            return;
        }
        StreamSession session = new StreamSession(new StreamSession.Settings(current, consumerConfig("replay"),
                config.storiesTopic(), config.streamHeartbeatMs(), config.streamClientBuffer(), StoryJson::summary),
                query, resume);
        var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no"); // nginx and friends: do not buffer the stream
        CompletableFuture<Void> done = new CompletableFuture<>();
        ctx.future(() -> {
            sessions.add(session);
            streamExecutor.execute(() -> {
                try {
                    session.run(res.getOutputStream());
                } catch (IOException e) {
                    log.debug("Stream client gone before the first event: {}", e.toString());
                } finally {
                    sessions.remove(session);
                    streamSlots.release();
                    // While the server closes, Jetty recycles the request under the session: completing the
                    // future then makes Javalin handle a request that is gone, and its error handling fails on
                    // the same missing request again and again on this thread. The stopping server needs no
                    // completion.
                    if (!closing) {
                        done.complete(null);
                    }
                }
            });
            return done;
        });
    }

    private void openApi(Context ctx) throws IOException {
        noParameters(ctx);
        try (InputStream in = SubscriberServer.class.getResourceAsStream("openapi.json")) {
            ctx.status(200).contentType(JSON).result(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void lag(Context ctx) {
        noParameters(ctx);
        ctx.status(200).contentType(JSON).result(lag.json());
    }

    private static void noParameters(Context ctx) {
        if (!ctx.queryParamMap().isEmpty()) {
            String name = ctx.queryParamMap().keySet().iterator().next();
            throw new BadRequestException(name, "unknown parameter '" + name + "'; this endpoint takes none");
        }
    }

    private static void notReady(Context ctx) {
        ctx.header("Retry-After", "2");
        error(ctx, 503, "the stores are still being restored; see /health", null);
    }

    static void error(Context ctx, int status, String message, String parameter) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", message);
        body.put("status", status);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        json(ctx, status, body);
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType(JSON).result(Json.mapper().writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        sessions.forEach(StreamSession::close);
        if (http != null) {
            http.stop();
        }
        hubStarter.interrupt();
        if (hub != null) {
            hub.close();
        }
        streamExecutor.shutdownNow();
        lag.close();
        if (readModel != null) {
            readModel.close();
        }
        if (temporaryStateDir) {
            deleteRecursively(stateDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.toString());
        }
    }
}
