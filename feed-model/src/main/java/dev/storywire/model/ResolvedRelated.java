package dev.storywire.model;

/**
 * A related item resolved by the processor.
 *
 * @param articleId canonical id of the related item
 * @param storyId story of that article once the pipeline knows it, else {@code null}
 */
public record ResolvedRelated(String articleId, String storyId, String title, String webUrl) {
}
