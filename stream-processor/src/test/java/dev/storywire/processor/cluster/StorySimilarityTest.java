package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storywire.processor.text.BackgroundFrequencies;
import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TfIdf;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StorySimilarityTest {

    private static final long MANY_DOCUMENTS = 100_000;

    private final BackgroundFrequencies background = new BackgroundFrequencies(
            Map.of("vaccine", 30L, "pfizer", 5L, "trial", 60L, "results", 80L, "moderna", 5L), 200);
    private final ArticleText article = new ArticleText(TermCounts.of(Map.of("pfizer", 3, "vaccine", 3, "trial", 1)),
            TermCounts.of(Map.of("pfizer", 1, "vaccine", 1)), "pfizer", Passages.NONE);
    private final StoryState story = StoryState.open("st-1")
            .withTerms(TermCounts.of(Map.of("pfizer", 6, "vaccine", 4, "results", 2, "moderna", 1)))
            .withTitleTerms(TermCounts.of(Map.of("pfizer", 2, "vaccine", 1)));
    private InMemoryClusterState.MapTable<Long> store;
    private TermStatistics statistics;

    @BeforeEach
    void open() {
        store = InMemoryClusterState.MapTable.empty();
        statistics = new TermStatistics(background, store);
    }

    @Test
    void shouldScoreAsTheMixOfTitleAndFullTfIdfCosines() {
        StorySimilarity similarity = new StorySimilarity(statistics, 0.4, 100);

        double score = similarity.score(similarity.query(article), story);

        double expected = 0.4 * cosine(article.titleVector(), story.titleTerms())
                + 0.6 * cosine(article.vector(), story.terms());
        assertThat(score).isCloseTo(expected, within(1e-12));
    }

    @Test
    void shouldRecomputeTheStoryNormWhenFewDocumentsWereCounted() {
        StorySimilarity similarity = new StorySimilarity(statistics, 0.0, 100);
        similarity.score(similarity.query(article), story);

        statistics.addDocument(TermCounts.of(Map.of("moderna", 1)));

        assertThat(similarity.score(similarity.query(article), story))
                .isCloseTo(cosine(article.vector(), story.terms()), within(1e-12));
    }

    @Test
    void shouldReuseTheStoryNormWhileTheCorpusGrewLessThanTheRefreshShare() {
        store.put(TermStatistics.DOCUMENT_COUNT_KEY, MANY_DOCUMENTS);
        StorySimilarity similarity = new StorySimilarity(statistics, 0.0, 100);
        similarity.score(similarity.query(article), story);
        double normThen = storyNorm();

        // only in the story: changes its norm, not the dot product
        countDocumentsWithModerna(MANY_DOCUMENTS * StorySimilarity.NORM_REFRESH_PERCENT / 100 / 2);

        double exact = cosine(article.vector(), story.terms());
        assertThat(similarity.score(similarity.query(article), story))
                .isCloseTo(exact * storyNorm() / normThen, within(1e-12))
                .isNotCloseTo(exact, within(1e-6));
        countDocumentsWithModerna(MANY_DOCUMENTS * StorySimilarity.NORM_REFRESH_PERCENT / 100);
        assertThat(similarity.score(similarity.query(article), story))
                .isCloseTo(cosine(article.vector(), story.terms()), within(1e-12));
    }

    @Test
    void shouldRecomputeTheNormOfAChangedStoryAtOnce() {
        store.put(TermStatistics.DOCUMENT_COUNT_KEY, MANY_DOCUMENTS);
        StorySimilarity similarity = new StorySimilarity(statistics, 0.0, 100);
        similarity.score(similarity.query(article), story);

        StoryState grown = story.withTerms(story.terms().plus(TermCounts.of(Map.of("dose", 9)), 200));

        assertThat(similarity.score(similarity.query(article), grown))
                .isCloseTo(cosine(article.vector(), grown.terms()), within(1e-12));
    }

    private void countDocumentsWithModerna(long documents) {
        for (long i = 0; i < documents; i++) {
            statistics.addDocument(TermCounts.of(Map.of("moderna", 1)));
        }
    }

    private double storyNorm() {
        double sum = 0.0;
        for (Map.Entry<String, Integer> e : story.terms().asMap().entrySet()) {
            double w = TfIdf.weight(e.getValue(), statistics.idf(e.getKey()));
            sum += w * w;
        }
        return Math.sqrt(sum);
    }

    private double cosine(TermCounts a, TermCounts b) {
        return TfIdf.cosine(a.asMap(), b.asMap(), statistics);
    }
}
