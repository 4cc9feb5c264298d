package dev.storywire.processor.dedupe;

import dev.storywire.model.Article;

/**
 * What the dedupe store remembers of an article id.
 *
 * @param article the last version emitted downstream (with the first-seen {@code webUrl})
 * @param lastSeenMillis event time of the latest copy seen, for retention
 */
public record DedupeEntry(Article article, long lastSeenMillis) {
}
