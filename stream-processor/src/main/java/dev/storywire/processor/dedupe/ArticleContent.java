package dev.storywire.processor.dedupe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storywire.model.Article;
import dev.storywire.model.Json;

/** Compares articles by what they say, ignoring where and when the producer read them. */
public final class ArticleContent {

    private ArticleContent() {
    }

    /**
     * {@code incoming} as it would be emitted after {@code firstSeen}: the same article with the first-seen
     * {@code webUrl} kept (the database contract: url = the feed's webUrl on first sight).
     */
    public static Article keepingFirstUrl(Article incoming, Article firstSeen) {
        String url = firstSeen.webUrl() != null ? firstSeen.webUrl() : incoming.webUrl();
        return new Article(incoming.id(), incoming.title(), incoming.excerpt(), incoming.publishedDateTime(), url,
                incoming.originalUrl(), incoming.ampWebUrl(), incoming.cdnAmpWebUrl(), incoming.type(),
                incoming.category(), incoming.quality(), incoming.heat(), incoming.published(), incoming.provider(),
                incoming.topics(), incoming.images(), incoming.related(), incoming.secured(), incoming.extra(),
                incoming.source(), incoming.contentHash(), incoming.ingestedAt());
    }

    /** True when both say the same thing: equal except for {@code source}, {@code contentHash}, {@code ingestedAt}. */
    public static boolean sameContent(Article a, Article b) {
        return contentTree(a).equals(contentTree(b));
    }

    private static JsonNode contentTree(Article article) {
        // Compare JSON trees, not records: a stored copy has been through JSON and its "extra" map may hold
        // other number types than a freshly built one.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(article);
        tree.remove("source");
        tree.remove("contentHash");
        tree.remove("ingestedAt");
        return tree;
    }
}
