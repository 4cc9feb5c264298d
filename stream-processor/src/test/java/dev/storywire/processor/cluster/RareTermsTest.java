package dev.storywire.processor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storywire.model.Role;
import dev.storywire.model.StoryMember;
import dev.storywire.processor.text.BackgroundFrequencies;
import dev.storywire.processor.text.TermCounts;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RareTermsTest {

    private static final BackgroundFrequencies BACKGROUND =
            new BackgroundFrequencies(Map.of("market", 60L, "vaccine", 20L, "pfizer", 5L), 100);

    private final InMemoryClusterState.MapTable<Long> store = InMemoryClusterState.MapTable.empty();
    private final TermStatistics statistics = new TermStatistics(BACKGROUND, store);

    @Test
    void shouldRankByDocumentFrequencyThenByCountInTheTextThenByTerm() {
        RareTerms rare = new RareTerms(statistics, 3, 100);
        TermCounts text = TermCounts.of(Map.of("market", 1, "vaccine", 1, "pfizer", 1, "zeta", 1, "alpha", 2));

        // alpha and zeta are in no document; alpha counts twice in the text (a title term), so it leads.
        assertThat(rare.ofText(text)).containsExactly("alpha", "zeta", "pfizer");
    }

    @Test
    void shouldLookUpOnlyByTermsSomeLiveDocumentHas() {
        statistics.addDocument(TermCounts.of(Map.of("pfizer", 1)));
        RareTerms rare = new RareTerms(statistics, 3, 100);
        TermCounts text = TermCounts.of(Map.of("unseen", 3, "pfizer", 1, "market", 1));

        assertThat(rare.query(text)).containsExactly("pfizer");
    }

    @Test
    void shouldIndexAStoryUnderAsManyTermsAsItsTextsGaveCappedByTheStoryBound() {
        TermCounts terms = TermCounts.of(Map.of("a1", 1, "b2", 1, "c3", 1, "d4", 1, "e5", 1));
        StoryState story = StoryState.open("st-1").withTerms(terms)
                .withMember(member("x/1", Role.PRIMARY))
                .withMember(member("x/2", Role.PRIMARY))
                .withMember(member("x/3", Role.SYNDICATED));

        assertThat(new RareTerms(statistics, 2, 100).ofStory(story)).hasSize(4);
        assertThat(new RareTerms(statistics, 2, 3).ofStory(story)).hasSize(3);
    }

    private static StoryMember member(String id, Role role) {
        return new StoryMember(id, "https://" + id, "Title", "X", Instant.parse("2021-05-18T12:00:00Z"), role);
    }
}
