package dev.storywire.model;

import java.time.Instant;

/**
 * One article of a story as the {@code stories} topic lists it.
 *
 * @param url the article's {@code webUrl} as the feed gave it on first sight
 */
public record StoryMember(
        String articleId, String url, String title, String provider, Instant publishedAt, Role role) {
}
