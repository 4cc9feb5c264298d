package dev.storywire.processor;

import dev.storywire.model.Article;
import dev.storywire.model.CanonicalUrl;
import dev.storywire.model.Provider;
import dev.storywire.model.RelatedItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Small hand-made feed articles for topology tests. */
public final class TestArticles {

    private TestArticles() {
    }

    /** An article whose provider is named after the URL's host. */
    public static Article article(String url, String title, String excerpt, Instant published,
            RelatedItem... related) {
        return new Article(CanonicalUrl.canonicalId(url), title, excerpt, published, url, null, null, null, "article",
                "news", null, null, null, new Provider(CanonicalUrl.canonicalId(url).split("/")[0], null, null),
                List.of("AI"), List.of(), List.of(related), null, Map.of(), "test", null, null);
    }

    /** {@code other} as an item of a related list. */
    public static RelatedItem relatedTo(Article other) {
        return new RelatedItem(other.id(), other.title(), other.excerpt(), other.publishedDateTime(), other.webUrl(),
                null, null, "article", other.provider(), null, List.of());
    }
}
