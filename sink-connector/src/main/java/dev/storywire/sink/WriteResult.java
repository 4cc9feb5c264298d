package dev.storywire.sink;

/**
 * What one committed transaction did.
 *
 * @param storiesDeleted stories removed by tombstones
 * @param storiesWritten story rows inserted or updated
 * @param storiesStale story records older than the stored version, left out
 * @param articlesWritten primary/syndicated article rows inserted or updated
 * @param relatedWritten related rows inserted or updated (not counting those a primary row kept out)
 */
public record WriteResult(
        int storiesDeleted, int storiesWritten, int storiesStale, int articlesWritten, int relatedWritten) {
}
