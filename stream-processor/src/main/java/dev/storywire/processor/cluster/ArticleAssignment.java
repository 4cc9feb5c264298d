package dev.storywire.processor.cluster;

import dev.storywire.model.Role;

/** The story an article belongs to, and how. */
public record ArticleAssignment(String storyId, Role role) {
}
