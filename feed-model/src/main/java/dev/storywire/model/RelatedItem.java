package dev.storywire.model;

import java.time.Instant;
import java.util.List;

/**
 * A small article from a feed document's {@code related} list.
 *
 * @param id canonical article id of {@link #webUrl()} (filled by the producer)
 */
public record RelatedItem(
        String id,
        String title,
        String excerpt,
        Instant publishedDateTime,
        String webUrl,
        String ampWebUrl,
        String cdnAmpWebUrl,
        String type,
        Provider provider,
        Integer quality,
        List<Image> images) {

    public RelatedItem {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
