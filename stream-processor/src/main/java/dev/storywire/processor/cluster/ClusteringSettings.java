package dev.storywire.processor.cluster;

import java.time.Duration;

/**
 * The tunables of {@link StoryClusterer}, as plain values (the Kafka layer maps its configuration onto them). See
 * the processor configuration's documentation for what each one means and why its default is what it is.
 *
 * @param joinThreshold minimum score (text similarity plus link bonus) for an article to join a story
 * @param linkBonus added to the text similarity when a related link joins article and story in either direction
 * @param minTextSimilarity minimum text similarity even with a link, so that a link alone joins nothing
 * @param relatedMemberThreshold minimum similarity of a related item's text to the story to become a member
 * @param titleWeight how many times title terms count compared with excerpt terms
 * @param titleSimilarityShare share of the title-only cosine in the text similarity
 * @param maxEventTimeDistance how far outside a story's time range an article may lie and still join it
 * @param maxFutureSkew how far ahead of the feed's clock a publish time is still believed
 * @param storyRetention stories not updated for this long (feed clock) leave the candidate indexes
 * @param storyStateRetention stories not updated for this long (feed clock, at least {@code storyRetention}) lose
 *     their members' assignments and shrink to their id and version
 * @param maxStoryTerms bound on the term vector kept per story
 * @param maxPostingsPerTerm bound on the stories kept per term in the candidate index
 * @param maxQueryTerms rarest terms per text that are looked up, and that a story is indexed under per text
 * @param mergeThreshold score against two stories at which an article shows they are one
 * @param sharedPassageBonus added to the text similarity when article and story share a passage ({@link Passages}):
 *     copied text is evidence of one source as strong as a related link, and like a link it joins nothing alone
 */
public record ClusteringSettings(
        double joinThreshold,
        double linkBonus,
        double minTextSimilarity,
        double relatedMemberThreshold,
        int titleWeight,
        double titleSimilarityShare,
        Duration maxEventTimeDistance,
        Duration maxFutureSkew,
        Duration storyRetention,
        Duration storyStateRetention,
        int maxStoryTerms,
        int maxPostingsPerTerm,
        int maxQueryTerms,
        double mergeThreshold,
        double sharedPassageBonus) {

    public ClusteringSettings {
        if (storyStateRetention.compareTo(storyRetention) < 0) {
            throw new IllegalArgumentException("the story state retention (" + storyStateRetention
                    + ") must be at least the story retention (" + storyRetention + ")");
        }
    }

    /** The documented defaults. */
    public static ClusteringSettings defaults() {
        return new ClusteringSettings(0.33, 0.15, 0.12, 0.33, 3, 0.5, Duration.ofDays(7), Duration.ofDays(30),
                Duration.ofDays(7), Duration.ofDays(90), 200, 16, 12, 0.5, 0.15);
    }
}
