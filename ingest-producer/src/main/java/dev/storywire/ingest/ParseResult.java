package dev.storywire.ingest;

import dev.storywire.model.Article;

/** The outcome of reading one feed document: an {@link Article} to publish, or a rejection for the DLQ. */
public sealed interface ParseResult {

    /** Where the document was read: a file path, {@code stdin} or {@code file.jsonl:line}. */
    String source();

    /** The document exactly as read (for a rejection possibly truncated, see {@link Rejected#rawBytes()}). */
    byte[] rawBytes();

    /**
     * A valid document.
     *
     * @param record the article as the articles topic receives it, serialised once where the document is parsed (on
     *     the parsing threads) and then sent, held, spooled and read back as it is
     * @param rawBytes the document exactly as read
     */
    record Parsed(ArticleRecord record, byte[] rawBytes) implements ParseResult {

        /**
         * A valid document, its article serialised here.
         *
         * @throws org.apache.kafka.common.errors.SerializationException when the article cannot be serialised
         */
        public Parsed(Article article, byte[] rawBytes) {
            this(ArticleRecord.of(article), rawBytes);
        }

        @Override
        public String source() {
            return record.source();
        }

        /** The record value: the article as JSON. */
        public byte[] value() {
            return record.value();
        }

        /** The article, decoded from the record value (publishing never needs it). */
        public Article article() {
            return record.article();
        }

        @Override
        public String toString() {
            return "Parsed[id=" + record.id() + ", source=" + record.source() + ", bytes=" + rawBytes.length + "]";
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
