package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storywire.processor.text.BackgroundFrequencies;
import dev.storywire.processor.text.TermCounts;
import dev.storywire.processor.text.TfIdf;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TermStatisticsTest {

    private InMemoryClusterState.MapTable<Long> store;

    @BeforeEach
    void open() {
        store = InMemoryClusterState.MapTable.empty();
    }

    @Test
    void shouldKeepTopicWordsWeightyWhenTenLiveArticlesShareThem() {
        TermStatistics blended = new TermStatistics(BackgroundFrequencies.shipped(), store);
        TermStatistics liveOnly = new TermStatistics(BackgroundFrequencies.none(), store);
        for (int i = 0; i < 10; i++) {
            blended.addDocument(TermCounts.of(Map.of("moratorium", 1)));
        }

        assertThat(blended.idf("moratorium")).isGreaterThan(2.0);
        assertThat(liveOnly.idf("moratorium")).isLessThan(1.1);
    }

    @Test
    void shouldGiveTheIdfOfTheBlendedCounts() {
        BackgroundFrequencies background = new BackgroundFrequencies(Map.of("vaccine", 40L, "pfizer", 5L), 100);
        TermStatistics statistics = new TermStatistics(background, store);
        statistics.addDocument(TermCounts.of(Map.of("vaccine", 1, "moderna", 1)));
        statistics.addDocument(TermCounts.of(Map.of("moderna", 1)));

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
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.shipped(), store);
        String first = statistics.canonical(new String("moratorium"));

        assertThat(statistics.canonical(new String("moratorium"))).isSameAs(first);
        assertThat(statistics.canonical("eviction")).isEqualTo("eviction").isNotSameAs(first);
    }

    @Test
    void shouldKeepTheLiveCountsInTheStore() {
        TermStatistics first = new TermStatistics(BackgroundFrequencies.none(), store);
        first.addDocument(TermCounts.of(Map.of("vaccine", 1, "pfizer", 1)));
        first.addDocument(TermCounts.of(Map.of("vaccine", 1)));

        TermStatistics restored = new TermStatistics(BackgroundFrequencies.none(), store);

        assertThat(restored.liveDocuments()).isEqualTo(2);
        assertThat(restored.documentFrequency("vaccine")).isEqualTo(2);
        assertThat(restored.documentFrequency("pfizer")).isEqualTo(1);
    }

    @Test
    void shouldUpdateTheTermsItHandedOut() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none(), store);
        TermStatistics.Term vaccine = statistics.term("vaccine");

        statistics.addDocument(TermCounts.of(Map.of("vaccine", 1)));

        assertThat(vaccine.live()).isEqualTo(1);
        assertThat(vaccine.logFrequency()).isCloseTo(TfIdf.logSmoothed(1), within(1e-12));
        assertThat(vaccine.retired()).isFalse();
    }

    @Test
    void shouldKeepATermInUseWhileNewTermsComeAndGo() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none(), store);
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
    void shouldRetireATermNotMetWhileTheTableFilledTwice() {
        TermStatistics statistics = new TermStatistics(BackgroundFrequencies.none(), store);
        TermStatistics.Term first = statistics.term("term-0");
        statistics.addDocument(TermCounts.of(Map.of("term-0", 1)));
        for (int i = 1; i <= TermStatistics.MAX_TERMS / 2; i++) {
            statistics.term("term-" + i);
        }
        assertThat(first.retired()).as("still in the older half").isFalse();

        for (int i = 1; i <= TermStatistics.MAX_TERMS / 2; i++) {
            statistics.term("more-" + i);
        }
        statistics.addDocument(TermCounts.of(Map.of("term-0", 1)));

        assertThat(first.retired()).isTrue();
        assertThat(statistics.term("term-0")).isNotSameAs(first);
        assertThat(statistics.documentFrequency("term-0")).as("read back from the store").isEqualTo(2);
    }
}
