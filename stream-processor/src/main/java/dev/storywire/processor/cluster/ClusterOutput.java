package dev.storywire.processor.cluster;

import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;

/**
 * One output of the clustering processor, exactly one of: an article with its story (keyed by article id, for
 * {@code stories.articles}), a story version (keyed by story id, for {@code stories}), or a story tombstone
 * (keyed by the id of a story merged into another, written to {@code stories} as a {@code null} value; {@code
 * mergedInto} names the story it was merged into).
 */
public record ClusterOutput(StoryArticle storyArticle, Story story, boolean tombstone, String mergedInto) {

    public static ClusterOutput of(StoryArticle storyArticle) {
        return new ClusterOutput(storyArticle, null, false, null);
    }

    public static ClusterOutput of(Story story) {
        return new ClusterOutput(null, story, false, null);
    }

    /** The tombstone of a story merged into {@code survivorId}. */
    public static ClusterOutput storyTombstone(String survivorId) {
        return new ClusterOutput(null, null, true, survivorId);
    }

    /** True for outputs that go to the {@code stories} topic (versions and tombstones). */
    public boolean forStories() {
        return story != null || tombstone;
    }
}
