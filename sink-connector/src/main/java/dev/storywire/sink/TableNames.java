package dev.storywire.sink;

/**
 * The names of the sink's tables and indexes after {@code table.prefix} is applied.
 *
 * @param stories one row per live story
 * @param storyArticles one row per article: members of a story and its related coverage
 */
public record TableNames(String stories, String storyArticles) {

    /** The prefix must already be validated as an identifier fragment (see {@link StorySinkConfig}). */
    public static TableNames withPrefix(String prefix) {
        String p = prefix == null ? "" : prefix;
        return new TableNames(p + "stories", p + "story_articles");
    }

    public String storiesLastUpdatedIndex() {
        return stories + "_last_updated_idx";
    }

    public String storyArticlesStoryIdIndex() {
        return storyArticles + "_story_id_idx";
    }
}
