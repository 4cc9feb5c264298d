package dev.storywire.processor.cluster;

import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;

/**
 * One output of the clustering processor, exactly one of: an article with its story (keyed by article id, for
 * {@code stories.articles}), a story version (keyed by story id, for {@code stories}), or a story tombstone
 * (keyed by the id of a story merged into another, written to {@code stories} as a {@code null} value).
 */
public record ClusterOutput(StoryArticle storyArticle, Story story, boolean tombstone) {

    public static ClusterOutput of(StoryArticle storyArticle) {
        return new ClusterOutput(storyArticle, null, false);
    }

    public static ClusterOutput of(Story story) {
        return new ClusterOutput(null, story, false);
    }

    public static ClusterOutput storyTombstone() {
        return new ClusterOutput(null, null, true);
    }

    /** True for outputs that go to the {@code stories} topic (versions and tombstones). */
    public boolean forStories() {
        return story != null || tombstone;
    }
}
