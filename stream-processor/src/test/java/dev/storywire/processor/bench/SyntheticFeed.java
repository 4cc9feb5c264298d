package dev.storywire.processor.bench;

import dev.storywire.model.Article;
import dev.storywire.model.Provider;
import dev.storywire.model.RelatedItem;
import dev.storywire.testsupport.SyntheticWords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A deterministic synthetic feed with a realistic story structure, generated lazily in publish-time order:
 * <ul>
 *   <li>story sizes: {@value #SINGLETON_SHARE} of stories are singletons, the rest follow a Pareto tail (most have
 *       2-3 articles, a few dozens), capped at {@value #MAX_STORY_SIZE};</li>
 *   <li>text: each story has its own event words (names, new every story, like real news), a topic of shared
 *       words, and Zipf-distributed common words; members reword the event from random subsets;</li>
 *   <li>time: {@value #ARTICLES_PER_DAY} articles a day; a story's members are published within 12 hours;</li>
 *   <li>related lists: 0-4 items, each an earlier member of the same story or a random recent article (noise).</li>
 * </ul>
 *
 * <p>The ground truth, the story each article was generated for, stays out of the articles: {@link #truth()} holds
 * it by article id. Recording it draws no random numbers, so the articles of a seed are the same with or without
 * anyone reading it.
 */
public final class SyntheticFeed implements Iterator<Article> {

    static final double SINGLETON_SHARE = 0.55;
    static final int MAX_STORY_SIZE = 60;
    static final int ARTICLES_PER_DAY = 5_000;
    private static final int TOPICS = 300;
    private static final int TOPIC_WORDS = 15;
    private static final int COMMON_WORDS = 3_000;
    private static final int EVENT_WORDS = 6;
    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
    private static final Duration STORY_SPAN = Duration.ofHours(12);
    private static final int RECENT = 5_000;

    private final Random random;
    private final int total;
    private final ArrayDeque<Article> ready = new ArrayDeque<>();
    private final ArrayDeque<Article> recent = new ArrayDeque<>();
    private final List<Pending> pending = new ArrayList<>();
    /** The true story key of every article generated so far, by article id. */
    private final Map<String, String> truth = new HashMap<>();
    /** The latest released member of each recent story, for true related links (bounded, oldest dropped). */
    private final java.util.LinkedHashMap<String, Article> latestOfStory = new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Article> eldest) {
            return size() > RECENT;
        }
    };
    private int produced;
    private int generated;
    private int stories;
    private long clockMillis = START.toEpochMilli();

    public SyntheticFeed(int total, long seed) {
        this.total = total;
        this.random = new Random(seed);
    }

    private record Pending(Article article, String storyKey) {
    }

    /**
     * The story key ({@code s0}, {@code s1}, ...) each article was generated for, by article id: every article
     * {@link #next()} returned, and possibly some generated but not yet returned. A live, read-only view.
     */
    public Map<String, String> truth() {
        return Collections.unmodifiableMap(truth);
    }

    @Override
    public boolean hasNext() {
        return produced < total;
    }

    @Override
    public Article next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        while (ready.isEmpty()) {
            generateBlock();
        }
        produced++;
        Article article = ready.poll();
        recent.addLast(article);
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
        return article;
    }

    /** Generates the stories starting in the next hour, and releases everything published before its end. */
    private void generateBlock() {
        long blockEnd = clockMillis + Duration.ofHours(1).toMillis();
        int perHour = ARTICLES_PER_DAY / 24;
        int articlesInBlock = 0;
        while (articlesInBlock < perHour && generated < total) {
            int size = Math.min(storySize(), total - generated);
            articlesInBlock += size;
            generateStory(size, clockMillis + (long) (random.nextDouble() * Duration.ofHours(1).toMillis()));
        }
        pending.sort(Comparator.comparing((Pending p) -> p.article().publishedDateTime()));
        List<Pending> remaining = new ArrayList<>();
        for (Pending p : pending) {
            if (p.article().publishedDateTime().toEpochMilli() < blockEnd || generated >= total) {
                ready.add(withRelated(p));
            } else {
                remaining.add(p);
            }
        }
        pending.clear();
        pending.addAll(remaining);
        clockMillis = blockEnd;
    }

    private int storySize() {
        if (random.nextDouble() < SINGLETON_SHARE) {
            return 1;
        }
        // Pareto with shape 1.5 from 2: half the non-singletons have 2-3 articles, a few have dozens.
        double pareto = 2.0 / Math.pow(1.0 - random.nextDouble(), 1.0 / 1.5);
        return (int) Math.min(MAX_STORY_SIZE, Math.floor(pareto));
    }

    private void generateStory(int size, long startMillis) {
        int story = stories++;
        String storyKey = "s" + story;
        List<String> event = new ArrayList<>();
        for (int k = 0; k < EVENT_WORDS; k++) {
            event.add(SyntheticWords.word("ev", story * EVENT_WORDS + k));
        }
        int topic = random.nextInt(TOPICS);
        for (int m = 0; m < size; m++) {
            long published = startMillis + (long) (random.nextDouble() * STORY_SPAN.toMillis());
            String title = sentence(event, 3, topic, 2, 2);
            String excerpt = sentence(event, 3, topic, 4, 12);
            int id = generated++;
            String url = "https://provider" + random.nextInt(400) + ".example/news/" + id;
            Article article = new Article("provider.example/news/" + id, title, excerpt, Instant.ofEpochMilli(published),
                    url, null, null, null, "article", "news", null, null, null,
                    new Provider("Provider " + (id % 400), null, null), List.of("topic " + topic), List.of(), List.of(),
                    null, Map.of(), "synthetic", null, null);
            truth.put(article.id(), storyKey);
            pending.add(new Pending(article, storyKey));
        }
    }

    /** Adds 0-4 related items: earlier members of the same story when there are any, or recent noise. */
    private Article withRelated(Pending p) {
        int count = random.nextInt(5);
        List<RelatedItem> related = new ArrayList<>();
        List<Article> recentList = recent.isEmpty() ? List.of() : new ArrayList<>(recent).subList(
                Math.max(0, recent.size() - 200), recent.size());
        Article sameStory = latestOfStory.get(p.storyKey());
        for (int i = 0; i < count && !recentList.isEmpty(); i++) {
            Article other = sameStory != null && random.nextBoolean()
                    ? sameStory : recentList.get(random.nextInt(recentList.size()));
            if (related.stream().anyMatch(r -> r.id().equals(other.id()))) {
                continue;
            }
            related.add(new RelatedItem(other.id(), other.title(), other.excerpt(), other.publishedDateTime(),
                    other.webUrl(), null, null, "article", other.provider(), null, List.of()));
        }
        Article a = p.article();
        latestOfStory.put(p.storyKey(), a);
        return new Article(a.id(), a.title(), a.excerpt(), a.publishedDateTime(), a.webUrl(), null, null, null,
                a.type(), a.category(), null, null, null, a.provider(), a.topics(), List.of(), related, null, Map.of(),
                a.source(), null, null);
    }

    private String sentence(List<String> event, int eventWords, int topic, int topicWords, int commonWords) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < eventWords; i++) {
            words.add(event.get(random.nextInt(event.size())));
        }
        for (int i = 0; i < topicWords; i++) {
            words.add(SyntheticWords.word("tp", topic * TOPIC_WORDS + random.nextInt(TOPIC_WORDS)));
        }
        for (int i = 0; i < commonWords; i++) {
            words.add(SyntheticWords.commonWord(random, COMMON_WORDS));
        }
        Collections.shuffle(words, random);
        return String.join(" ", words);
    }
}
