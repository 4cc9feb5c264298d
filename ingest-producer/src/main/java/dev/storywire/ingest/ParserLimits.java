package dev.storywire.ingest;

/**
 * Bounds that keep a hostile or broken input from exhausting memory or CPU.
 *
 * @param maxDocumentBytes largest accepted document (one front-matter block, YAML document or JSON line), in bytes;
 *     also the SnakeYAML code point limit
 * @param maxFileBytes largest file (or stdin) read at all; larger inputs are rejected without being read whole
 * @param maxAliasesForCollections YAML aliases to collections allowed per document; small, because feed documents
 *     use none and "billion laughs" documents need many
 * @param maxNestingDepth deepest YAML/JSON nesting accepted; the feed format needs about 6
 */
public record ParserLimits(
        int maxDocumentBytes, long maxFileBytes, int maxAliasesForCollections, int maxNestingDepth) {

    /** 1 MiB: a feed document is a few KiB; Kafka's default max message size is 1 MiB as well. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 1024 * 1024;
    /** 64 MiB: room for a large multi-document or JSON Lines file. */
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_ALIASES = 50;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;

    public ParserLimits {
        if (maxDocumentBytes <= 0 || maxFileBytes <= 0 || maxAliasesForCollections < 0 || maxNestingDepth <= 0) {
            throw new IllegalArgumentException("parser limits must be positive: maxDocumentBytes=" + maxDocumentBytes
                    + ", maxFileBytes=" + maxFileBytes + ", maxAliasesForCollections=" + maxAliasesForCollections
                    + ", maxNestingDepth=" + maxNestingDepth);
        }
    }

    public static ParserLimits defaults() {
        return new ParserLimits(
                DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_ALIASES, DEFAULT_MAX_NESTING_DEPTH);
    }

    public ParserLimits withMaxDocumentBytes(int bytes) {
        return new ParserLimits(bytes, Math.max(maxFileBytes, bytes), maxAliasesForCollections, maxNestingDepth);
    }

    public ParserLimits withMaxFileBytes(long bytes) {
        return new ParserLimits(maxDocumentBytes, bytes, maxAliasesForCollections, maxNestingDepth);
    }
}
