package dev.storywire.model;

/** An image attached to an article or a provider, as the feed describes it. */
public record Image(String url, Integer width, Integer height, Boolean isCached) {
}
