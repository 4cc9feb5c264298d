package dev.storywire.processor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticFeedTest {

    private static final int ARTICLES = 2_000;
    private static final long SEED = 20210318L;
    /**
     * SHA-256 of the {@link #ARTICLES} articles of {@link #SEED} (see {@link #fingerprint}) as SyntheticFeed generated
     * them before it recorded the truth. Should this change, benchmark figures are no longer comparable with earlier
     * ones: the feed is another.
     */
    private static final String FINGERPRINT = "5a466d3776bfb320463b2e524c604c139790a42909214290c583babc74f19619";

    @Test
    void shouldKnowTheTrueStoryOfEveryGeneratedArticle() {
        SyntheticFeed feed = new SyntheticFeed(ARTICLES, SEED);

        List<Article> articles = drain(feed);

        assertThat(articles).hasSize(ARTICLES);
        assertThat(feed.truth()).hasSize(ARTICLES);
        assertThat(articles).allSatisfy(article -> assertThat(feed.truth().get(article.id())).matches("s\\d+"));
    }

    @Test
    void shouldGroupArticlesIntoStoriesOfSeveralSizes() {
        SyntheticFeed feed = new SyntheticFeed(ARTICLES, SEED);
        drain(feed);

        Set<String> stories = new HashSet<>(feed.truth().values());

        assertThat(stories.size()).isBetween(ARTICLES / 4, ARTICLES - 1);
        assertThat(largestStory(feed.truth())).isGreaterThan(5).isLessThanOrEqualTo(SyntheticFeed.MAX_STORY_SIZE);
    }

    @Test
    void shouldGenerateTheSameArticlesWhetherOrNotTheTruthIsRead() {
        SyntheticFeed reading = new SyntheticFeed(ARTICLES, SEED);
        List<Article> readAlong = new ArrayList<>();
        while (reading.hasNext()) {
            readAlong.add(reading.next());
            assertThat(reading.truth()).containsKey(readAlong.get(readAlong.size() - 1).id());
        }

        List<Article> unread = drain(new SyntheticFeed(ARTICLES, SEED));

        assertThat(readAlong).isEqualTo(unread);
    }

    @Test
    void shouldPutSomeRelatedLinksWithinTheTrueStory() {
        SyntheticFeed feed = new SyntheticFeed(ARTICLES, SEED);
        List<Article> articles = drain(feed);
        Map<String, String> truth = feed.truth();

        long sameStoryLinks = articles.stream()
                .flatMap(article -> article.related().stream()
                        .filter(item -> truth.get(item.id()).equals(truth.get(article.id()))))
                .count();

        assertThat(sameStoryLinks).isPositive();
    }

    @Test
    void shouldGenerateTheArticlesItGeneratedBeforeItRecordedTheTruth() {
        List<Article> articles = drain(new SyntheticFeed(ARTICLES, SEED));

        assertThat(fingerprint(articles)).isEqualTo(FINGERPRINT);
    }

    private static List<Article> drain(SyntheticFeed feed) {
        List<Article> articles = new ArrayList<>();
        feed.forEachRemaining(articles::add);
        return articles;
    }

    private static long largestStory(Map<String, String> truth) {
        return truth.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** SHA-256 over a line per article: id, title, excerpt, publish time, URL and the ids of its related items. */
    private static String fingerprint(List<Article> articles) {
        MessageDigest digest = sha256();
        for (Article article : articles) {
            StringBuilder line = new StringBuilder().append(article.id()).append('|').append(article.title())
                    .append('|').append(article.excerpt()).append('|').append(article.publishedDateTime())
                    .append('|').append(article.webUrl());
            article.related().forEach(item -> line.append('|').append(item.id()));
            digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
