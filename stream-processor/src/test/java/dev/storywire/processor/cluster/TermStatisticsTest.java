package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storywire.processor.text.BackgroundFrequencies;
import dev.storywire.processor.text.TfIdf;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import dev.storywire.processor.text.TermCounts;
import org.junit.jupiter.api.Test;

class TermStatisticsTest {

    @Test
    void shouldKeepTopicWordsWeightyWhenTenLiveArticlesShareThem() {
        TermStatistics blended = new TermStatistics(BackgroundFrequencies.shipped());
        TermStatistics liveOnly = new TermStatistics(BackgroundFrequencies.none());
        for (int i = 0; i < 10; i++) {
            blended.addDocument(Set.of("moratorium"));
        }

        assertThat(blended.idf("moratorium")).isGreaterThan(2.0);
        assertThat(liveOnly.idf("moratorium")).isLessThan(1.1);
    }

    @Test
    void shouldGiveTheIdfOfTheBlendedCounts() {
        BackgroundFrequencies background = new BackgroundFrequencies(Map.of("vaccine", 40L, "pfizer", 5L), 100);
        TermStatistics statistics = new TermStatistics(background);
        statistics.addDocument(Set.of("vaccine", "moderna"));
        statistics.addDocument(Set.of("moderna"));

        assertThat(statistics.documentCount()).isEqualTo(102);
        assertThat(statistics.documentFrequency("vaccine")).isEqualTo(41);
        assertThat(statistics.term("moderna").live()).isEqualTo(2);
        assertThat(statistics.idf("vaccine"))
                .isCloseTo(1.0 + Math.log((102 + 3.0) / (41 + 3.0)), within(1e-12))
                .isCloseTo(TfIdf.idf("vaccine", statistics), within(1e-12));
        assertThat(statistics.idf("unseen")).isCloseTo(1.0 + Math.log((102 + 3.0) / 3.0), within(1e-12));
    }

    @Test
    void shouldHandOutOneInstanceOfEachTerm() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.shipped());
        String first = statistics.canonical(new String("moratorium"));

        assertThat(statistics.canonical(new String("moratorium"))).isSameAs(first);
        assertThat(statistics.canonical("eviction")).isEqualTo("eviction").isNotSameAs(first);
    }

    @Test
    void shouldUncountADocumentThatLeaves() {
        BackgroundFrequencies background = new BackgroundFrequencies(Map.of("vaccine", 40L), 100);
        TermStatistics statistics = new TermStatistics(background);
        statistics.addDocument(Set.of("vaccine", "pfizer"));
        statistics.addDocument(Set.of("vaccine"));

        statistics.removeDocument(TermCounts.of(Map.of("vaccine", 2, "pfizer", 1)));

        assertThat(statistics.liveDocuments()).isEqualTo(1);
        assertThat(statistics.documentCount()).isEqualTo(101);
        assertThat(statistics.documentFrequency("vaccine")).isEqualTo(41);
        assertThat(statistics.term("pfizer").counted()).isFalse();
        assertThat(statistics.idf("pfizer")).isCloseTo(1.0 + Math.log((101 + 3.0) / 3.0), within(1e-12));
        assertThat(statistics.documentChanges()).isEqualTo(3);
    }

    @Test
    void shouldUpdateTheTermsItHandedOut() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none());
        TermStatistics.Term vaccine = statistics.term("vaccine");

        statistics.addDocument(Set.of("vaccine"));

        assertThat(vaccine.live()).isEqualTo(1);
        assertThat(vaccine.logFrequency()).isCloseTo(TfIdf.logSmoothed(1), within(1e-12));
        assertThat(vaccine.retired()).isFalse();
    }

    @Test
    void shouldKeepATermInUseWhileNewTermsComeAndGo() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none());
        TermStatistics.Term first = statistics.term("term-0");
        for (int i = 1; i <= 2 * TermStatistics.MAX_TERMS; i++) {
            statistics.term("term-" + i);
            if (i % (TermStatistics.MAX_TERMS / 4) == 0) {
                assertThat(statistics.term("term-0")).isSameAs(first);
            }
        }

        assertThat(first.retired()).isFalse();
    }

    @Test
    void shouldRetireATermNoLiveDocumentHasWhenNotMetWhileTheTableFilledTwice() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none());
        TermStatistics.Term first = statistics.term("term-0");
        for (int i = 1; i <= TermStatistics.MAX_TERMS / 2; i++) {
            statistics.term("term-" + i);
        }
        assertThat(first.retired()).as("still in the older half").isFalse();

        for (int i = 1; i <= TermStatistics.MAX_TERMS / 2; i++) {
            statistics.term("more-" + i);
        }

        assertThat(first.retired()).isTrue();
        assertThat(statistics.term("term-0")).isNotSameAs(first);
    }

    @Test
    void shouldKeepTheCountOfATermALiveDocumentHasHoweverManyTermsComeAndGo() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none());
        statistics.addDocument(Collections.singleton("term-0"));
        TermStatistics.Term first = statistics.term("term-0");
        for (int i = 1; i <= 2 * TermStatistics.MAX_TERMS; i++) {
            statistics.term("other-" + i);
        }

        assertThat(first.retired()).isFalse();
        assertThat(statistics.term("term-0")).isSameAs(first);
        assertThat(statistics.documentFrequency("term-0")).isEqualTo(1);
    }
}
