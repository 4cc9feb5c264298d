package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storywire.processor.text.TfIdf;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class StorySimilarityTest {

    private final Map<String, Double> idf = new HashMap<>(Map.of("vaccine", 3.0, "pfizer", 4.0, "trial", 2.0,
            "results", 1.5, "moderna", 4.0));
    private final ToDoubleFunction<String> idfOf = term -> idf.getOrDefault(term, 5.0);
    private final AtomicLong documents = new AtomicLong(10);

    private final ArticleText article = new ArticleText(Map.of("pfizer", 3, "vaccine", 3, "trial", 1),
            Map.of("pfizer", 1, "vaccine", 1), "pfizer");
    private final StoryState story = StoryState.open("st-1")
            .withTerms(Map.of("pfizer", 6, "vaccine", 4, "results", 2, "moderna", 1))
            .withTitleTerms(Map.of("pfizer", 2, "vaccine", 1));

    @Test
    void shouldScoreAsTheMixOfTitleAndFullTfIdfCosines() {
        StorySimilarity similarity = new StorySimilarity(idfOf, documents::get, 0.4, 100);

        double score = similarity.score(similarity.query(article), story);

        double expected = 0.4 * TfIdf.cosine(article.titleVector(), story.titleTerms(), idfOf)
                + 0.6 * TfIdf.cosine(article.vector(), story.terms(), idfOf);
        assertThat(score).isCloseTo(expected, within(1e-12));
    }

    @Test
    void shouldRecomputeTheStoryNormWhenFewDocumentsWereCounted() {
        StorySimilarity similarity = new StorySimilarity(idfOf, documents::get, 0.0, 100);
        similarity.score(similarity.query(article), story);

        idf.put("moderna", 0.5);
        documents.incrementAndGet();

        assertThat(similarity.score(similarity.query(article), story))
                .isCloseTo(TfIdf.cosine(article.vector(), story.terms(), idfOf), within(1e-12));
    }

    @Test
    void shouldReuseTheStoryNormWhileTheCorpusGrewLessThanTheRefreshShare() {
        documents.set(100_000);
        StorySimilarity similarity = new StorySimilarity(idfOf, documents::get, 0.0, 100);
        double before = similarity.score(similarity.query(article), story);

        idf.put("moderna", 0.5); // only in the story: changes its norm, not the dot product
        documents.addAndGet(100_000 * StorySimilarity.NORM_REFRESH_PERCENT / 100 / 2);

        assertThat(similarity.score(similarity.query(article), story)).isCloseTo(before, within(1e-12));
        documents.addAndGet(100_000 * StorySimilarity.NORM_REFRESH_PERCENT / 100);
        assertThat(similarity.score(similarity.query(article), story))
                .isCloseTo(TfIdf.cosine(article.vector(), story.terms(), idfOf), within(1e-12));
    }

    @Test
    void shouldRecomputeTheNormOfAChangedStoryAtOnce() {
        documents.set(100_000);
        StorySimilarity similarity = new StorySimilarity(idfOf, documents::get, 0.0, 100);
        similarity.score(similarity.query(article), story);

        StoryState grown = story.withTerms(Map.of("pfizer", 6, "vaccine", 4, "results", 2, "moderna", 1, "dose", 9));

        assertThat(similarity.score(similarity.query(article), grown))
                .isCloseTo(TfIdf.cosine(article.vector(), grown.terms(), idfOf), within(1e-12));
    }
}
