package dev.storywire.model;

/** Stable story ids derived from the article that opened the story. */
public final class StoryIds {

    private StoryIds() {
    }

    /** {@code st-} and the first 16 hex digits of the SHA-256 of the founding article's canonical id. */
    public static String forFoundingArticle(String articleId) {
        return "st-" + Hashing.sha256Hex(articleId).substring(0, 16);
    }
}
