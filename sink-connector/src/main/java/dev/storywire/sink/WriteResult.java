package dev.storywire.sink;

/**
 * What one committed transaction (or a part of it) did.
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

    /** Nothing written. */
    public static final WriteResult NONE = new WriteResult(0, 0, 0, 0, 0, 0);

    /** The rows of this and {@code other} together: two parts of one transaction. */
    public WriteResult plus(WriteResult other) {
        return new WriteResult(storiesDeleted + other.storiesDeleted, articlesDeleted + other.articlesDeleted,
                storiesWritten + other.storiesWritten, storiesStale + other.storiesStale,
                articlesWritten + other.articlesWritten, relatedWritten + other.relatedWritten);
    }

    /** Rows inserted or updated in story_articles: primary, syndicated and related. */
    public int storyArticlesWritten() {
        return articlesWritten + relatedWritten;
    }
}
