package dev.storywire.ingest;

import dev.storywire.model.Article;
import dev.storywire.model.Topics;
import java.time.Instant;

/**
 * A parsed article as the articles topic receives it: its key, the fields that go into headers, the field it is
 * ordered by, and its serialised value. Publishing and ordering need nothing else, so a batch held for sorting (or
 * spooled to disk) keeps this rather than the article's object graph, and nothing is decoded again to send it.
 *
 * @param id the canonical id, the record key
 * @param source where the document was read
 * @param contentHash SHA-256 of the raw document, hex
 * @param ingestedAt when the producer read the document
 * @param publishedDateTime the article's publish time, {@code null} when it states none
 * @param value the article as JSON, the record value
 */
public record ArticleRecord(String id, String source, String contentHash, Instant ingestedAt,
        Instant publishedDateTime, byte[] value) {

    /**
     * Serialises {@code article}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when it cannot be serialised
     */
    public static ArticleRecord of(Article article) {
        return new ArticleRecord(article.id(), article.source(), article.contentHash(), article.ingestedAt(),
                article.publishedDateTime(), Topics.ARTICLE_SERDE.serialize(null, article));
    }

    /** The article, decoded from {@link #value()}. */
    public Article article() {
        return Topics.ARTICLE_SERDE.deserialize(null, value);
    }

    @Override
    public String toString() {
        return "ArticleRecord[id=" + id + ", source=" + source + ", bytes=" + value.length + "]";
    }
}
