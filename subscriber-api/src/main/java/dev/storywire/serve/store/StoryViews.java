package dev.storywire.serve.store;

import dev.storywire.model.JsonSerde;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The serve topology: two global stores, each fed by its whole topic, so every instance answers every query.
 * <pre>
 * stories          --(StoryStoreUpdater)---> serve-stories  (story id -> StoryEntry: latest version or merged-into)
 * stories.articles --(ArticleStoreUpdater)-> serve-articles (article id -> StoryArticle)
 * </pre>
 * The topology has no other source, so Kafka Streams runs it with no stream thread and no consumer group.
 */
public final class StoryViews {

    public static final String STORIES_STORE = "serve-stories";
    public static final String ARTICLES_STORE = "serve-articles";
    public static final JsonSerde<StoryEntry> ENTRY_SERDE = JsonSerde.of(StoryEntry.class);

    private StoryViews() {
    }

    /**
     * @param live filled with the deserialised latest version of every live story as the stories store changes, so
     *     list queries filter objects instead of deserialising every value of the store on each request
     */
    public static Topology buildTopology(String storiesTopic, String storyArticlesTopic, LiveStories live) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(storiesStore(), storiesTopic,
                Consumed.with(Topics.KEY_SERDE, Serdes.ByteArray()).withName("stories-source"),
                () -> new StoryStoreUpdater(live));
        builder.addGlobalStore(articlesStore(), storyArticlesTopic,
                Consumed.with(Topics.KEY_SERDE, Serdes.ByteArray()).withName("story-articles-source"),
                ArticleStoreUpdater::new);
        return builder.build();
    }

    // In memory: the stores are a cache of the topics, rebuilt from them on every start; a global store needs no
    // changelog (its topic is the changelog), hence withLoggingDisabled.
    private static StoreBuilder<KeyValueStore<String, StoryEntry>> storiesStore() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORIES_STORE), Topics.KEY_SERDE, ENTRY_SERDE)
                .withLoggingDisabled();
    }

    private static StoreBuilder<KeyValueStore<String, StoryArticle>> articlesStore() {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(ARTICLES_STORE), Topics.KEY_SERDE,
                Topics.STORY_ARTICLE_SERDE).withLoggingDisabled();
    }
}
