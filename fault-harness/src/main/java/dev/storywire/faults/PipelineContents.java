package dev.storywire.faults;

import java.util.List;
import java.util.Map;

/**
 * What the pipeline holds at one moment, in one shape for the database and for the output topics, so that
 * {@link ConsistencyCheck} can compare them without knowing where they came from.
 *
 * @param articles one row per article id (the database's story_articles, or the latest record per key of
 *                 {@code stories.articles})
 * @param stories one row per live story id (the database's stories, or the latest non-tombstone of {@code stories})
 * @param members the primary and syndicated member ids each story lists (empty when the source has no member lists,
 *                like the database)
 */
public record PipelineContents(List<ArticleRow> articles, List<StoryRow> stories, Map<String, List<String>> members) {

    public PipelineContents {
        articles = List.copyOf(articles);
        stories = List.copyOf(stories);
        members = Map.copyOf(members);
    }

    /** One article and the story it belongs to, with its role (primary, syndicated or related). */
    public record ArticleRow(String articleId, String storyId, String role) {

        public boolean isOwnDocument() {
            return "primary".equals(role) || "syndicated".equals(role);
        }
    }

    /** One story with the article count it claims. */
    public record StoryRow(String storyId, int articleCount, long version) {
    }
}
