package dev.storywire.model;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed feed document, the value of {@code feed.articles}.
 *
 * @param id canonical article id (see {@link CanonicalUrl}), also the record key
 * @param extra fields of the feed document this version does not model, kept as they came
 * @param source where the document was read (file path, {@code stdin}, ...)
 * @param contentHash SHA-256 of the raw document, hex
 * @param ingestedAt wall-clock time the producer read the document
 */
public record Article(
        String id,
        String title,
        String excerpt,
        Instant publishedDateTime,
        String webUrl,
        String originalUrl,
        String ampWebUrl,
        String cdnAmpWebUrl,
        String type,
        String category,
        Integer quality,
        Integer heat,
        Boolean published,
        Provider provider,
        List<String> topics,
        List<Image> images,
        List<RelatedItem> related,
        String secured,
        Map<String, Object> extra,
        String source,
        String contentHash,
        Instant ingestedAt) {

    public Article {
        topics = topics == null ? List.of() : List.copyOf(topics);
        images = images == null ? List.of() : List.copyOf(images);
        related = related == null ? List.of() : List.copyOf(related);
        extra = extra == null ? Map.of() : new LinkedHashMap<>(extra);
    }

    /** The provider's display name, or an empty string when the feed named none. */
    public String providerName() {
        return provider == null ? "" : provider.displayName();
    }

    /** The URL the article was first seen under: {@code webUrl}, else {@code originalUrl}. */
    public String primaryUrl() {
        return webUrl != null && !webUrl.isBlank() ? webUrl : originalUrl;
    }
}
