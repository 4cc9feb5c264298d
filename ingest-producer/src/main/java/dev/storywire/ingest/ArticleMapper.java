package dev.storywire.ingest;

import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Hashing;
import dev.storywire.model.Image;
import dev.storywire.model.Provider;
import dev.storywire.model.RelatedItem;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Validates the fields of one feed document and builds its {@link Article}. */
final class ArticleMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleMapper.class);

    static final Set<String> KNOWN_FIELDS = Set.of(
            "title", "excerpt", "publishedDateTime", "webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl", "type",
            "category", "quality", "heat", "published", "provider", "topics", "images", "related", "secured");

    private ArticleMapper() {
    }

    static Article toArticle(Map<String, Object> fields, FieldLocator locator, String source, byte[] raw,
            Instant ingestedAt) throws DocumentRejectedException {
        FieldReader doc = new FieldReader(fields, "", locator);
        String title = doc.string("title");
        if (title == null) {
            throw new DocumentRejectedException("missing required field 'title'");
        }
        if (title.isBlank()) {
            throw new DocumentRejectedException("field 'title' is blank", doc.position("title"));
        }
        CheckedUrl webUrl = url(doc, "webUrl");
        CheckedUrl originalUrl = url(doc, "originalUrl");
        if (webUrl == null && originalUrl == null) {
            throw new DocumentRejectedException(
                    "missing both 'webUrl' and 'originalUrl': an article needs one of them for its id");
        }
        String id = (webUrl != null ? webUrl : originalUrl).canonicalId();
        return new Article(
                id,
                title.strip(),
                doc.string("excerpt"),
                doc.instant("publishedDateTime"),
                CheckedUrl.text(webUrl),
                CheckedUrl.text(originalUrl),
                CheckedUrl.text(url(doc, "ampWebUrl")),
                CheckedUrl.text(url(doc, "cdnAmpWebUrl")),
                doc.string("type"),
                doc.string("category"),
                doc.integer("quality"),
                doc.integer("heat"),
                doc.bool("published"),
                provider(doc),
                doc.strings("topics"),
                images(doc),
                related(doc, source),
                doc.string("secured"),
                extra(fields),
                source,
                Hashing.sha256Hex(raw),
                ingestedAt);
    }

    /** An absolute http(s) URL, or {@code null} when the field is absent or blank. */
    private static CheckedUrl url(FieldReader reader, String field) throws DocumentRejectedException {
        String value = reader.string(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        URI parsed = CanonicalUrl.parseHttpUrl(url).orElseThrow(() -> new DocumentRejectedException("field '"
                + reader.path() + field + "' is not an absolute http(s) URL: " + FieldReader.preview(value),
                reader.position(field)));
        return new CheckedUrl(url, parsed);
    }

    /** A URL field's text as the feed gave it (stripped) and its parse, kept so the URL is parsed once. */
    private record CheckedUrl(String text, URI parsed) {

        String canonicalId() {
            return CanonicalUrl.canonicalId(parsed);
        }

        static String text(CheckedUrl url) {
            return url == null ? null : url.text;
        }
    }

    private static Provider provider(FieldReader parent) throws DocumentRejectedException {
        FieldReader provider = parent.mapping("provider");
        if (provider == null) {
            return null;
        }
        return new Provider(provider.string("name"), provider.string("domain"), images(provider));
    }

    private static List<Image> images(FieldReader parent) throws DocumentRejectedException {
        List<?> values = parent.list("images");
        if (values == null) {
            return List.of();
        }
        List<Image> images = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            FieldReader image = parent.element("images", i, values.get(i));
            images.add(new Image(image.string("url"), image.integer("width"), image.integer("height"),
                    image.bool("isCached")));
        }
        return images;
    }

    /** The related items; an item that is broken (bad URL, wrong types) is dropped and logged, not fatal. */
    private static List<RelatedItem> related(FieldReader doc, String source) throws DocumentRejectedException {
        List<?> values = doc.list("related");
        if (values == null) {
            return List.of();
        }
        List<RelatedItem> related = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            try {
                related.add(relatedItem(doc.element("related", i, values.get(i))));
            } catch (DocumentRejectedException e) {
                LOG.warn("{}: dropping related[{}] (the article is kept): {}", source, i, e.reason());
            }
        }
        return related;
    }

    private static RelatedItem relatedItem(FieldReader item) throws DocumentRejectedException {
        CheckedUrl webUrl = url(item, "webUrl");
        CheckedUrl ampWebUrl = url(item, "ampWebUrl");
        CheckedUrl cdnAmpWebUrl = url(item, "cdnAmpWebUrl");
        CheckedUrl idUrl = webUrl != null ? webUrl : ampWebUrl != null ? ampWebUrl : cdnAmpWebUrl;
        if (idUrl == null) {
            throw new DocumentRejectedException("field '" + item.path() + "webUrl' is missing: no URL to identify it");
        }
        return new RelatedItem(
                idUrl.canonicalId(),
                item.string("title"),
                item.string("excerpt"),
                item.instant("publishedDateTime"),
                CheckedUrl.text(webUrl),
                CheckedUrl.text(ampWebUrl),
                CheckedUrl.text(cdnAmpWebUrl),
                item.string("type"),
                provider(item),
                item.integer("quality"),
                images(item));
    }

    private static Map<String, Object> extra(Map<String, Object> fields) {
        Map<String, Object> extra = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!KNOWN_FIELDS.contains(name)) {
                extra.put(name, FieldReader.toJsonValue(value));
            }
        });
        return extra;
    }
}
