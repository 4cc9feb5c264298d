package dev.storywire.sink;

/**
 * What one committed transaction did.
 *
 * @param storiesDeleted stories removed by tombstones
 * @param articlesDeleted story_articles rows removed with those stories (articles still attached to them)
 * @param storiesWritten story rows inserted or updated
 * @param storiesStale story records older than the stored version, left out
 * @param articlesWritten primary/syndicated article rows inserted or updated
 * @param relatedWritten related rows inserted or updated (not counting those a primary row kept out)
 */
public record WriteResult(int storiesDeleted, int articlesDeleted, int storiesWritten, int storiesStale,
        int articlesWritten, int relatedWritten) {

    /** Rows inserted or updated in story_articles: primary, syndicated and related. */
    public int storyArticlesWritten() {
        return articlesWritten + relatedWritten;
    }
}
