package dev.storywire.serve.store;

import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.StoryMember;
import dev.storywire.serve.StoryQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The serve instance's Kafka Streams application and the queries over its two global stores. */
public final class StoryReadModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoryReadModel.class);
    /** A chain of merges longer than this is a cycle or corrupt data, not news. */
    private static final int MAX_REDIRECTS = 32;

    private final KafkaStreams streams;
    /** Live stories as the global store's processor last wrote them; lists filter these. */
    private final LiveStories live;
    private volatile ReadOnlyKeyValueStore<String, StoryEntry> stories;
    private volatile ReadOnlyKeyValueStore<String, StoryArticle> articles;

    private StoryReadModel(KafkaStreams streams, LiveStories live) {
        this.streams = streams;
        this.live = live;
    }

    /** Starts the application; the stores answer once {@link #ready()}. */
    public static StoryReadModel start(String bootstrapServers, String applicationId, Path stateDir,
            String storiesTopic, String storyArticlesTopic) {
        LiveStories live = new LiveStories();
        KafkaStreams streams = new KafkaStreams(StoryViews.buildTopology(storiesTopic, storyArticlesTopic, live),
                properties(bootstrapServers, applicationId, stateDir));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("The serve stores stopped: {}", e.toString(), e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        StoryReadModel model = new StoryReadModel(streams, live);
        streams.start();
        return model;
    }

    static Properties properties(String bootstrapServers, String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Only committed transactions of the exactly-once processor: never a story version that was rolled back.
        props.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG),
                IsolationLevel.READ_COMMITTED.toString());
        return props;
    }

    /** True once both global stores are restored and follow their topics. */
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Waits until {@link #ready()}; false on timeout or when the application failed. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready() && Instant.now().isBefore(deadline)) {
            if (streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.NOT_RUNNING) {
                return false;
            }
            Thread.sleep(50);
        }
        return ready();
    }

    /** Live stories passing the query's filters, newest-updated first, at most {@code query.limit()}. */
    public List<Story> list(StoryQuery query) {
        return live.newestFirst(query::matches, query.limit());
    }

    /** A story id as the API answers it: the story, where it was merged, or unknown. */
    public sealed interface Lookup {
        record Found(Story story) implements Lookup { }

        record MergedInto(String survivorId) implements Lookup { }

        record Unknown(String reason) implements Lookup { }
    }

    /** The story under {@code storyId}; for a merged-away id, the story that holds its articles today. */
    public Lookup lookup(String storyId) {
        StoryEntry entry = stories().get(storyId);
        if (entry == null) {
            return new Lookup.Unknown("no story with id '" + storyId + "'");
        }
        if (!entry.mergedAway()) {
            return new Lookup.Found(entry.story());
        }
        String current = storyId;
        StoryEntry currentEntry = entry;
        for (int hop = 0; hop < MAX_REDIRECTS && currentEntry != null && currentEntry.mergedAway(); hop++) {
            Optional<String> next = survivorOf(current, currentEntry);
            if (next.isEmpty()) {
                return new Lookup.Unknown("story '" + storyId + "' was merged away and its survivor is not known");
            }
            current = next.get();
            currentEntry = stories().get(current);
        }
        return currentEntry != null && !currentEntry.mergedAway() ? new Lookup.MergedInto(current)
                : new Lookup.Unknown("story '" + storyId + "' was merged away and its survivor is not known");
    }

    /** The header's survivor, else the story a former member is in today (members are re-emitted on a merge). */
    private Optional<String> survivorOf(String storyId, StoryEntry entry) {
        if (entry.mergedInto() != null && !entry.mergedInto().isBlank()) {
            return Optional.of(entry.mergedInto());
        }
        for (String articleId : entry.formerMembers()) {
            StoryArticle article = articles().get(articleId);
            if (article != null && article.storyId() != null && !article.storyId().equals(storyId)) {
                return Optional.of(article.storyId());
            }
        }
        return Optional.empty();
    }

    /** The story's members with their StoryArticle when the articles topic has it (related items may have none). */
    public List<MemberView> membersOf(Story story) {
        List<MemberView> members = new ArrayList<>();
        for (StoryMember member : story.members()) {
            members.add(new MemberView(member, articles().get(member.articleId())));
        }
        return members;
    }

    /** A member of a story and, when known, its article record from {@code stories.articles}. */
    public record MemberView(StoryMember member, StoryArticle article) {
    }

    /** The latest version of a live story, if any. */
    public Optional<Story> story(String storyId) {
        StoryEntry entry = stories().get(storyId);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.story());
    }

    private ReadOnlyKeyValueStore<String, StoryEntry> stories() {
        if (stories == null) {
            stories = streams.store(StoreQueryParameters.fromNameAndType(StoryViews.STORIES_STORE,
                    QueryableStoreTypes.keyValueStore()));
        }
        return stories;
    }

    private ReadOnlyKeyValueStore<String, StoryArticle> articles() {
        if (articles == null) {
            articles = streams.store(StoreQueryParameters.fromNameAndType(StoryViews.ARTICLES_STORE,
                    QueryableStoreTypes.keyValueStore()));
        }
        return articles;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
    }
}
