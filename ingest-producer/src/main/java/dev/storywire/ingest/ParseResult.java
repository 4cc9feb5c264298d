package dev.storywire.ingest;

import dev.storywire.model.Article;
import dev.storywire.model.Topics;

/** The outcome of reading one feed document: an {@link Article} to publish, or a rejection for the DLQ. */
public sealed interface ParseResult {

    /** Where the document was read: a file path, {@code stdin} or {@code file.jsonl:line}. */
    String source();

    /** The document exactly as read (for a rejection possibly truncated, see {@link Rejected#rawBytes()}). */
    byte[] rawBytes();

    /**
     * A valid document.
     *
     * @param article the article built from it
     * @param rawBytes the document exactly as read
     * @param value the article serialised as the record value of the articles topic, made once where the document
     *     is parsed (on the parsing threads) and sent, spooled and read back as it is
     */
    record Parsed(Article article, byte[] rawBytes, byte[] value) implements ParseResult {

        /**
         * A valid document, its article serialised here.
         *
         * @throws org.apache.kafka.common.errors.SerializationException when the article cannot be serialised
         */
        public Parsed(Article article, byte[] rawBytes) {
            this(article, rawBytes, Topics.ARTICLE_SERDE.serialize(null, article));
        }

        @Override
        public String source() {
            return article.source();
        }

        @Override
        public String toString() {
            return "Parsed[id=" + article.id() + ", source=" + article.source() + ", bytes=" + rawBytes.length + "]";
        }
    }

    /**
     * A document that cannot be published.
     *
     * @param reason why, naming the field and the bad value where there is one
     * @param position {@code line:column} (1-based, in the source file) when known, else {@code null}
     * @param rawBytes the document's bytes; capped at {@link #MAX_DLQ_BYTES} so it always fits a DLQ record
     */
    record Rejected(String source, String reason, String position, byte[] rawBytes) implements ParseResult {

        /** Oversized inputs keep only their first 64 KiB: enough to find them, small enough for one Kafka record. */
        public static final int MAX_DLQ_BYTES = 64 * 1024;

        public Rejected {
            if (rawBytes == null) {
                rawBytes = new byte[0];
            } else if (rawBytes.length > MAX_DLQ_BYTES) {
                rawBytes = java.util.Arrays.copyOf(rawBytes, MAX_DLQ_BYTES);
            }
        }

        @Override
        public String toString() {
            return "Rejected[source=" + source + ", reason=" + reason + ", position=" + position + "]";
        }
    }
}
