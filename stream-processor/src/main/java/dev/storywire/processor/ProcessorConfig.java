package dev.storywire.processor;

import dev.storywire.model.Topics;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * Everything the story topology lets an operator configure, defined as a Kafka {@link ConfigDef}
 * ({@link #CONFIG_DEF}: name, type, default, documentation, validator, group per key) and parsed once into typed
 * fields. Unknown keys and invalid values fail at construction with a {@link ConfigException} naming the key and the
 * value. Immutable; build it with {@link #defaults()}, {@link #fromMap(Map)} or {@link #fromProperties(Properties)}
 * and derive variants with the {@code with*} methods. {@code docs/stream-processor-config.md} is generated from
 * {@link #CONFIG_DEF} (see {@code ProcessorConfigReferenceTest}).
 */
public final class ProcessorConfig extends AbstractConfig {

    public static final String INPUT_TOPIC = "input.topic";
    public static final String STORY_ARTICLES_TOPIC = "story-articles.topic";
    public static final String STORIES_TOPIC = "stories.topic";
    public static final String JOIN_THRESHOLD = "cluster.join-threshold";
    public static final String LINK_BONUS = "cluster.link-bonus";
    public static final String SHARED_PASSAGE_BONUS = "cluster.shared-passage-bonus";
    public static final String MIN_TEXT_SIMILARITY = "cluster.min-text-similarity";
    public static final String RELATED_MEMBER_THRESHOLD = "cluster.related-member-threshold";
    public static final String TITLE_WEIGHT = "cluster.title-weight";
    public static final String TITLE_SIMILARITY_SHARE = "cluster.title-similarity-share";
    /** ISO-8601 duration, e.g. {@code P7D} or {@code PT36H}. */
    public static final String MAX_EVENT_TIME_DISTANCE = "cluster.max-event-time-distance";
    /** ISO-8601 duration. */
    public static final String MAX_FUTURE_SKEW = "cluster.max-future-skew";
    /** ISO-8601 duration. */
    public static final String DEDUPE_RETENTION = "dedupe.retention";
    /** ISO-8601 duration. */
    public static final String STORY_RETENTION = "story.retention";
    /** ISO-8601 duration, at least {@link #STORY_RETENTION}. */
    public static final String STORY_STATE_RETENTION = "story.state-retention";
    public static final String MAX_STORY_TERMS = "cluster.max-story-terms";
    public static final String MAX_POSTINGS_PER_TERM = "cluster.max-postings-per-term";
    public static final String MAX_QUERY_TERMS = "cluster.max-query-terms";
    public static final String MERGE_THRESHOLD = "cluster.merge-threshold";
    /** {@code true} or {@code false}. */
    public static final String IN_MEMORY_STORES = "state.in-memory";

    static final String GROUP_TOPICS = "Topics";
    static final String GROUP_JOINING = "Joining a story";
    static final String GROUP_MERGING = "Merging and related members";
    static final String GROUP_TIME = "Event time";
    static final String GROUP_INDEX = "Candidate index";
    static final String GROUP_RETENTION = "Retention";
    static final String GROUP_STATE = "State stores";

    /**
     * Key prefixes that belong to this configuration rather than to Kafka Streams or its clients: a key under one
     * of them that {@link #CONFIG_DEF} does not define is a typo, not a setting to pass on.
     */
    static final List<String> OWN_PREFIXES = List.of("cluster.", "dedupe.", "story.");

    public static final ConfigDef CONFIG_DEF = configDef();

    private final String inputTopic;
    private final String storyArticlesTopic;
    private final String storiesTopic;
    private final double joinThreshold;
    private final double linkBonus;
    private final double minTextSimilarity;
    private final double relatedMemberThreshold;
    private final int titleWeight;
    private final double titleSimilarityShare;
    private final Duration maxEventTimeDistance;
    private final Duration maxFutureSkew;
    private final Duration dedupeRetention;
    private final Duration storyRetention;
    private final Duration storyStateRetention;
    private final int maxStoryTerms;
    private final int maxPostingsPerTerm;
    private final int maxQueryTerms;
    private final double mergeThreshold;
    private final double sharedPassageBonus;
    private final boolean inMemoryStores;

    /**
     * Parses {@code values} (strings, or values of the key's type) over the defaults.
     *
     * @throws ConfigException naming the key and the value, for an unknown key, an invalid value or two values that
     *     contradict each other
     */
    public ProcessorConfig(Map<String, ?> values) {
        super(CONFIG_DEF, requireKnownKeys(values), false);
        this.inputTopic = getString(INPUT_TOPIC).strip();
        this.storyArticlesTopic = getString(STORY_ARTICLES_TOPIC).strip();
        this.storiesTopic = getString(STORIES_TOPIC).strip();
        this.joinThreshold = getDouble(JOIN_THRESHOLD);
        this.linkBonus = getDouble(LINK_BONUS);
        this.sharedPassageBonus = getDouble(SHARED_PASSAGE_BONUS);
        this.minTextSimilarity = getDouble(MIN_TEXT_SIMILARITY);
        this.relatedMemberThreshold = getDouble(RELATED_MEMBER_THRESHOLD);
        this.titleWeight = getInt(TITLE_WEIGHT);
        this.titleSimilarityShare = getDouble(TITLE_SIMILARITY_SHARE);
        this.maxEventTimeDistance = getDuration(MAX_EVENT_TIME_DISTANCE);
        this.maxFutureSkew = getDuration(MAX_FUTURE_SKEW);
        this.dedupeRetention = getDuration(DEDUPE_RETENTION);
        this.storyRetention = getDuration(STORY_RETENTION);
        this.storyStateRetention = getDuration(STORY_STATE_RETENTION);
        this.maxStoryTerms = getInt(MAX_STORY_TERMS);
        this.maxPostingsPerTerm = getInt(MAX_POSTINGS_PER_TERM);
        this.maxQueryTerms = getInt(MAX_QUERY_TERMS);
        this.mergeThreshold = getDouble(MERGE_THRESHOLD);
        this.inMemoryStores = getBoolean(IN_MEMORY_STORES);
        checkTogether();
    }

    /** The documented defaults. */
    public static ProcessorConfig defaults() {
        return new ProcessorConfig(Map.of());
    }

    /** The defaults overridden by {@code values}; every key must be one of {@link #CONFIG_DEF}. */
    public static ProcessorConfig fromMap(Map<String, String> values) {
        return new ProcessorConfig(values);
    }

    /** As {@link #fromMap(Map)}, reading string-valued properties. */
    public static ProcessorConfig fromProperties(Properties properties) {
        Map<String, String> values = new HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return fromMap(values);
    }

    /**
     * Whether {@code key} is for this configuration (defined here, or under one of its prefixes) rather than for
     * Kafka Streams or its clients. A properties file that holds both splits on this.
     */
    public static boolean isProcessorKey(String key) {
        return CONFIG_DEF.names().contains(key) || OWN_PREFIXES.stream().anyMatch(key::startsWith);
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        defineTopics(def);
        defineJoining(def);
        defineMerging(def);
        defineTime(def);
        defineIndex(def);
        defineRetention(def);
        defineState(def);
        return def;
    }

    private static void defineTopics(ConfigDef def) {
        int order = 0;
        def.define(INPUT_TOPIC, Type.STRING, Topics.FEED_ARTICLES.name(), new TopicName(), Importance.HIGH,
                "Topic of parsed feed articles, keyed by canonical article id, as the producer writes them.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Input topic");
        def.define(STORY_ARTICLES_TOPIC, Type.STRING, Topics.STORIES_ARTICLES.name(), new TopicName(),
                Importance.HIGH, "Output topic: one record per unique article and per update, with its story id and "
                        + "resolved related coverage.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Story articles topic");
        def.define(STORIES_TOPIC, Type.STRING, Topics.STORIES.name(), new TopicName(), Importance.HIGH,
                "Output topic: the latest version of each story, keyed by story id; a tombstone when a story is "
                        + "merged away. Should be compacted.",
                GROUP_TOPICS, ++order, Width.MEDIUM, "Stories topic");
    }

    private static void defineJoining(ConfigDef def) {
        int order = 0;
        // 0.33: above the cosine that two articles on the same broad topic (say, two AI-policy pieces) reach with
        // TF-IDF on title and excerpt, below what two reports of one event reach; set on the labelled corpus.
        def.define(JOIN_THRESHOLD, Type.DOUBLE, 0.33, Range.between(0.0, 1.0), Importance.MEDIUM,
                "Minimum score (text similarity plus the link bonus) for an article to join an existing story; "
                        + "below it the article starts a story of its own.",
                GROUP_JOINING, ++order, Width.SHORT, "Join threshold");
        // 0.15: a related link is strong evidence but noisy (feeds list topic neighbours too), so it lifts a
        // middling text match over the join threshold without making a weak one pass.
        def.define(LINK_BONUS, Type.DOUBLE, 0.15, Range.between(0.0, 1.0), Importance.MEDIUM,
                "Added to the text similarity when a related link connects the article and the story in either "
                        + "direction (the article lists a member, or a member lists the article).",
                GROUP_JOINING, ++order, Width.SHORT, "Link bonus");
        // 0.15, the link bonus: a passage copied word for word (one press release in two outlets) is evidence of one
        // source as strong as a related link, and like a link it must not join an article on its own.
        def.define(SHARED_PASSAGE_BONUS, Type.DOUBLE, 0.15, Range.between(0.0, 1.0), Importance.LOW,
                "Added to the text similarity when the article and the story share a passage (a run of eight "
                        + "terms in the same order), still subject to the minimum text similarity.",
                GROUP_JOINING, ++order, Width.SHORT, "Shared passage bonus");
        // 0.12: low enough that a linked article with a short, differently worded excerpt still joins, high
        // enough that a link alone (text about something else) never joins two stories.
        def.define(MIN_TEXT_SIMILARITY, Type.DOUBLE, 0.12, Range.between(0.0, 1.0), Importance.MEDIUM,
                "Minimum text similarity against a story even with a related link, so a noisy link alone never "
                        + "joins an article to a story.",
                GROUP_JOINING, ++order, Width.SHORT, "Minimum text similarity");
        // 3: a headline names the event in a few words, an excerpt wanders; three times weighs them about equally.
        def.define(TITLE_WEIGHT, Type.INT, 3, Range.atLeast(1), Importance.LOW,
                "How many times title terms count compared with excerpt terms in the title-and-excerpt vector.",
                GROUP_JOINING, ++order, Width.SHORT, "Title weight");
        // 0.5: half headline against headline, half whole text; neither alone held up on the labelled windows.
        def.define(TITLE_SIMILARITY_SHARE, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), Importance.LOW,
                "The text similarity is this share of the title-only cosine (article title against the story's "
                        + "member titles) plus the rest of the title-and-excerpt cosine; titles name the event, "
                        + "excerpts wander.",
                GROUP_JOINING, ++order, Width.SHORT, "Title similarity share");
    }

    private static void defineMerging(ConfigDef def) {
        int order = 0;
        // 0.5: well above the join threshold, so that one article that merely fits two stories does not chain
        // them; at 0.5 it reads as one event in both.
        def.define(MERGE_THRESHOLD, Type.DOUBLE, 0.5, Range.between(0.0, 1.0), Importance.MEDIUM,
                "When an article scores at least this against two stories (each also passing the join rules), the "
                        + "two stories are one and merge: the older id survives, the other gets a tombstone. Must be "
                        + "at least " + JOIN_THRESHOLD + ".",
                GROUP_MERGING, ++order, Width.SHORT, "Merge threshold");
        // 0.33: the same bar as joining: a related item becomes a member only when it would have joined by text.
        def.define(RELATED_MEMBER_THRESHOLD, Type.DOUBLE, 0.33, Range.between(0.0, 1.0), Importance.MEDIUM,
                "Minimum cosine of a related item's own title and excerpt against the story for it to become a "
                        + "member with role 'related'.",
                GROUP_MERGING, ++order, Width.SHORT, "Related member threshold");
    }

    private static void defineTime(ConfigDef def) {
        int order = 0;
        // P7D: coverage of one news event comes within days; a week covers follow-ups without letting a
        // same-titled event months later join the old story.
        def.define(MAX_EVENT_TIME_DISTANCE, Type.STRING, "P7D", new PositiveDuration(), Importance.MEDIUM,
                "How far an article's publish time may lie outside a story's time range for it to join that story "
                        + "(ISO-8601 duration, e.g. P7D or PT36H).",
                GROUP_TIME, ++order, Width.SHORT, "Maximum event-time distance");
        // P30D: a real-time feed carries no items from weeks ahead, and 30 days is longer than any story's time
        // window, so a true date is never replaced.
        def.define(MAX_FUTURE_SKEW, Type.STRING, "P30D", new PositiveDuration(), Importance.LOW,
                "How far ahead of the feed's clock (the robust median of recent publish times) a publish time may "
                        + "lie and still be believed. A later date is taken for a wrong one: the clustering places "
                        + "the article at the clock instead (its record keeps the stated date). Must be at least "
                        + MAX_EVENT_TIME_DISTANCE + " (ISO-8601 duration).",
                GROUP_TIME, ++order, Width.SHORT, "Maximum future skew");
    }

    private static void defineIndex(ConfigDef def) {
        int order = 0;
        // 200: a story of dozens of articles keeps its distinctive terms; the long tail only adds cost.
        def.define(MAX_STORY_TERMS, Type.INT, 200, Range.atLeast(1), Importance.LOW,
                "Bound on the term vector kept per story; the most frequent terms stay.",
                GROUP_INDEX, ++order, Width.SHORT, "Maximum story terms");
        // 16: a term in more live stories than this names a topic rather than an event (Lucene's MoreLikeThis
        // drops such terms by a maximum document frequency); it also bounds the candidates per article.
        def.define(MAX_POSTINGS_PER_TERM, Type.INT, 16, Range.atLeast(1), Importance.LOW,
                "Bound on the story ids kept per term in the inverted index; the most recent stay. It bounds the "
                        + "candidates an article gathers, whatever the number of stories held.",
                GROUP_INDEX, ++order, Width.SHORT, "Maximum postings per term");
        // 12: a title and excerpt have a dozen or so distinctive terms; the rarest find the event's stories.
        def.define(MAX_QUERY_TERMS, Type.INT, 12, Range.atLeast(1), Importance.LOW,
                "How many of an article's rarest terms are looked up in the inverted index, and under how many "
                        + "rarest terms of each text it takes in a story is indexed.",
                GROUP_INDEX, ++order, Width.SHORT, "Maximum query terms");
    }

    private static void defineRetention(ConfigDef def) {
        int order = 0;
        // P30D: feeds redeliver an article (other URL forms, corrections) within weeks, not months.
        def.define(DEDUPE_RETENTION, Type.STRING, "P30D", new PositiveDuration(), Importance.MEDIUM,
                "How long (event time) an article id is remembered for dedupe after it was last seen "
                        + "(ISO-8601 duration).",
                GROUP_RETENTION, ++order, Width.SHORT, "Dedupe retention");
        // P7D: the same week as the event-time distance: a story no article could join any more leaves the indexes.
        def.define(STORY_RETENTION, Type.STRING, "P7D", new PositiveDuration(), Importance.MEDIUM,
                "Stories not updated for this long (event time) leave the candidate indexes (ISO-8601 duration).",
                GROUP_RETENTION, ++order, Width.SHORT, "Story retention");
        // P90D: corrections and re-publications of an article come within weeks (dedupe remembers ids for 30 days),
        // and they should stay in their story; beyond a quarter, the one small record per article and per story that
        // this keeps would make the state grow for as long as the feed runs.
        def.define(STORY_STATE_RETENTION, Type.STRING, "P90D", new PositiveDuration(), Importance.LOW,
                "How long (event time) after its last update a story that left the candidate indexes keeps its "
                        + "record and its members' story assignments, so that a late update of a member stays in its "
                        + "story; then the assignments are deleted and the story shrinks to its id and version, and "
                        + "an update of a member after that is clustered as a new article. At least "
                        + STORY_RETENTION + " (ISO-8601 duration).",
                GROUP_RETENTION, ++order, Width.SHORT, "Story state retention");
    }

    private static void defineState(ConfigDef def) {
        // false: RocksDB in production; memory only where a TopologyTestDriver commits (and so flushes RocksDB)
        // after every record.
        def.define(IN_MEMORY_STORES, Type.BOOLEAN, false, Importance.LOW,
                "Keep the state stores in memory instead of RocksDB (still changelogged); for tests and benchmarks "
                        + "on a TopologyTestDriver.",
                GROUP_STATE, 1, Width.SHORT, "In-memory stores");
    }

    private static Map<String, ?> requireKnownKeys(Map<String, ?> values) {
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!CONFIG_DEF.names().contains(entry.getKey())) {
                throw new ConfigException(entry.getKey(), entry.getValue(),
                        "unknown stream-processor setting; known settings are " + new TreeSet<>(CONFIG_DEF.names()));
            }
        }
        return values;
    }

    private void checkTogether() {
        if (mergeThreshold < joinThreshold) {
            throw new ConfigException(MERGE_THRESHOLD, mergeThreshold,
                    "must be at least " + JOIN_THRESHOLD + " (" + joinThreshold + "): an article that cannot join "
                            + "a story cannot merge it");
        }
        if (maxFutureSkew.compareTo(maxEventTimeDistance) < 0) {
            throw new ConfigException(MAX_FUTURE_SKEW, getString(MAX_FUTURE_SKEW),
                    "must be at least " + MAX_EVENT_TIME_DISTANCE + " (" + maxEventTimeDistance + "), or a true "
                            + "date inside a story's window could be taken for a wrong one");
        }
        if (storyStateRetention.compareTo(storyRetention) < 0) {
            throw new ConfigException(STORY_STATE_RETENTION, getString(STORY_STATE_RETENTION),
                    "must be at least " + STORY_RETENTION + " (" + storyRetention + "): a story is forgotten only "
                            + "after it left the candidate indexes");
        }
        if (List.of(inputTopic, storyArticlesTopic, storiesTopic).stream().distinct().count() < 3) {
            throw new ConfigException(STORIES_TOPIC, storiesTopic, "the input and the two output topics must differ ("
                    + INPUT_TOPIC + "=" + inputTopic + ", " + STORY_ARTICLES_TOPIC + "=" + storyArticlesTopic + ")");
        }
    }

    private Duration getDuration(String key) {
        return Duration.parse(getString(key).strip());
    }

    /** This configuration with {@code key} set to {@code value} (a string or a value of the key's type). */
    public ProcessorConfig with(String key, Object value) {
        Map<String, Object> values = new HashMap<>(originals());
        values.put(key, value);
        return new ProcessorConfig(values);
    }

    public ProcessorConfig withTopics(String input, String storyArticles, String stories) {
        Map<String, Object> values = new HashMap<>(originals());
        values.put(INPUT_TOPIC, input);
        values.put(STORY_ARTICLES_TOPIC, storyArticles);
        values.put(STORIES_TOPIC, stories);
        return new ProcessorConfig(values);
    }

    public ProcessorConfig withStoryRetention(Duration retention) {
        return with(STORY_RETENTION, retention.toString());
    }

    public ProcessorConfig withStoryStateRetention(Duration retention) {
        return with(STORY_STATE_RETENTION, retention.toString());
    }

    public ProcessorConfig withMergeThreshold(double threshold) {
        return with(MERGE_THRESHOLD, threshold);
    }

    public ProcessorConfig withInMemoryStores(boolean inMemory) {
        return with(IN_MEMORY_STORES, inMemory);
    }

    /** Parsed feed articles (default {@code feed.articles}). */
    public String inputTopic() {
        return inputTopic;
    }

    /** One record per unique article and update (default {@code stories.articles}). */
    public String storyArticlesTopic() {
        return storyArticlesTopic;
    }

    /** The latest version of each story (default {@code stories}). */
    public String storiesTopic() {
        return storiesTopic;
    }

    /** Minimum score (text cosine plus link bonus) for an article to join an existing story. */
    public double joinThreshold() {
        return joinThreshold;
    }

    /** Added to the text cosine when a related link connects the article and the story in either direction. */
    public double linkBonus() {
        return linkBonus;
    }

    /** Minimum TF-IDF cosine against a story even with a related link. */
    public double minTextSimilarity() {
        return minTextSimilarity;
    }

    /** Minimum cosine of a related item's title and excerpt against the story for it to become a member. */
    public double relatedMemberThreshold() {
        return relatedMemberThreshold;
    }

    /** How many times title terms count compared with excerpt terms. */
    public int titleWeight() {
        return titleWeight;
    }

    /** Share of the title-only cosine in the text similarity. */
    public double titleSimilarityShare() {
        return titleSimilarityShare;
    }

    /** How far an article's publish time may lie outside a story's time range for it to join that story. */
    public Duration maxEventTimeDistance() {
        return maxEventTimeDistance;
    }

    /** How far ahead of the feed's clock (see {@link EventClock}) a publish time may lie and still be believed. */
    public Duration maxFutureSkew() {
        return maxFutureSkew;
    }

    /** How long (event time) an article id is remembered for dedupe after it was last seen. */
    public Duration dedupeRetention() {
        return dedupeRetention;
    }

    /** Stories not updated for this long (event time) leave the candidate indexes. */
    public Duration storyRetention() {
        return storyRetention;
    }

    /**
     * How long (event time) after its last update a story that left the candidate indexes keeps its record and its
     * members' assignments.
     */
    public Duration storyStateRetention() {
        return storyStateRetention;
    }

    /** Bound on the term vector kept per story. */
    public int maxStoryTerms() {
        return maxStoryTerms;
    }

    /** Bound on the story ids kept per term in the inverted index. */
    public int maxPostingsPerTerm() {
        return maxPostingsPerTerm;
    }

    /** How many of an article's rarest terms are looked up in the inverted index. */
    public int maxQueryTerms() {
        return maxQueryTerms;
    }

    /** Added to the text similarity when article and story share a passage. */
    public double sharedPassageBonus() {
        return sharedPassageBonus;
    }

    /** Score against two stories at which they merge. */
    public double mergeThreshold() {
        return mergeThreshold;
    }

    /** Keep the state stores in memory instead of RocksDB (still changelogged). */
    public boolean inMemoryStores() {
        return inMemoryStores;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("ProcessorConfig[");
        for (String name : new TreeSet<>(CONFIG_DEF.names())) {
            out.append(name).append('=').append(values().get(name)).append(", ");
        }
        out.setLength(out.length() - 2);
        return out.append(']').toString();
    }

    /** A Kafka topic name: 1 to 249 of letters, digits, '.', '_' and '-', not '.' or '..'. */
    static final class TopicName implements ConfigDef.Validator {

        private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

        @Override
        public void ensureValid(String name, Object value) {
            String topic = value == null ? "" : value.toString().strip();
            if (!LEGAL.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
                throw new ConfigException(name, value, "must be a topic name: " + this);
            }
        }

        @Override
        public String toString() {
            return "1 to 249 letters, digits, '.', '_' or '-'";
        }
    }

    /** A positive ISO-8601 duration such as {@code P7D} or {@code PT36H}. */
    static final class PositiveDuration implements ConfigDef.Validator {

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null) {
                throw new ConfigException(name, null, "must be an ISO-8601 duration such as P7D");
            }
            Duration duration;
            try {
                duration = Duration.parse(value.toString().strip());
            } catch (DateTimeParseException e) {
                throw new ConfigException(name, value, "must be an ISO-8601 duration such as P7D or PT36H");
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new ConfigException(name, value, "must be a positive duration");
            }
        }

        @Override
        public String toString() {
            return "a positive ISO-8601 duration, e.g. P7D or PT36H";
        }
    }
}
