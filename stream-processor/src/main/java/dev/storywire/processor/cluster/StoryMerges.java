package dev.storywire.processor.cluster;

import dev.storywire.model.Role;
import dev.storywire.model.StoryMember;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * When stories are one: the rules that merge two stories, which an article or a grown story can show.
 *
 * <ul>
 *   <li>An article that scores at least the merge threshold against two stories (both also passing the join
 *       rules) is about both: they are one story. The threshold lies well above the join threshold so that one
 *       article that merely fits two stories does not chain them.</li>
 *   <li>Two stories agree when one would accept the other's text as it accepts an article: close in time, no
 *       conflicting headline subjects, and text similarity at least the join threshold. Text is required: a
 *       related link alone never merges.</li>
 * </ul>
 */
final class StoryMerges {

    private final ClusteringSettings settings;
    private final StorySimilarity similarity;
    private final TimeDistance timeDistance;

    /** How far apart in time two stories lie, in milliseconds, as the clusterer's clock sees them. */
    interface TimeDistance {
        long between(StoryState story, StoryState other);
    }

    StoryMerges(ClusteringSettings settings, StorySimilarity similarity, TimeDistance timeDistance) {
        this.settings = settings;
        this.similarity = similarity;
        this.timeDistance = timeDistance;
    }

    /**
     * The stories among an article's accepted candidates that are one with the best of them ({@code best} first):
     * those it scores the merge threshold against when it also scores that against the best, and those that agree
     * with the best story grown by the article.
     */
    List<StoryState> strongCandidates(ArticleText text, StoryState best, List<StoryClusterer.Candidate> accepted,
            Function<String, StoryState> stories) {
        List<StoryState> strong = new ArrayList<>(List.of(best));
        if (accepted.size() < 2) {
            return strong;
        }
        StoryState joined = best.withTerms(best.terms().plus(text.vector(), settings.maxStoryTerms()))
                .withTitleTerms(best.titleTerms().plus(text.titleVector(), settings.maxStoryTerms()))
                .withPassages(text.passages());
        StorySimilarity.Query joinedText = textOf(joined);
        boolean bestIsStrong = accepted.get(0).score() >= settings.mergeThreshold();
        for (StoryClusterer.Candidate candidate : accepted.subList(1, accepted.size())) {
            StoryState other = stories.apply(candidate.storyId());
            if (other != null && (bestIsStrong && candidate.score() >= settings.mergeThreshold()
                    || agree(joined, joinedText, other))) {
                strong.add(other);
            }
        }
        return strong;
    }

    /** The text of a story, weighed to score against others. */
    StorySimilarity.Query textOf(StoryState story) {
        return similarity.query(story);
    }

    /**
     * Whether {@code other} belongs to {@code grown} (whose text is {@code grownText}) by the rules an article joins
     * a story: close in time, no conflicting headline subjects, text similarity at least the minimum, and with the
     * shared-passage bonus at least the join threshold. A related link alone never makes two stories agree.
     */
    boolean agree(StoryState grown, StorySimilarity.Query grownText, StoryState other) {
        return agree(grown, grownText, other, settings.joinThreshold());
    }

    /**
     * Whether two live stories are one after {@code grown} took in an article: as {@link #agree(StoryState,
     * StorySimilarity.Query, StoryState)}. A story of one article is held to the join threshold (it would join the
     * grown story if it arrived now); larger stories to the merge threshold: whole stories share more general words
     * than an article and a story do, so the stronger evidence an article needs to merge two stories is asked.
     */
    boolean heal(StoryState grown, StorySimilarity.Query grownText, StoryState other) {
        return agree(grown, grownText, other,
                singleArticle(other) ? settings.joinThreshold() : settings.mergeThreshold());
    }

    /** Whether the story has at most one primary member (read until a second one shows). */
    private static boolean singleArticle(StoryState story) {
        int primaries = 0;
        for (StoryMember member : story.members()) {
            if (member.role() == Role.PRIMARY && ++primaries > 1) {
                return false;
            }
        }
        return true;
    }

    private boolean agree(StoryState grown, StorySimilarity.Query grownText, StoryState other, double threshold) {
        if (timeDistance.between(grown, other) > settings.maxEventTimeDistance().toMillis()) {
            return false;
        }
        boolean sharedSubject = other.leads().isEmpty() || grown.leads().isEmpty()
                || other.leads().stream().anyMatch(grown.terms()::contains)
                || grown.leads().stream().anyMatch(other.terms()::contains);
        if (!sharedSubject) {
            return false;
        }
        double text = similarity.score(grownText, other);
        return text >= settings.minTextSimilarity()
                && text + passageBonus(grown.passages(), other) >= threshold;
    }

    /** The shared-passage bonus of a text with these passages against {@code story}; 0 when they share none. */
    double passageBonus(Passages passages, StoryState story) {
        return passages.overlaps(story.passages()) ? settings.sharedPassageBonus() : 0.0;
    }
}
