package dev.storywire.processor.cluster;

import dev.storywire.model.Story;
import dev.storywire.model.StoryArticle;

/**
 * One output of the clustering processor: exactly one of an article with its story (keyed by article id, for
 * {@code stories.articles}) or a story version (keyed by story id, for {@code stories}).
 */
public record ClusterOutput(StoryArticle storyArticle, Story story) {

    public static ClusterOutput of(StoryArticle storyArticle) {
        return new ClusterOutput(storyArticle, null);
    }

    public static ClusterOutput of(Story story) {
        return new ClusterOutput(null, story);
    }
}
