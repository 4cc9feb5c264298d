package dev.storywire.processor.cluster;

import dev.storywire.model.Role;
import dev.storywire.processor.text.TermCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The rarest terms of a text or a story: those with the lowest document frequency (background plus live); among
 * terms equally rare, those counted more often in the text first (title terms count more), then by term. A story is
 * indexed under the rarest terms of each text it takes in, as many as an article looks up: the words that name an
 * event are rare, and common words' postings would only hold whichever stories came last. The count decides ties
 * when few documents have been counted and most terms are equally rare: the words of a headline name its event
 * better than an excerpt's, and ranking such ties by the alphabet alone would make the index depend on which
 * headline of an event came first.
 */
final class RareTerms {

    private final TermStatistics statistics;
    private final int perText;
    private final int maxStoryTerms;

    /**
     * @param perText terms taken from each text, to look it up or to index a story under
     * @param maxStoryTerms the most terms a whole story is indexed under
     */
    RareTerms(TermStatistics statistics, int perText, int maxStoryTerms) {
        this.statistics = statistics;
        this.perText = perText;
        this.maxStoryTerms = maxStoryTerms;
    }

    /** The terms a story taking this text in is indexed under. */
    List<String> ofText(TermCounts counts) {
        return rarest(counts, term -> true, perText);
    }

    /** The terms an article looks its candidate stories up by: terms no live document has are in no posting. */
    List<String> query(TermCounts counts) {
        return rarest(counts, TermStatistics.Term::counted, perText);
    }

    /**
     * The terms a whole story stands under in the index when its texts are not at hand: its rarest terms, as many as
     * the rarest per text it took in (a story coming back to the indexes, a merged-away story's terms, the index
     * built at start).
     */
    List<String> ofStory(StoryState state) {
        return ofStory(state, null);
    }

    /** As {@link #ofStory(StoryState)}, with the statistics' objects of the story's terms at hand, in their order. */
    List<String> ofStory(StoryState state, TermStatistics.Term[] terms) {
        long texts = state.members().stream().filter(m -> m.role() != Role.SYNDICATED).count();
        int limit = (int) Math.min(maxStoryTerms, Math.max(1, texts) * perText);
        return rarest(state.terms(), terms, term -> true, limit);
    }

    private List<String> rarest(TermCounts counts, Predicate<TermStatistics.Term> eligible, int limit) {
        return rarest(counts, null, eligible, limit);
    }

    private List<String> rarest(TermCounts counts, TermStatistics.Term[] terms,
            Predicate<TermStatistics.Term> eligible, int limit) {
        RankedTerm[] ranked = new RankedTerm[counts.size()];
        int n = 0;
        for (int i = 0; i < counts.size(); i++) {
            TermStatistics.Term term = terms != null ? terms[i] : statistics.term(counts.term(i));
            if (eligible.test(term)) {
                ranked[n++] = new RankedTerm(counts.term(i), term.documentFrequency(), counts.count(i));
            }
        }
        Arrays.sort(ranked, 0, n);
        List<String> rarest = new ArrayList<>(Math.min(n, limit));
        for (int i = 0; i < n && i < limit; i++) {
            rarest.add(ranked[i].term());
        }
        return Collections.unmodifiableList(rarest);
    }

    /**
     * A term with its document frequency, looked up once for the sort, and its count in the text; ordered rarest
     * first, then the higher count, then by term.
     */
    private record RankedTerm(String term, long documentFrequency, int count) implements Comparable<RankedTerm> {

        @Override
        public int compareTo(RankedTerm other) {
            if (documentFrequency != other.documentFrequency) {
                return Long.compare(documentFrequency, other.documentFrequency);
            }
            if (count != other.count) {
                return Integer.compare(other.count, count);
            }
            return term.compareTo(other.term);
        }
    }
}
