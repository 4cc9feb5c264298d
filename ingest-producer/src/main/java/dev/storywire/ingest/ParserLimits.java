package dev.storywire.ingest;

/**
 * Bounds that keep a hostile or broken input from exhausting memory or CPU.
 *
 * @param maxDocumentBytes largest accepted document (one front-matter block, YAML document or JSON line), in bytes;
 *     also the SnakeYAML code point limit
 * @param maxFileBytes largest file (or stdin) read at all; larger inputs are rejected without being read whole
 * @param maxAliases YAML aliases ({@code *name}) allowed per document, to scalars and collections alike; small,
 *     because feed documents use none and "billion laughs" documents need many
 * @param maxNestingDepth deepest YAML/JSON nesting accepted; the feed format needs about 6
 * @param maxExpandedBytes largest size of a document's values once every alias is replaced by what it refers to
 *     (in characters of keys and scalars, a lower bound of its bytes); what the article record will be about as
 *     large as
 */
public record ParserLimits(
        int maxDocumentBytes, long maxFileBytes, int maxAliases, int maxNestingDepth, long maxExpandedBytes) {

    /** 1 MiB: a feed document is a few KiB; Kafka's default max message size is 1 MiB as well. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;
    /** 64 MiB: room for a large multi-document or JSON Lines file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_ALIASES = 50;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

    public ParserLimits {
        if (maxDocumentBytes <= 0 || maxFileBytes <= 0 || maxAliases < 0 || maxNestingDepth <= 0
                || maxExpandedBytes <= 0) {
            throw new IllegalArgumentException("parser limits must be positive: maxDocumentBytes=" + maxDocumentBytes
                    + ", maxFileBytes=" + maxFileBytes + ", maxAliases=" + maxAliases
                    + ", maxNestingDepth=" + maxNestingDepth + ", maxExpandedBytes=" + maxExpandedBytes);
        }
    }

    /** The defaults; the expanded size is bounded like the document itself (1 MiB), so the record fits Kafka's. */
    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ALIASES,
                DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** Sets the document limit and the expanded-size limit to {@code bytes}, and raises the file limit to it. */
    public ParserLimits withMaxDocumentBytes(int bytes) {
        return new ParserLimits(bytes, Math.max(maxFileBytes, bytes), maxAliases, maxNestingDepth, bytes);
    }

    public ParserLimits withMaxFileBytes(long bytes) {
        return new ParserLimits(maxDocumentBytes, bytes, maxAliases, maxNestingDepth, maxExpandedBytes);
    }

    public ParserLimits withMaxExpandedBytes(long bytes) {
        return new ParserLimits(maxDocumentBytes, maxFileBytes, maxAliases, maxNestingDepth, bytes);
    }

    public ParserLimits withMaxAliases(int aliases) {
        return new ParserLimits(maxDocumentBytes, maxFileBytes, aliases, maxNestingDepth, maxExpandedBytes);
    }
}
