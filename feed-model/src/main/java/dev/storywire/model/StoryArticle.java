package dev.storywire.model;

import java.util.List;

/**
 * The value of {@code stories.articles}: a unique article with its story and resolved related coverage.
 */
public record StoryArticle(String storyId, Role role, Article article, List<ResolvedRelated> related) {

    public StoryArticle {
        related = related == null ? List.of() : List.copyOf(related);
    }
}
