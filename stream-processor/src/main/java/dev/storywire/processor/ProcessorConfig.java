package dev.storywire.processor;

import dev.storywire.model.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * Everything the story topology lets an operator configure. Immutable; build it with {@link #defaults()},
 * {@link #fromMap(Map)} or {@link #fromProperties(Properties)} and derive variants with the {@code with*}
 * methods.
 *
 * @param inputTopic parsed feed articles (default {@code feed.articles})
 * @param storyArticlesTopic one record per unique article and update (default {@code stories.articles})
 * @param storiesTopic the latest version of each story (default {@code stories})
 * @param joinThreshold minimum score (text cosine plus link bonus) for an article to join an existing story
 *     (default 0.33)
 * @param linkBonus added to the text cosine when a related link connects the article and the story in either
 *     direction (default 0.15)
 * @param minTextSimilarity minimum TF-IDF cosine against a story even with a related link, so a noisy link
 *     alone never joins two stories (default 0.12)
 * @param relatedMemberThreshold minimum cosine of a related item's own title and excerpt against the story for
 *     it to become a member with role {@code related} (default 0.33)
 * @param titleWeight how many times title terms count compared with excerpt terms (default 3)
 * @param titleSimilarityShare the text similarity is this share of the title-only cosine (article title against
 *     the story's member titles) plus the rest of the title-and-excerpt cosine; titles name the event, excerpts
 *     wander (default 0.5)
 * @param maxEventTimeDistance how far an article's publish time may lie outside a story's time range for it to
 *     join that story (default 7 days)
 * @param maxFutureSkew how far ahead of the feed's clock (the robust median of recent publish times, see
 *     {@link EventClock}) a publish time may lie and still be believed; a real-time feed does not carry items from
 *     weeks in the future, so a later date is a wrong one and the clustering uses the clock instead, for the
 *     article's place in time only (its record keeps the stated date). Larger than any story's time window, so a
 *     true date is never replaced (default 30 days)
 * @param dedupeRetention how long (event time) an article id is remembered for dedupe after it was last seen
 *     (default 30 days)
 * @param storyRetention stories not updated for this long (event time) leave the candidate indexes (default
 *     7 days)
 * @param maxStoryTerms bound on the term vector kept per story; the most frequent terms stay (default 200)
 * @param maxPostingsPerTerm bound on the story ids kept per term in the inverted index; the most recent stay. A
 *     term in more live stories than this names a topic rather than an event (Lucene's MoreLikeThis drops such
 *     terms by a maximum document frequency), and of its stories the latest are the ones still growing; it also
 *     bounds the candidates an article gathers, whatever the number of stories held (default 16)
 * @param maxQueryTerms how many of an article's rarest terms are looked up in the inverted index, and under how
 *     many rarest terms of each text it takes in a story is indexed (default 12)
 * @param mergeThreshold when an article scores at least this against two stories (each also passing the join
 *     rules), the two stories are one and merge; well above the join threshold so that one article that merely
 *     fits two stories does not chain them (default 0.5)
 * @param inMemoryStores keep the state stores in memory instead of RocksDB (still changelogged); for tests and
 *     benchmarks on a {@code TopologyTestDriver}, which commits, and so flushes RocksDB, after every record
 *     (default false)
 */
public record ProcessorConfig(
        String inputTopic,
        String storyArticlesTopic,
        String storiesTopic,
        double joinThreshold,
        double linkBonus,
        double minTextSimilarity,
        double relatedMemberThreshold,
        int titleWeight,
        double titleSimilarityShare,
        Duration maxEventTimeDistance,
        Duration maxFutureSkew,
        Duration dedupeRetention,
        Duration storyRetention,
        int maxStoryTerms,
        int maxPostingsPerTerm,
        int maxQueryTerms,
        double mergeThreshold,
        boolean inMemoryStores) {

    public static final String INPUT_TOPIC = "input.topic";
    public static final String STORY_ARTICLES_TOPIC = "story-articles.topic";
    public static final String STORIES_TOPIC = "stories.topic";
    public static final String JOIN_THRESHOLD = "cluster.join-threshold";
    public static final String LINK_BONUS = "cluster.link-bonus";
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
    public static final String MAX_STORY_TERMS = "cluster.max-story-terms";
    public static final String MAX_POSTINGS_PER_TERM = "cluster.max-postings-per-term";
    public static final String MAX_QUERY_TERMS = "cluster.max-query-terms";
    public static final String MERGE_THRESHOLD = "cluster.merge-threshold";
    /** {@code true} or {@code false}. */
    public static final String IN_MEMORY_STORES = "state.in-memory";

    public ProcessorConfig {
        requireName(inputTopic, INPUT_TOPIC);
        requireName(storyArticlesTopic, STORY_ARTICLES_TOPIC);
        requireName(storiesTopic, STORIES_TOPIC);
        requireFraction(joinThreshold, JOIN_THRESHOLD);
        requireFraction(linkBonus, LINK_BONUS);
        requireFraction(minTextSimilarity, MIN_TEXT_SIMILARITY);
        requireFraction(relatedMemberThreshold, RELATED_MEMBER_THRESHOLD);
        requirePositive(titleWeight, TITLE_WEIGHT);
        requireFraction(titleSimilarityShare, TITLE_SIMILARITY_SHARE);
        requirePositive(maxEventTimeDistance, MAX_EVENT_TIME_DISTANCE);
        requirePositive(maxFutureSkew, MAX_FUTURE_SKEW);
        requirePositive(dedupeRetention, DEDUPE_RETENTION);
        requirePositive(storyRetention, STORY_RETENTION);
        requirePositive(maxStoryTerms, MAX_STORY_TERMS);
        requirePositive(maxPostingsPerTerm, MAX_POSTINGS_PER_TERM);
        requirePositive(maxQueryTerms, MAX_QUERY_TERMS);
        requireFraction(mergeThreshold, MERGE_THRESHOLD);
    }

    /** The documented defaults. */
    public static ProcessorConfig defaults() {
        return new ProcessorConfig(
                Topics.FEED_ARTICLES.name(),
                Topics.STORIES_ARTICLES.name(),
                Topics.STORIES.name(),
                0.33,
                0.15,
                0.12,
                0.33,
                3,
                0.5,
                Duration.ofDays(7),
                Duration.ofDays(30),
                Duration.ofDays(30),
                Duration.ofDays(7),
                200,
                16,
                12,
                0.5,
                false);
    }

    /** The defaults overridden by whichever of the keys above {@code values} holds; other keys are ignored. */
    public static ProcessorConfig fromMap(Map<String, String> values) {
        ProcessorConfig d = defaults();
        Function<String, String> get = values::get;
        return new ProcessorConfig(
                string(get, INPUT_TOPIC, d.inputTopic()),
                string(get, STORY_ARTICLES_TOPIC, d.storyArticlesTopic()),
                string(get, STORIES_TOPIC, d.storiesTopic()),
                number(get, JOIN_THRESHOLD, d.joinThreshold()),
                number(get, LINK_BONUS, d.linkBonus()),
                number(get, MIN_TEXT_SIMILARITY, d.minTextSimilarity()),
                number(get, RELATED_MEMBER_THRESHOLD, d.relatedMemberThreshold()),
                integer(get, TITLE_WEIGHT, d.titleWeight()),
                number(get, TITLE_SIMILARITY_SHARE, d.titleSimilarityShare()),
                duration(get, MAX_EVENT_TIME_DISTANCE, d.maxEventTimeDistance()),
                duration(get, MAX_FUTURE_SKEW, d.maxFutureSkew()),
                duration(get, DEDUPE_RETENTION, d.dedupeRetention()),
                duration(get, STORY_RETENTION, d.storyRetention()),
                integer(get, MAX_STORY_TERMS, d.maxStoryTerms()),
                integer(get, MAX_POSTINGS_PER_TERM, d.maxPostingsPerTerm()),
                integer(get, MAX_QUERY_TERMS, d.maxQueryTerms()),
                number(get, MERGE_THRESHOLD, d.mergeThreshold()),
                bool(get, IN_MEMORY_STORES, d.inMemoryStores()));
    }

    /** As {@link #fromMap(Map)}, reading string-valued properties. */
    public static ProcessorConfig fromProperties(Properties properties) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String name : properties.stringPropertyNames()) {
            values.put(name, properties.getProperty(name));
        }
        return fromMap(values);
    }

    public ProcessorConfig withTopics(String input, String storyArticles, String stories) {
        return new ProcessorConfig(input, storyArticles, stories, joinThreshold, linkBonus, minTextSimilarity,
                relatedMemberThreshold, titleWeight, titleSimilarityShare, maxEventTimeDistance, maxFutureSkew, dedupeRetention, storyRetention,
                maxStoryTerms, maxPostingsPerTerm, maxQueryTerms, mergeThreshold, inMemoryStores);
    }

    public ProcessorConfig withStoryRetention(Duration retention) {
        return new ProcessorConfig(inputTopic, storyArticlesTopic, storiesTopic, joinThreshold, linkBonus,
                minTextSimilarity, relatedMemberThreshold, titleWeight, titleSimilarityShare, maxEventTimeDistance, maxFutureSkew, dedupeRetention,
                retention, maxStoryTerms, maxPostingsPerTerm, maxQueryTerms, mergeThreshold, inMemoryStores);
    }

    public ProcessorConfig withMergeThreshold(double threshold) {
        return new ProcessorConfig(inputTopic, storyArticlesTopic, storiesTopic, joinThreshold, linkBonus,
                minTextSimilarity, relatedMemberThreshold, titleWeight, titleSimilarityShare, maxEventTimeDistance, maxFutureSkew,
                dedupeRetention, storyRetention, maxStoryTerms, maxPostingsPerTerm, maxQueryTerms, threshold,
                inMemoryStores);
    }

    public ProcessorConfig withInMemoryStores(boolean inMemory) {
        return new ProcessorConfig(inputTopic, storyArticlesTopic, storiesTopic, joinThreshold, linkBonus,
                minTextSimilarity, relatedMemberThreshold, titleWeight, titleSimilarityShare, maxEventTimeDistance, maxFutureSkew,
                dedupeRetention, storyRetention, maxStoryTerms, maxPostingsPerTerm, maxQueryTerms, mergeThreshold,
                inMemory);
    }

    private static String string(Function<String, String> get, String key, String fallback) {
        String value = get.apply(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static double number(Function<String, String> get, String key, double fallback) {
        String value = get.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'", e);
        }
    }

    private static int integer(Function<String, String> get, String key, int fallback) {
        String value = get.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got '" + value + "'", e);
        }
    }

    private static boolean bool(Function<String, String> get, String key, boolean fallback) {
        String value = get.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
        };
    }

    private static Duration duration(Function<String, String> get, String key, Duration fallback) {
        String value = get.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration such as P7D, got '" + value + "'", e);
        }
    }

    private static void requireName(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be blank");
        }
    }

    private static void requireFraction(double value, String key) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(key + " must be between 0 and 1, got " + value);
        }
    }

    private static void requirePositive(int value, String key) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive, got " + value);
        }
    }

    private static void requirePositive(Duration value, String key) {
        Objects.requireNonNull(value, key);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, got " + value);
        }
    }
}
