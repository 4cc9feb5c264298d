package dev.storywire.processor;

import dev.storywire.model.Article;
import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;
import dev.storywire.model.Topics;
import dev.storywire.processor.cluster.ClusterOutput;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/** The story topology on a {@link TopologyTestDriver} with its topics; close it after the test. */
public final class TopologyFixture implements AutoCloseable {

    private static final String APPLICATION_ID = "topology-test";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Article> input;
    private final TestInputTopic<String, byte[]> rawInput;
    private final TestOutputTopic<String, StoryArticle> storyArticles;
    private final TestOutputTopic<String, Story> stories;

    public TopologyFixture(ProcessorConfig config, Path stateDir) {
        this(config, stateDir, StoryTopology.buildTopology(config));
    }

    /** The story topology with another clustering step (see {@link StoryTopology#buildTopology(ProcessorConfig, ProcessorSupplier)}). */
    public TopologyFixture(ProcessorConfig config, Path stateDir,
            ProcessorSupplier<String, Article, String, ClusterOutput> clustering) {
        this(config, stateDir, StoryTopology.buildTopology(config, clustering));
    }

    private TopologyFixture(ProcessorConfig config, Path stateDir, Topology topology) {
        Properties properties = StreamProcessorApp.streamsProperties("unused:9092", APPLICATION_ID, stateDir);
        driver = new TopologyTestDriver(topology, properties);
        input = driver.createInputTopic(config.inputTopic(), new StringSerializer(), Topics.ARTICLE_SERDE.serializer());
        rawInput = driver.createInputTopic(config.inputTopic(), new StringSerializer(), new ByteArraySerializer());
        storyArticles = driver.createOutputTopic(config.storyArticlesTopic(), Topics.KEY_SERDE.deserializer(),
                Topics.STORY_ARTICLE_SERDE.deserializer());
        stories = driver.createOutputTopic(config.storiesTopic(), Topics.KEY_SERDE.deserializer(),
                Topics.STORY_SERDE.deserializer());
    }

    /** A key-value store of the topology by name, to check what it keeps. */
    public <K, V> org.apache.kafka.streams.state.KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Keys written to a store's changelog topic since the last read. */
    public List<String> changelogKeys(String storeName) {
        return driver.createOutputTopic(APPLICATION_ID + "-" + storeName + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList().stream().map(kv -> kv.key).toList();
    }

    public TopologyFixture(Path stateDir) {
        this(ProcessorConfig.defaults(), stateDir);
    }

    /** Pipes one article, then lets the clustering's expiry punctuator run, as it would between live articles. */
    public void pipe(Article article) {
        input.pipeInput(article.id(), article);
        driver.advanceWallClockTime(ClusteringProcessor.EXPIRY_PUNCTUATION);
    }

    public void pipeRaw(String key, byte[] value) {
        rawInput.pipeInput(key, value);
    }

    /** Article outputs emitted since the last read, in order. */
    public List<KeyValue<String, StoryArticle>> readStoryArticles() {
        return storyArticles.readKeyValuesToList();
    }

    /** Story versions emitted since the last read, in order. */
    /** The next records of the stories topic with their headers (consumes them like {@link #readStories()}). */
    public List<org.apache.kafka.streams.test.TestRecord<String, Story>> readStoryRecords() {
        return stories.readRecordsToList();
    }

    public List<KeyValue<String, Story>> readStories() {
        return stories.readKeyValuesToList();
    }

    /** The latest version of each story emitted since the last read. */
    public Map<String, Story> latestStories() {
        Map<String, Story> latest = new LinkedHashMap<>();
        readStories().forEach(kv -> latest.put(kv.key, kv.value));
        return latest;
    }

    /** The story of each article, from the article outputs since the last read (latest wins). */
    public Map<String, String> storyOfArticles() {
        Map<String, String> result = new LinkedHashMap<>();
        readStoryArticles().forEach(kv -> result.put(kv.key, kv.value.storyId()));
        return result;
    }

    @Override
    public void close() {
        driver.close();
    }
}
