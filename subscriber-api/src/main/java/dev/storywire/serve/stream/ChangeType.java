package dev.storywire.serve.stream;

import java.util.Locale;

/** What a record of the {@code stories} topic did to its story; the server-sent event's {@code event} name. */
public enum ChangeType {
    /** The first version of a story. */
    CREATED,
    /** A later version with more articles than the one before it. */
    GROWN,
    /** A later version with as many articles (new topics, related items, corrections) or one whose predecessor
     * this stream did not see. */
    UPDATED,
    /** A tombstone: the story was merged into another ({@code mergedInto}). */
    MERGED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
