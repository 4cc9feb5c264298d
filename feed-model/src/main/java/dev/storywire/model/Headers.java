package dev.storywire.model;

/** Record header names shared by the producer, the processor and the sink. */
public final class Headers {
    /** Where the document was read: a file path, {@code stdin} or {@code file.jsonl:line}. */
    public static final String SOURCE = "storywire.source";
    /** SHA-256 of the raw document, hex. */
    public static final String CONTENT_HASH = "storywire.content-hash";
    /** Why a document went to the dead-letter topic. */
    public static final String DLQ_REASON = "storywire.dlq.reason";
    /** Line and column of a parse error, {@code line:column}, when known. */
    public static final String DLQ_POSITION = "storywire.dlq.position";
    /** Producer wall-clock time in epoch milliseconds, for end-to-end latency. */
    public static final String INGESTED_AT = "storywire.ingested-at";

    /**
     * On a tombstone of the {@code stories} topic: the id of the story the tombstoned one was merged into (UTF-8).
     * Added in 0.1 for subscribers (docs/subscribers.md); absent on tombstones written by older processors.
     */
    public static final String MERGED_INTO = "storywire.merged-into";

    private Headers() {
    }
}
